import { describe, expect, it } from 'vitest';
import { pickExercise } from './plan.js';
import { reviewInterval, suggestAnyPractice, suggestExercise, suggestPractice } from './suggestion.js';

const questions = [
  { id: 'sg-vs-nacl', topic: 'networking-security' as const },
  { id: 'sqs-decoupling', topic: 'compute-serverless' as const },
  { id: 'ddb-keys', topic: 'storage-databases' as const },
];

describe('suggestPractice', () => {
  it('brings back the weakest overdue answer first', () => {
    const s = suggestPractice(
      [
        { questionId: 'sg-vs-nacl', score: 70, answeredAt: '2026-11-10T09:00:00Z' },
        { questionId: 'sqs-decoupling', score: 40, answeredAt: '2026-11-20T09:00:00Z' },
        { questionId: 'ddb-keys', score: 30, answeredAt: '2026-11-22T09:00:00Z' }, // answered today: not due yet
      ],
      questions,
      '2026-11-22',
    );
    expect(s).toEqual({ questionId: 'sqs-decoupling', reason: 'You scored 40 on this 2 days ago; answering it again now is what makes it stick.' });
  });

  it('judges a question by its latest attempt', () => {
    const s = suggestPractice(
      [
        { questionId: 'sg-vs-nacl', score: 30, answeredAt: '2026-11-01T09:00:00Z' },
        { questionId: 'sg-vs-nacl', score: 95, answeredAt: '2026-11-20T09:00:00Z' },
      ],
      questions,
      '2026-11-22',
    );
    expect(s).toEqual({ questionId: 'sqs-decoupling', reason: 'You have not practised compute and serverless yet.' });
  });

  it('refreshes a mastered answer after three weeks', () => {
    const s = suggestPractice(
      questions.map((q) => ({ questionId: q.id, score: 90, answeredAt: q.id === 'ddb-keys' ? '2026-10-01T09:00:00Z' : '2026-11-21T09:00:00Z' })),
      questions,
      '2026-11-22',
    );
    expect(s?.questionId).toBe('ddb-keys');
    expect(s?.reason).toMatch(/a quick refresh keeps it that way/);
  });

  it('starts a new user on a first question, and has nothing when everything is fresh', () => {
    expect(suggestPractice([], questions, '2026-11-22')).toEqual({ questionId: 'sg-vs-nacl', reason: 'A first question to start with.' });
    expect(
      suggestPractice(
        questions.map((q) => ({ questionId: q.id, score: 90, answeredAt: '2026-11-21T09:00:00Z' })),
        questions,
        '2026-11-22',
      ),
    ).toBeNull();
    expect(suggestPractice([], [], '2026-11-22')).toBeNull();
  });

  it('spaces reviews by score', () => {
    expect([reviewInterval(20), reviewInterval(70), reviewInterval(90)]).toEqual([1, 3, 21]);
  });
});

describe('suggestAnyPractice with exercises', () => {
  const exercises = new Set(['iam-sqs', 'vpc-nat']);
  it('brings a failed exercise back the next day, before a better-scored due question', () => {
    const s = suggestAnyPractice(
      [{ questionId: 'sg-vs-nacl', score: 70, answeredAt: '2026-11-10T09:00:00Z' }],
      questions,
      [{ exerciseId: 'iam-sqs', passed: false, score: 63, checkedAt: '2026-11-21T09:00:00Z' }],
      exercises,
      '2026-11-22',
    );
    expect(s).toEqual({ exerciseId: 'iam-sqs', reason: 'This exercise did not pass yesterday (63% of its checks); try it again now.' });
  });

  it('a due question that scored lower comes first; an exercise not due yet waits', () => {
    const attempts = [{ questionId: 'sqs-decoupling', score: 30, answeredAt: '2026-11-20T09:00:00Z' }];
    expect(
      suggestAnyPractice(
        attempts,
        questions,
        [{ exerciseId: 'vpc-nat', passed: false, score: 50, checkedAt: '2026-11-21T09:00:00Z' }],
        exercises,
        '2026-11-22',
      ),
    ).toMatchObject({ questionId: 'sqs-decoupling' });
    // Checked today: not due before tomorrow.
    expect(
      suggestAnyPractice([], questions, [{ exerciseId: 'vpc-nat', passed: false, score: 75, checkedAt: '2026-11-22T09:00:00Z' }], exercises, '2026-11-22'),
    ).toMatchObject({ questionId: 'sg-vs-nacl' });
  });

  it('judges an exercise by its latest attempt, and forgets exercises that are gone', () => {
    const passedAfter = [
      { exerciseId: 'iam-sqs', passed: false, score: 20, checkedAt: '2026-11-01T09:00:00Z' },
      { exerciseId: 'iam-sqs', passed: true, score: 100, checkedAt: '2026-11-02T09:00:00Z' },
    ];
    expect(suggestExercise(passedAfter, exercises, '2026-11-10')).toBeNull();
    expect(suggestExercise(passedAfter, exercises, '2026-11-23')).toMatchObject({
      exerciseId: 'iam-sqs',
      reason: 'You passed this exercise 21 days ago; doing it again keeps it fresh.',
    });
    expect(suggestExercise([{ exerciseId: 'deleted', passed: false, score: 0, checkedAt: '2026-11-01T09:00:00Z' }], exercises, '2026-11-23')).toBeNull();
  });
});

describe('pickExercise', () => {
  const pool = [
    { id: 'lambda-a', kind: 'lambda-python' as const, topic: 'compute-serverless' as const, levels: ['entry' as const] },
    { id: 'iam-a', kind: 'iam-policy' as const, topic: 'networking-security' as const, levels: ['entry' as const, 'mid' as const] },
    { id: 'vpc-a', kind: 'vpc-reachability' as const, topic: 'networking-security' as const, levels: ['mid' as const] },
  ];
  it('picks a kind the role writes, at the level and in the topics, reproducibly', () => {
    const input = { role: 'sre' as const, level: 'mid' as const, topics: [], passed: new Set<string>(), seed: 's' };
    expect(pickExercise(pool, input)).toBe('vpc-a');
    expect(pickExercise(pool, { ...input, level: 'entry' })).toBeUndefined();
    const backend = { ...input, role: 'backend-developer' as const, level: 'entry' as const };
    expect(['lambda-a', 'iam-a']).toContain(pickExercise(pool, backend));
    expect(pickExercise(pool, backend)).toBe(pickExercise(pool, backend));
    expect(pickExercise(pool, { ...backend, topics: ['networking-security'] })).toBe('iam-a');
  });

  it('holds back an exercise passed lately while another fits', () => {
    const input = { role: 'backend-developer' as const, level: 'entry' as const, topics: [], seed: 's' };
    expect(pickExercise(pool, { ...input, passed: new Set(['lambda-a']) })).toBe('iam-a');
    expect(pickExercise(pool, { ...input, passed: new Set(['lambda-a', 'iam-a']) })).toBeDefined();
  });
});
