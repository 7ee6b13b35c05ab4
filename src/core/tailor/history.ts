import { SKILL_CUES } from './vocabulary.js';

/** One past answer: what the question was about (its words) and the score it got. */
export interface AnsweredForSkills {
  questionText: string;
  score: number;
}

/**
 * Average past score per skill, a skill counting for a question when the question's own words
 * name it (the same cues that read skills from postings), for the gap report.
 */
export function skillScores(answered: readonly AnsweredForSkills[]): Record<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const a of answered) {
    for (const [skill, cue] of Object.entries(SKILL_CUES)) {
      if (!cue.test(a.questionText)) continue;
      const s = sums.get(skill) ?? { total: 0, n: 0 };
      s.total += a.score;
      s.n += 1;
      sums.set(skill, s);
    }
  }
  return Object.fromEntries([...sums].map(([skill, s]) => [skill, Math.round(s.total / s.n)]));
}
