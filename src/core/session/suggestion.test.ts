import { describe, expect, it } from 'vitest';
import { reviewInterval, suggestPractice } from './suggestion.js';

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
    const s = suggestPractice(questions.map((q) => ({ questionId: q.id, score: 90, answeredAt: q.id === 'ddb-keys' ? '2026-10-01T09:00:00Z' : '2026-11-21T09:00:00Z' })), questions, '2026-11-22');
    expect(s?.questionId).toBe('ddb-keys');
    expect(s?.reason).toMatch(/a quick refresh keeps it that way/);
  });

  it('starts a new user on a first question, and has nothing when everything is fresh', () => {
    expect(suggestPractice([], questions, '2026-11-22')).toEqual({ questionId: 'sg-vs-nacl', reason: 'A first question to start with.' });
    expect(suggestPractice(questions.map((q) => ({ questionId: q.id, score: 90, answeredAt: '2026-11-21T09:00:00Z' })), questions, '2026-11-22')).toBeNull();
    expect(suggestPractice([], [], '2026-11-22')).toBeNull();
  });

  it('spaces reviews by score', () => {
    expect([reviewInterval(20), reviewInterval(70), reviewInterval(90)]).toEqual([1, 3, 21]);
  });
});
