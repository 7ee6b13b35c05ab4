// Pure session logic: planning, follow-up choice and the report.
import { describe, expect, it } from 'vitest';
import { chooseFollowUps, followUpQuestion, MISSED_POINTS_PROMPT } from '../../src/core/session/follow-ups.js';
import { planQuestions, topicWeight, type PlannableQuestion } from '../../src/core/session/plan.js';
import { streaks } from '../../src/core/session/progress.js';
import { buildReport, habitsToWorkOn } from '../../src/core/session/report.js';
import type { Feedback, Finding } from '../../src/core/types.js';

const bank: PlannableQuestion[] = [
  ...['a', 'b', 'c', 'd'].map((id) => ({ id: `net-${id}`, topic: 'networking-security' as const, levels: ['mid' as const], kind: 'concept' as const })),
  ...['a', 'b', 'c', 'd'].map((id) => ({ id: `ts-${id}`, topic: 'troubleshooting' as const, levels: ['mid' as const], kind: 'troubleshooting' as const })),
  { id: 'story', topic: 'behavioral', levels: ['mid'], kind: 'behavioral' },
  { id: 'senior-only', topic: 'troubleshooting', levels: ['senior'], kind: 'design' },
];
const base = { role: 'sre' as const, level: 'mid' as const, topics: [], count: 3, mix: 0, history: [], seed: 'x' };

function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    score: 40,
    rubric: [
      { point: 'one', covered: true, strength: 1, evidence: 'e' },
      { point: 'two', covered: false, strength: 0, evidence: null },
    ],
    structure: { framework: 'CCTR', parts: [{ part: 'context', present: true, evidence: 'e' }] },
    findings: [],
    services: [],
    leadershipPrinciples: [],
    tips: [],
    ...over,
  };
}
const finding = (code: Finding['code']): Finding => ({ code, message: code, evidence: null });

describe('planQuestions', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(planQuestions(bank, base)).toEqual(planQuestions(bank, base));
    const plans = new Set(['1', '2', '3', '4', '5', '6'].map((seed) => planQuestions(bank, { ...base, seed }).join()));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('keeps to the level, topics and behavioural mix', () => {
    const plan = planQuestions(bank, { ...base, topics: ['troubleshooting'], count: 10 });
    expect(plan.sort()).toEqual(['ts-a', 'ts-b', 'ts-c', 'ts-d']);
    expect(planQuestions(bank, { ...base, count: 2, mix: 0.5 })).toContain('story');
    expect(planQuestions(bank, { ...base, count: 8, mix: 0 })).not.toContain('story');
  });

  it('holds back recently mastered questions while others remain', () => {
    const history = ['net-a', 'net-b', 'net-c'].map((questionId) => ({ questionId, topic: 'networking-security' as const, score: 92 }));
    for (const seed of ['1', '2', '3', '4'])
      expect(planQuestions(bank, { ...base, history, seed, topics: ['networking-security'], count: 1 })).toEqual(['net-d']);
  });

  it('weights a weak topic up and a mastered one down', () => {
    const weak = [{ questionId: 'net-a', topic: 'networking-security' as const, score: 30 }];
    const strong = [{ questionId: 'net-a', topic: 'networking-security' as const, score: 95 }];
    expect(topicWeight('sre', 'networking-security', weak)).toBeGreaterThan(topicWeight('sre', 'networking-security', []));
    expect(topicWeight('sre', 'networking-security', strong)).toBeLessThan(topicWeight('sre', 'networking-security', []));
  });
});

