// Pure logic behind "every attempt kept": follow-ups that never repeat what was just asked, and
// the comparison of two answers (gains and losses) that History and practice show.
import { describe, expect, it } from 'vitest';
import { chooseFollowUps } from '../../src/core/session/follow-ups.js';
import { buildProgress, compareAnswers } from '../../src/core/session/progress.js';
import { generateClaimQuestion } from '../../src/core/tailor/generate.js';
import type { Feedback, Finding } from '../../src/core/types.js';

const finding = (code: Finding['code']): Finding => ({ code, message: code, evidence: null });
const point = (text: string, covered: boolean) => ({ point: text, covered, strength: covered ? 1 : 0, evidence: covered ? 'e' : null });

function feedback(over: Partial<Feedback> = {}): Feedback {
  return { score: 40, rubric: [], structure: { framework: 'STAR', parts: [] }, findings: [], services: [], leadershipPrinciples: [], tips: [], ...over };
}

describe('follow-ups never repeat what was just asked', () => {
  it('asks how a résumé figure was measured once, not again as "How did you measure that?"', () => {
    const question = generateClaimQuestion({ figure: '35%', sentence: 'Reduced the monthly Redshift bill by 35%.', services: ['Amazon Redshift'] }, 0);
    const rubric = (question.rubric ?? []).map((p, i) => point(p, i !== 2));
    const chosen = chooseFollowUps(question, feedback({ score: 46, rubric, findings: [finding('no-metrics')] }));
    expect(chosen[0]!.prompt).toBe('How exactly did you measure 35%? What was the baseline, and over what period?');
    expect(chosen.map((c) => c.prompt)).not.toContain('How did you measure that? What numbers showed it worked?');
  });

  it('does not ask about measuring when the question itself asked for the numbers', () => {
    const question = { prompt: 'Tell me about a cost saving you led. How did you measure it?', rubric: ['one'] };
    const chosen = chooseFollowUps(question, feedback({ score: 30, rubric: [point('one', true)], findings: [finding('no-metrics')] }));
    expect(chosen.map((c) => c.prompt).join(' ')).not.toMatch(/measure/i);
  });

  it('still asks how it was measured when nothing before asked', () => {
    const chosen = chooseFollowUps(
      { prompt: 'Tell me about a cost saving you led.', rubric: ['one'] },
      feedback({ score: 30, rubric: [point('one', true)], findings: [finding('no-metrics')] }),
    );
    expect(chosen.map((c) => c.prompt)).toContain('How did you measure that? What numbers showed it worked?');
  });
});

describe('compareAnswers', () => {
  it('lists what was gained and what was lost, points and habits', () => {
    const before = feedback({ rubric: [point('A', true), point('B', false), point('C', true)], findings: [finding('too-short'), finding('no-metrics')] });
    const after = feedback({ rubric: [point('A', true), point('B', true), point('C', false)], findings: [finding('no-metrics'), finding('buzzwords')] });
    expect(compareAnswers(before, after)).toEqual({ improved: ['B'], lost: ['C'], habitsDropped: ['too-short'], habitsAdded: ['buzzwords'] });
  });
});

describe('buildProgress', () => {
  const at = (day: string) => `2026-11-${day}T10:00:00.000Z`;
  const answer = { answer: 'a', prompt: 'Why?' };
  it('counts follow-up habits and unknown questions in habits and streaks, but scores topics and compares only main answers', () => {
    const progress = buildProgress(
      [
        { ...answer, questionId: 'q1', topic: 'cost-finops', score: 50, feedback: feedback({ score: 50 }), answeredAt: at('01') },
        {
          ...answer,
          questionId: 'q1',
          topic: 'cost-finops',
          score: 20,
          feedback: feedback({ score: 20, findings: [finding('too-short')] }),
          answeredAt: at('01'),
          isFollowUp: true,
        },
        { ...answer, questionId: 'gone', topic: null, score: 70, feedback: feedback({ findings: [finding('no-tradeoff')] }), answeredAt: at('02') },
        { ...answer, questionId: 'q1', topic: 'cost-finops', score: 80, feedback: feedback({ score: 80 }), answeredAt: at('02'), prompt: 'Why, again?' },
      ],
      '2026-11-02',
    );
    expect(progress.topics).toEqual({
      'cost-finops': [
        { date: '2026-11-01', score: 50 },
        { date: '2026-11-02', score: 80 },
      ],
    });
    expect(progress.habits).toEqual({ 'too-short': [{ date: '2026-11-01', count: 1 }], 'no-tradeoff': [{ date: '2026-11-02', count: 1 }] });
    expect(progress.questions.map((q) => [q.questionId, q.prompt, q.attempts.map((a) => a.score)])).toEqual([['q1', 'Why, again?', [50, 80]]]);
    expect(progress.streak).toEqual({ current: 2, longest: 2, daysPractised: 2 });
  });
});
