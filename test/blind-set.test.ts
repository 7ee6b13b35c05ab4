/**
 * The labelled set written blind to the engine (test/fixtures/blind-answers.yaml; see
 * bench/blind-set.ts for what each check asks). Every check runs as a test. Checks the engine
 * does not meet yet are listed in test/fixtures/blind-gaps.yaml, each with its reason, and run
 * as skipped tests whose title says why; a listed gap that closes fails, so the list only shrinks.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { blindSetChecks, readBlindSet } from '../bench/blind-set.js';
import { createCoach } from '../src/index.js';

const coach = await createCoach();
const set = readBlindSet();
const checks = blindSetChecks(coach, set);
const gaps = parse(readFileSync(new URL('./fixtures/blind-gaps.yaml', import.meta.url), 'utf8')) as Record<string, string>;

describe('blind set: fixture', () => {
  it('holds at least 80 answers to rubric questions and 40 to prompt-only questions, of every kind asked for', () => {
    const rubricAnswers = [...set.bank, ...set.user].flatMap((c) => c.answers);
    const openAnswers = set.open.flatMap((c) => c.answers);
    expect(rubricAnswers.length).toBeGreaterThanOrEqual(80);
    expect(openAnswers.length).toBeGreaterThanOrEqual(40);
    for (const type of ['strong', 'partial', 'keywords', 'negated', 'other', 'misconception', 'followup'] as const)
      expect(
        rubricAnswers.some((a) => a.type === type),
        type,
      ).toBe(true);
    expect(set.user.length).toBeGreaterThanOrEqual(4);
  });

  it('lists only gaps that are checks of the set', () => {
    const names = new Set(checks.map((c) => c.name));
    expect(Object.keys(gaps).filter((g) => !names.has(g))).toEqual([]);
  });

  it('meets at least 85 % of its checks (the held-out target)', () => {
    expect(checks.filter((c) => c.passed).length / checks.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe.each([...new Set(checks.map((c) => c.group))])('blind set: %s', (group) => {
  for (const check of checks.filter((c) => c.group === group)) {
    const gap = gaps[check.name];
    if (gap) {
      it.skip(`${check.name} (known gap: ${gap})`, () => {});
      it(`${check.name} is still a gap (delete it from blind-gaps.yaml once the engine meets it)`, () => expect(check.passed, check.detail).toBe(false));
    } else {
      it(check.name, () => expect(check.passed, check.detail).toBe(true));
    }
  }
});
