/**
 * The own-words development set (../shared/data/own-words, written blind to the engine; see
 * bench/own-words.ts for the checks). Tuned on freely, so it holds a floor, not every check:
 * `npx tsx bench/own-words.ts --verbose` lists what fails.
 */
import { describe, expect, it } from 'vitest';
import { OWN_WORDS_PATH, ownWordsChecks, readOwnWords, summarise } from '../bench/own-words.js';
import { createCoach } from '../src/index.js';

const data = readOwnWords();

describe.skipIf(!data)(`own-words development set${data ? '' : ` (skipped: ${OWN_WORDS_PATH} is missing)`}`, () => {
  it('meets at least 80 % of its checks, and every keyword list earns nothing', async () => {
    const checks = ownWordsChecks(await createCoach(), data!);
    const groups = Object.fromEntries(summarise(checks).map((g) => [g.group, g]));
    console.log(
      summarise(checks)
        .map((g) => `${g.group}: ${g.passed}/${g.total}`)
        .join('; '),
    );
    expect(checks.filter((c) => c.passed).length / checks.length).toBeGreaterThanOrEqual(0.8);
    expect(groups['keywords: keyword-list']!.passed).toBe(groups['keywords: keyword-list']!.total);
    expect(groups['keywords: no substance']!.passed).toBe(groups['keywords: no substance']!.total);
  });
});
