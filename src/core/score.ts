import type { Feedback, FindingCode, RubricResult } from './types.js';

/**
 * The score is computed from the parts a user sees, so it can always be explained:
 *
 *   score = 70 × substance + min(1, substance / 0.5) × (15 × structure + 15 × habits)
 *
 * substance: mean credit of the rubric points (a covered point earns 0.75 + 0.25 × strength,
 * an uncovered one a partial 0.6 × strength / COVERED_AT); structure: share of CCTR/STAR parts
 * present; habits: 1 minus the penalties of the findings. Form earns credit only in proportion
 * to substance, so a well-shaped answer with nothing in it, or padding, cannot score.
 * Each misconception halves the score, rambling (too-long) costs a fifth, a story without a number 15%; an off-topic answer is capped at 10. In the short-answer profile (exam-style grading, used by
 * `eval asag`) only substance counts: score = 100 × substance.
 */
export const COVERED_AT = 0.48;
export const OFF_TOPIC_CAP = 10;
/** A wrong claim is what interviewers remember: it halves the score. */
export const MISCONCEPTION_FACTOR = 0.5;
/** An interviewer stops listening to a ramble: it costs a fifth of the score. */
export const RAMBLING_FACTOR = 0.8;
/** A story with no number leaves the interviewer nothing to weigh: it costs 15%. */
export const UNMEASURED_STORY_FACTOR = 0.85;

export const FINDING_PENALTIES: Record<FindingCode, number> = {
  'definition-only': 0.3,
  buzzwords: 0.2,
  'service-dump': 0.3,
  'unqualified-hedge': 0.2,
  'no-tradeoff': 0.25,
  'vague-action': 0.25,
  'no-metrics': 0.25,
  'no-ownership': 0.3,
  'filler-opening': 0.1,
  'too-short': 0.4,
  'too-long': 0.25,
  'off-topic': 1,
  misconception: 0.5,
  'keyword-list': 0.4,
};

export interface ScoreBreakdown {
  substance: number;
  structure: number;
  habits: number;
  capped: boolean;
  score: number;
}

/** Credit (0–1) that one rubric result earns toward substance. */
export function pointCredit(result: Pick<RubricResult, 'covered' | 'strength'>): number {
  if (result.covered) return 0.75 + 0.25 * result.strength;
  return 0.6 * Math.min(1, result.strength / COVERED_AT);
}

/** Recomputes the score of a feedback from its parts, with each part's value (0–1). */
export function explainScore(feedback: Pick<Feedback, 'rubric' | 'structure' | 'findings'>, profile: 'interview' | 'short-answer' = 'interview'): ScoreBreakdown {
  const substance = feedback.rubric.length === 0 ? 0 : feedback.rubric.reduce((n, r) => n + pointCredit(r), 0) / feedback.rubric.length;
  const parts = feedback.structure.parts;
  const structure = parts.length === 0 ? 0 : parts.filter((p) => p.present).length / parts.length;
  const penalty = feedback.findings.reduce((n, f) => n + FINDING_PENALTIES[f.code], 0);
  const habits = Math.max(0, 1 - penalty);
  const capped = feedback.findings.some((f) => f.code === 'off-topic');
  let raw = profile === 'short-answer' ? 100 * substance : 70 * substance + Math.min(1, substance / 0.5) * (15 * structure + 15 * habits);
  // Each distinct wrong claim halves again: two are worse than one.
  raw *= MISCONCEPTION_FACTOR ** feedback.findings.filter((f) => f.code === 'misconception').length;
  if (feedback.findings.some((f) => f.code === 'too-long')) raw *= RAMBLING_FACTOR;
  if (feedback.findings.some((f) => f.code === 'no-metrics')) raw *= UNMEASURED_STORY_FACTOR;
  if (capped) raw = Math.min(raw, OFF_TOPIC_CAP);
  return { substance: round3(substance), structure: round3(structure), habits: round3(habits), capped, score: Math.round(raw) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
