import { describe, expect, it } from 'vitest';
import { deliveryMeasures, deliveryTrend, meanMeasures } from './trend.js';
import type { Delivery } from './types.js';

function delivery(wordsPerMinute: number, speakingSec: number, fillers: number, pauses: number): Delivery {
  return {
    durationSec: speakingSec + pauses * 2,
    speakingSec,
    wordsPerMinute,
    pauses: Array.from({ length: pauses }, (_, i) => ({ startSec: i * 10, endSec: i * 10 + 2 })),
    fillers: fillers
      ? [
          { word: 'um', count: fillers - 1 },
          { word: 'you know', count: 1 },
        ]
      : [],
    pitchVariationSemitones: 2,
    loudnessDb: -20,
    findings: [],
  };
}

describe('delivery over time', () => {
  it('counts fillers per minute of speaking, not of recording', () => {
    expect(deliveryMeasures(delivery(150, 90, 6, 2))).toEqual({ wordsPerMinute: 150, fillersPerMinute: 4, longPauses: 2 });
    expect(deliveryMeasures(delivery(0, 0, 0, 0)).fillersPerMinute).toBe(0);
  });

  it('orders answers by time and gives the mean; null when nothing was spoken', () => {
    const trend = deliveryTrend([
      { attemptId: 'b', questionId: 'q2', answeredAt: '2026-11-02T10:00:00Z', delivery: delivery(120, 60, 2, 0) },
      { attemptId: 'a', questionId: 'q1', answeredAt: '2026-11-01T10:00:00Z', delivery: delivery(180, 60, 5, 3) },
    ]);
    expect(trend.answers.map((a) => a.attemptId)).toEqual(['a', 'b']);
    expect(trend.mean).toEqual({ wordsPerMinute: 150, fillersPerMinute: 3.5, longPauses: 1.5 });
    expect(meanMeasures([])).toBeNull();
    expect(deliveryTrend([])).toEqual({ answers: [], mean: null });
  });
});
