import { DEFAULT_PARAMETERS, parametersFor, type EngineParameters, type GradingProfile } from './params.js';
import { FINDING_CODES, type Feedback, type FindingCode, type RubricResult } from './types.js';

/**
 * The score is computed from the parts a user sees, so it can always be explained
 * (weights and thresholds in EngineParameters, src/core/params.ts):
 *
 *   score = 70 × substance + min(1, substance / 0.5) × (15 × structure + 15 × habits)
 *
 * substance: mean credit of the rubric points (a covered point earns 0.75 + 0.25 × strength,
 * an uncovered one a partial 0.6 × strength / coveredAt); structure: share of CCTR/STAR parts
 * present; habits: 1 minus the penalties of the findings. Form earns credit only in proportion
 * to substance, so a well-shaped answer with nothing in it, or padding, cannot score.
 * Then each finding's effect (src/core/rules/findings.ts): each misconception halves the score,
 * rambling (too-long) costs a fifth, a story without a number 15%; an off-topic answer is capped
 * at 10. In the short-answer preset (exam-style grading, used by `eval asag`) only substance
 * counts: score = 100 × substance.
 */
export const COVERED_AT = DEFAULT_PARAMETERS.coveredAt;
export const OFF_TOPIC_CAP = capOf('off-topic', DEFAULT_PARAMETERS) ?? 10;

/** Default penalty of each finding code, from the finding table. */
export const FINDING_PENALTIES: Record<FindingCode, number> = Object.fromEntries(
  FINDING_CODES.map((c) => [c, DEFAULT_PARAMETERS.findings[c].penalty]),
) as Record<FindingCode, number>;

/** One thing that changed the score, and by how many points (negative when it cost points). */
export interface ScoreFactor {
  /** `substance`, `structure`, `habits`, or the finding code whose penalty, factor or cap it is. */
  name: 'substance' | 'structure' | 'habits' | FindingCode;
  kind: 'credit' | 'penalty' | 'factor' | 'cap';
  /** Points it added or (negative) took away, before rounding. */
  points: number;
  /** What it is, e.g. "×0.5", "−0.25 of habits", "capped at 10". */
  detail: string;
}

export interface ScoreBreakdown {
  substance: number;
  structure: number;
  habits: number;
  capped: boolean;
  score: number;
  /** Every credit, penalty, factor and cap that made the score, in the order applied; their points sum to the score before rounding. */
  factors: ScoreFactor[];
}

/** Credit (0–1) that one rubric result earns toward substance. */
export function pointCredit(result: Pick<RubricResult, 'covered' | 'strength'>, params: EngineParameters = DEFAULT_PARAMETERS): number {
  const { coveredBase, partialCredit } = params.score;
  if (result.covered) return coveredBase + (1 - coveredBase) * result.strength;
  return partialCredit * Math.min(1, result.strength / params.coveredAt);
}

function capOf(code: FindingCode, params: EngineParameters): number | undefined {
  return params.findings[code].cap;
}

/** Recomputes the score of a feedback from its parts, with each part's value (0–1) and every factor that changed it. */
export function explainScore(
  feedback: Pick<Feedback, 'rubric' | 'structure' | 'findings'>,
  profile: GradingProfile | EngineParameters = 'interview',
): ScoreBreakdown {
  const params = typeof profile === 'string' ? parametersFor(profile) : profile;
  const weights = params.score;
  const substance = feedback.rubric.length === 0 ? 0 : feedback.rubric.reduce((n, r) => n + pointCredit(r, params), 0) / feedback.rubric.length;
  const parts = feedback.structure.parts;
  const structure = parts.length === 0 ? 0 : parts.filter((p) => p.present).length / parts.length;
  const form = Math.min(1, substance / weights.formFullAt);
  const factors: ScoreFactor[] = [];
  const add = (factor: ScoreFactor) => factor.points !== 0 && factors.push(factor);
  add({
    name: 'substance',
    kind: 'credit',
    points: weights.substanceWeight * substance,
    detail: `${weights.substanceWeight} × substance ${round3(substance)}`,
  });
  add({
    name: 'structure',
    kind: 'credit',
    points: form * weights.structureWeight * structure,
    detail: `${weights.structureWeight} × structure ${round3(structure)}${form < 1 ? ` × form ${round3(form)}` : ''}`,
  });
  add({
    name: 'habits',
    kind: 'credit',
    points: form * weights.habitsWeight,
    detail: `${weights.habitsWeight} for clean habits${form < 1 ? ` × form ${round3(form)}` : ''}`,
  });
  // Penalties come off the habits credit until it is spent: habits never go below 0.
  let habitsLeft = 1;
  for (const f of feedback.findings) {
    const taken = Math.min(habitsLeft, params.findings[f.code].penalty);
    habitsLeft -= taken;
    add({ name: f.code, kind: 'penalty', points: -form * weights.habitsWeight * taken, detail: `−${round3(taken)} of habits` });
  }
  // The same sum as the factors above, in the documented formula's order.
  const habits = Math.max(0, 1 - feedback.findings.reduce((n, f) => n + params.findings[f.code].penalty, 0));
  let raw = weights.substanceWeight * substance + form * (weights.structureWeight * structure + weights.habitsWeight * habits);
  for (const code of FINDING_CODES) {
    const effect = params.findings[code];
    const count = feedback.findings.filter((f) => f.code === code).length;
    if (count === 0 || effect.multiply === undefined) continue;
    // Each distinct wrong claim halves again: two are worse than one.
    const times = effect.perFinding ? count : 1;
    const after = raw * effect.multiply ** times;
    add({ name: code, kind: 'factor', points: after - raw, detail: `×${effect.multiply}${times > 1 ? `^${times}` : ''}` });
    raw = after;
  }
  let capped = false;
  for (const code of FINDING_CODES) {
    const cap = capOf(code, params);
    if (cap === undefined || !feedback.findings.some((f) => f.code === code)) continue;
    capped = true;
    if (raw > cap) add({ name: code, kind: 'cap', points: cap - raw, detail: `capped at ${cap}` });
    raw = Math.min(raw, cap);
  }
  return { substance: round3(substance), structure: round3(structure), habits: round3(habits), capped, score: Math.round(raw), factors };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
