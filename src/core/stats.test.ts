import { describe, expect, it } from 'vitest';
import { linearFit, pearson, rmse, spearman } from './stats.js';

describe('stats', () => {
  it('computes Pearson r for known series', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 10);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 10);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('ranks ties by their mean rank for Spearman', () => {
    expect(spearman([1, 2, 2, 3], [10, 20, 20, 30])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 16])).toBeCloseTo(1, 10);
  });

  it('fits a least-squares line and measures RMSE', () => {
    const fit = linearFit([0, 1, 2], [1, 3, 5]);
    expect(fit.slope).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
    expect(rmse([1, 2], [1, 4])).toBeCloseTo(Math.SQRT2, 10);
  });
});