describe('chooseFollowUps', () => {
  const question = {
    rubric: ['one', 'two'],
    followUps: [
      { prompt: 'Tell me about one', when: { missed: 1 } },
      { prompt: 'And two?', when: { missed: 2 } },
    ],
  };

  it('asks the question’s own follow-up whose trigger fired', () => {
    const chosen = chooseFollowUps(question, feedback());
    expect(chosen.map((c) => c.prompt)).toEqual(['And two?']);
    expect(chosen[0]!.rubric).toEqual(['two']);
  });

  it('builds follow-ups from the answer, at most two', () => {
    const chosen = chooseFollowUps(
      { rubric: ['one', 'two'] },
      feedback({ services: ['Amazon SQS'], findings: [finding('no-tradeoff'), finding('no-metrics')] }),
    );
    expect(chosen).toHaveLength(2);
    expect(chosen[0]!.prompt).toBe('Why Amazon SQS and not Amazon Kinesis Data Streams?');
    expect(chosen[1]!.prompt).toMatch(/break first/);
  });

  it('asks for what a partial answer left out when no other follow-up fired, graded on the missed points', () => {
    const rubric = [
      { point: 'one', covered: true, strength: 1, evidence: 'e' },
      { point: 'two', covered: false, strength: 0.2, evidence: null },
    ];
    const chosen = chooseFollowUps({ rubric: ['one', 'two'] }, feedback({ score: 60, rubric }));
    expect(chosen).toEqual([{ prompt: MISSED_POINTS_PROMPT, trigger: { missed: 2 }, rubric: ['two'] }]);
  });

  it('asks nothing after a strong, complete, clean answer', () => {
    const rubric = [
      { point: 'one', covered: true, strength: 1, evidence: 'e' },
      { point: 'two', covered: true, strength: 1, evidence: 'e' },
    ];
    expect(chooseFollowUps(question, feedback({ score: 90, rubric }))).toEqual([]);
  });

  it('grades a follow-up against the parent kind and the relevant points, with the parent as context', () => {
    const q = followUpQuestion({ kind: 'design', prompt: 'Design one.' }, { prompt: 'And two?', trigger: { missed: 2 }, rubric: ['two'] });
    expect(q).toMatchObject({ prompt: 'And two?', kind: 'design', rubric: ['two'], context: 'Design one.' });
  });

  it('grades a follow-up on its own rubric when the content gives one', () => {
    const withOwn = {
      ...question,
      followUps: [{ prompt: 'How would you prove it?', when: { missed: 1 }, rubric: ['The REPORT line shows Init Duration only on a cold start.'] }],
    };
    const rubric = [{ point: withOwn.rubric![0]!, covered: false, strength: 0, evidence: null }];
    const chosen = chooseFollowUps(withOwn, feedback({ score: 20, rubric }));
    expect(chosen[0]).toMatchObject({ prompt: 'How would you prove it?', rubric: ['The REPORT line shows Init Duration only on a cold start.'] });
  });

  it('grades a built follow-up as an open question on its own prompt', () => {
    const rubric = [{ point: 'one', covered: false, strength: 0, evidence: null }];
    const built = chooseFollowUps({ rubric: ['one'] }, feedback({ score: 20, rubric, findings: [{ code: 'no-tradeoff', message: 'm', evidence: null }] }));
    expect(built.length).toBeGreaterThan(0);
    // Only the follow-up that asks for what was left out is graded on the points left out.
    for (const f of built.filter((b) => b.prompt !== MISSED_POINTS_PROMPT)) expect(f.rubric, f.prompt).toEqual([]);
    expect(built.some((b) => b.prompt !== MISSED_POINTS_PROMPT)).toBe(true);
  });
});

describe('buildReport', () => {
  it('averages main answers and ranks habits by frequency', () => {
    const main = { prompt: 'p', answer: 'a', followUps: [{ prompt: 'f', answer: 'b', feedback: feedback({ findings: [finding('no-metrics')] }) }] };
    const report = buildReport('s', [
      { ...main, id: 'q1', topic: 'troubleshooting', feedback: feedback({ score: 40, findings: [finding('no-metrics'), finding('buzzwords')] }) },
      { ...main, id: 'q2', topic: 'cost-finops', feedback: feedback({ score: 90 }) },
    ]);
    expect(report.score).toBe(65);
    expect(report.habits[0]).toEqual({ code: 'no-metrics', count: 3 });
    // cost-finops: a main answer of 90 and a follow-up of 40 is still a topic to practise.
    expect(report.next).toEqual([
      { topic: 'troubleshooting', score: 40 },
      { topic: 'cost-finops', score: 65 },
    ]);
    expect(habitsToWorkOn([feedback({ findings: ['a', 'b', 'c', 'd'].map(() => finding('too-short')) })])).toEqual([{ code: 'too-short', count: 4 }]);
  });
});

describe('streaks', () => {
  it('counts consecutive practice days, kept until the day after', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-04', '2026-11-05', '2026-11-06'];
    expect(streaks(days, '2026-11-06')).toEqual({ current: 3, longest: 3, daysPractised: 5 });
    expect(streaks(days, '2026-11-07').current).toBe(3);
    expect(streaks(days, '2026-11-08').current).toBe(0);
    expect(streaks([], '2026-11-08')).toEqual({ current: 0, longest: 0, daysPractised: 0 });
  });
});
