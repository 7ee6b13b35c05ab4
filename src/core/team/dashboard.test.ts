import { describe, expect, it } from 'vitest';
import type { Feedback } from '../types.js';
import { defaultDashboardParameters, stuckReason, summariseCandidate, type DashboardAttempt } from './dashboard.js';

const feedback = (score: number): Feedback => ({
  score,
  rubric: [],
  structure: { framework: 'CCTR', parts: [] },
  findings: [{ code: 'no-metrics', message: 'm', evidence: null }],
  services: [],
  leadershipPrinciples: [],
  tips: [],
});

function attempt(day: string, score: number, parent: string | null = null, sessionId = 's1'): DashboardAttempt {
  return {
    questionId: 'q',
    topic: 'networking-security',
    score,
    answer: 'a',
    feedback: feedback(score),
    answeredAt: `${day}T10:00:00.000Z`,
    sessionId,
    parentAttemptId: parent,
  };
}

const params = defaultDashboardParameters();

describe('cohort dashboard summary', () => {
  it('counts sessions, answers and main answers of the last seven days', () => {
    const summary = summariseCandidate(
      [attempt('2026-11-01', 40, null, 'old'), attempt('2026-11-25', 70), attempt('2026-11-25', 50, 'x'), attempt('2026-11-30', 80)],
      '2026-11-30',
    );
    expect(summary).toMatchObject({ sessions: 2, answers: 4, practisedThisWeek: 2, lastPractised: '2026-11-30', stuck: null });
    expect(summary.recentScore).toBe(63);
    expect(summary.progress.topics['networking-security']).toHaveLength(3);
    expect(summary.progress.habits['no-metrics']).toBeDefined();
  });

  it('calls a candidate stuck who never practised, went idle, or keeps scoring low without rising', () => {
    expect(summariseCandidate([], '2026-11-30').stuck).toBe('never-practised');
    expect(stuckReason([90], '2026-11-20', '2026-11-30', params)).toBe('idle');
    expect(stuckReason([50, 50, 50, 40, 45, 42], '2026-11-29', '2026-11-30', params)).toBe('not-improving');
    expect(stuckReason([30, 30, 30, 40, 45, 50], '2026-11-29', '2026-11-30', params)).toBeNull();
    expect(stuckReason([70, 75, 80], '2026-11-29', '2026-11-30', params)).toBeNull();
  });
});
