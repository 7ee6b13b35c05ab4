/** The user's own questions: GET/POST /api/my-questions, DELETE /api/my-questions/:id. */
import { z } from 'zod';
import { MAX_IMPORT_CHARS } from '../limits.js';

/** POST /api/my-questions: questions in the bank's YAML schema (one, a list, or several documents). */
export const importQuestionsBodySchema = z.strictObject({
  yaml: z.string().min(1, 'the YAML is empty').max(MAX_IMPORT_CHARS, `one import takes at most ${MAX_IMPORT_CHARS} characters`),
});
export type ImportQuestionsRequest = z.infer<typeof importQuestionsBodySchema>;

/** What POST /api/my-questions answers: the ids imported. */
export const importedQuestionsSchema = z.strictObject({ imported: z.array(z.string()) });
export type ImportedQuestions = z.infer<typeof importedQuestionsSchema>;
