/** Progress over time and today's suggestion: GET /api/progress, GET /api/suggestion. */
import { z } from 'zod';
import type { Progress, QuestionComparison } from '../core/session/progress.js';
import type { FindingCode } from '../core/types.js';

/** A repeated question with its prompt, and what the latest attempt lost against the first as well as what it gained. */
export interface QuestionComparisonView extends QuestionComparison {
  prompt: string;
  /** Rubric points covered in the first attempt but not the latest. */
  lost: string[];
  /** Findings raised in the latest attempt that the first did not have. */
  habitsAdded: FindingCode[];
}

/** GET /api/progress; the JSON of `loopcoach progress --json`. */
export interface ProgressView extends Progress {
  questions: QuestionComparisonView[];
}

/** Today's practice from spaced re-practice: a question, its prompt and topic, and why it is the one. */
export const practiceSuggestionSchema = z.strictObject({ questionId: z.string(), prompt: z.string(), topic: z.string(), reason: z.string() });
export type PracticeSuggestion = z.infer<typeof practiceSuggestionSchema>;

/** GET /api/suggestion: today's suggestion, or null when nothing is due. */
export const suggestionResponseSchema = z.strictObject({ suggestion: practiceSuggestionSchema.nullable() });
export type SuggestionResponse = z.infer<typeof suggestionResponseSchema>;
