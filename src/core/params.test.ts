// The engine's parameters: one object, overridable in part, and a score that names every factor.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../content/knowledge.js';
import type { Knowledge } from './lexicon.js';
import { createGrader } from './grade.js';
import { defaultParameters, parametersFor } from './params.js';
import { explainScore } from './score.js';
import type { Question } from './types.js';

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const sgNacl: Question = {
  prompt: 'What is the difference between a security group and a network ACL?',
  kind: 'concept',
  rubric: ['Security groups are stateful; network ACLs are stateless.', 'Security groups attach to instances; network ACLs apply to a whole subnet.'],
  pitfalls: [{ claim: 'Security groups are stateless and network ACLs are stateful.', correction: 'Security groups are stateful; NACLs are stateless.' }],
};
const right =
  'Security groups are stateful, so reply traffic is allowed back automatically, while network ACLs are stateless and need rules in both directions. ' +
  'A security group attaches to an instance, and a network ACL applies to the whole subnet.';

const sumOf = (factors: Array<{ points: number }>) => factors.reduce((n, f) => n + f.points, 0);

describe('EngineParameters', () => {
  it('overrides one value or part of a group and keeps every other default', () => {
    const base = defaultParameters();
    const custom = defaultParameters({ coveredAt: 0.9, habits: { serviceDumpAt: 5 } });
    expect(custom.coveredAt).toBe(0.9);
    expect(custom.habits.serviceDumpAt).toBe(5);
    expect(custom.habits.keywordListShare).toBe(base.habits.keywordListShare);
    expect(custom.findings).toEqual(base.findings);
    expect(base.findings['off-topic']).toMatchObject({ penalty: 1, cap: 10 });
  });

  it('grades with the parameters it is given: a coverage threshold above any strength covers no point and scores lower', () => {
    const usual = createGrader(knowledge).grade(sgNacl, right);
    const strict = createGrader(knowledge, defaultParameters({ coveredAt: 1.01 })).grade(sgNacl, right);
    expect(usual.rubric.filter((r) => r.covered)).toHaveLength(2);
    expect(strict.rubric.filter((r) => r.covered)).toHaveLength(0);
    expect(strict.score).toBeLessThan(usual.score);
  });

  it('makes the short-answer profile a preset: only substance counts, and a fragment may state a point', () => {
    const grader = createGrader(knowledge);
    const fragment = 'stateful security groups, stateless network ACLs';
    const short = grader.grade(sgNacl, fragment, { profile: 'short-answer' });
    const breakdown = explainScore(short, 'short-answer');
    expect(short.score).toBe(Math.round(100 * breakdown.substance));
    expect(short.findings.map((f) => f.code)).not.toContain('too-short');
    expect(explainScore(short, parametersFor('short-answer')).score).toBe(short.score);
    expect(grader.grade(sgNacl, fragment).score).toBeLessThan(short.score);
  });
});

describe('explainScore factors', () => {
  it('lists the credits of a clean answer, which sum to its score', () => {
    const f = createGrader(knowledge).grade(sgNacl, right);
    const breakdown = explainScore(f);
    expect(breakdown.score).toBe(f.score);
    expect(breakdown.factors.map((x) => x.name)).toEqual(expect.arrayContaining(['substance', 'habits']));
    expect(Math.round(sumOf(breakdown.factors))).toBe(f.score);
  });

  it('lists a wrong claim as its penalty and its halving, with the points each cost', () => {
    const f = createGrader(knowledge).grade(
      sgNacl,
      'Security groups are stateless and network ACLs are stateful, so a security group needs rules for the reply traffic. A network ACL applies to the whole subnet.',
    );
    const breakdown = explainScore(f);
    const misconception = breakdown.factors.filter((x) => x.name === 'misconception');
    expect(misconception.map((x) => x.kind)).toEqual(['penalty', 'factor']);
    for (const x of misconception) expect(x.points).toBeLessThan(0);
    expect(Math.round(sumOf(breakdown.factors))).toBe(f.score);
  });

  it('lists the off-topic cap when it lowered the score', () => {
    const feedback = {
      rubric: [{ point: 'p', covered: true, strength: 1, evidence: 'e' }],
      structure: { framework: 'CCTR' as const, parts: [{ part: 'context' as const, present: true, evidence: 'e' }] },
      findings: [{ code: 'off-topic' as const, message: 'm', evidence: null }],
    };
    const breakdown = explainScore(feedback);
    expect(breakdown.score).toBe(10);
    expect(breakdown.capped).toBe(true);
    expect(breakdown.factors.at(-1)).toMatchObject({ name: 'off-topic', kind: 'cap' });
    expect(sumOf(breakdown.factors)).toBeCloseTo(10, 9);
  });
});
