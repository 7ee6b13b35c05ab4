import type { Coach } from '../coach.js';
import type { Question } from '../core/types.js';
import { linearFit, pearson, rmse, spearman } from '../core/stats.js';
import { LoopCoachError } from '../errors.js';

export const ASAG_COLUMNS = ['question_id', 'question', 'reference_answer', 'student_answer', 'score_avg'] as const;

export interface AsagRow {
  questionId: string;
  question: string;
  referenceAnswer: string;
  studentAnswer: string;
  score: number;
}

export interface AsagReport {
  pearson: number;
  spearman: number;
  rmse: number;
  n: number;
}

/** Validates CSV records into rows; a bad score names its line. */
export function toAsagRows(records: Array<Record<string, string>>): AsagRow[] {
  return records.map((r, i) => {
    const score = Number(r.score_avg);
    if (r.score_avg?.trim() === '' || !Number.isFinite(score))
      throw new LoopCoachError('invalid_input', `row ${i + 2}: score_avg "${r.score_avg}" is not a number`);
    return { questionId: r.question_id!, question: r.question!, referenceAnswer: r.reference_answer!, studentAnswer: r.student_answer!, score };
  });
}

/**
 * Grades every student answer against its reference answer (as the model answer) and compares
 * the engine's scores with the human ones: Pearson r, Spearman ρ, and RMSE after mapping the
 * engine's 0–100 score onto the human scale with a line fitted on these same rows.
 */
export function evaluateAsag(coach: Pick<Coach, 'grade'>, rows: AsagRow[]): AsagReport {
  if (rows.length < 2) throw new LoopCoachError('invalid_input', 'the data needs at least 2 rows to correlate');
  const questions = new Map<string, Question>();
  const predicted = rows.map((row) => {
    const key = `${row.questionId}\u0000${row.question}\u0000${row.referenceAnswer}`;
    let question = questions.get(key);
    if (!question) {
      question = { id: row.questionId, prompt: row.question, kind: 'concept', modelAnswer: row.referenceAnswer };
      questions.set(key, question);
    }
    return coach.grade(question, row.studentAnswer, { profile: 'short-answer' }).score;
  });
  const human = rows.map((r) => r.score);
  const fit = linearFit(predicted, human);
  const mapped = predicted.map((p) => Math.min(5, Math.max(0, fit.intercept + fit.slope * p)));
  return { pearson: round(pearson(predicted, human)), spearman: round(spearman(predicted, human)), rmse: round(rmse(mapped, human)), n: rows.length };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
