/** Progress over time and today's suggestion: GET /api/progress, GET /api/suggestion. */
import { z } from 'zod';
import type { CameraMeasures, CameraTrend } from '../core/camera/trend.js';
import type { DeliveryMeasures, DeliveryTrend } from '../core/delivery/trend.js';
import type { ExerciseProgress, Progress, QuestionComparison } from '../core/session/progress.js';

/** A repeated question (prompt, gains and losses: QuestionComparison) with each attempt's delivery and camera measures. */
export interface QuestionComparisonView extends QuestionComparison {
  /** Each attempt's delivery, in the order of `attempts`; null for an answer that was typed. */
  delivery: Array<DeliveryMeasures | null>;
  /** Each attempt's camera measures, in the order of `attempts`; null for an answer not recorded on camera. */
  camera: Array<CameraMeasures | null>;
}

/** An exercise's attempts with the exercise's prompt and kind. */
export interface ExerciseProgressView extends ExerciseProgress {
  prompt: string;
  kind: string;
}

/** GET /api/progress; the JSON of `loopcoach progress --json`. */
export interface ProgressView extends Progress {
  questions: QuestionComparisonView[];
  exercises: ExerciseProgressView[];
  /** Words per minute, fillers per minute and long pauses of every spoken answer over time. */
  delivery: DeliveryTrend;
  /** Looking at the screen, face visible, well framed and fidgeting (%) of every answer recorded on camera over time. */
  camera: CameraTrend;
}

const suggestionFields = { prompt: z.string(), topic: z.string(), reason: z.string() };
/** Today's practice from spaced re-practice: a question (questionId) or an exercise (exerciseId), what it asks, its topic and why it is the one. */
export const practiceSuggestionSchema = z.union([
  z.strictObject({ questionId: z.string(), ...suggestionFields }),
  z.strictObject({ exerciseId: z.string(), ...suggestionFields }),
]);
export type PracticeSuggestion = z.infer<typeof practiceSuggestionSchema>;

/** GET /api/suggestion: today's suggestion, or null when nothing is due. */
export const suggestionResponseSchema = z.strictObject({ suggestion: practiceSuggestionSchema.nullable() });
export type SuggestionResponse = z.infer<typeof suggestionResponseSchema>;
