/** Hands-on exercises: list, show, validate the user's own file, check a submission. */
import { z } from 'zod';
import { MAX_SUBMISSION_CHARS } from '../content/exercise.schema.js';
import { EXERCISE_KINDS, type Exercise } from '../core/exercises/types.js';
import { TOPICS } from '../core/types.js';

export type { CheckResult, ExerciseResult } from '../core/exercises/types.js';

/** GET /api/exercises?kind&topic */
export const exerciseListQuerySchema = z.object({ kind: z.enum(EXERCISE_KINDS).optional(), topic: z.enum(TOPICS).optional() });
export type ExerciseListQuery = z.infer<typeof exerciseListQuerySchema>;

/** A submission; its size is checked with its own error code (submission_too_large, 413). */
const submissionSchema = z.string().describe(`the submission; at most ${MAX_SUBMISSION_CHARS} characters (submission_too_large otherwise)`);
/** A user's own exercise file: YAML or JSON text. */
const exerciseFileSchema = z.string().min(1).max(MAX_SUBMISSION_CHARS).describe("the user's own exercise file, YAML or JSON text");

/** POST /api/exercises/:id/check */
export const checkSubmissionBodySchema = z.strictObject({ submission: submissionSchema });
export type CheckSubmissionRequest = z.infer<typeof checkSubmissionBodySchema>;

/** POST /api/exercises/validate */
export const validateExerciseBodySchema = z.strictObject({ exercise: exerciseFileSchema });
export type ValidateExerciseRequest = z.infer<typeof validateExerciseBodySchema>;

/** POST /api/exercises/check: a user's own exercise file (not imported) checked against a submission; the attempt is saved like any other. */
export const checkOwnExerciseBodySchema = z.strictObject({ exercise: exerciseFileSchema, submission: submissionSchema });
export type CheckOwnExerciseRequest = z.infer<typeof checkOwnExerciseBodySchema>;

/** An exercise as listed and shown: everything but the wrong answers kept for our content tests. */
export type PublicExercise = Omit<Exercise, 'wrongAnswers'>;
