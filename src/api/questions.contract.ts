/** Questions and grading: GET /api/questions, GET /api/questions/:id, POST /api/grade, GET /api/health. */
import { z } from 'zod';
import { gradableQuestionSchema, type BankQuestion } from '../content/question.schema.js';
import { LEVELS, QUESTION_KINDS, TOPICS } from '../core/types.js';
import { MAX_ANSWER_CHARS } from '../errors.js';

export type { Feedback } from '../core/types.js';

/** GET /api/questions?topic&level&kind&service */
export const questionListQuerySchema = z.object({
  topic: z.enum(TOPICS).optional(),
  level: z.enum(LEVELS).optional(),
  kind: z.enum(QUESTION_KINDS).optional(),
  service: z.string().trim().min(1).max(100).optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

/** An answer as the API takes it; its length is checked with its own error code (answer_too_long, 413). */
export const answerTextSchema = z.string().describe(`the answer; at most ${MAX_ANSWER_CHARS} characters (answer_too_long otherwise)`);

/** POST /api/grade: a question of the bank by id, or a question given inline, with the answer. */
export const gradeBodySchema = z.union([
  z.strictObject({ questionId: z.string().min(1).max(200), answer: answerTextSchema }),
  z.strictObject({ question: gradableQuestionSchema, answer: answerTextSchema }),
]);
export type GradeRequest = z.input<typeof gradeBodySchema>;

/** A question as the API shows it: the bank's fields, and whose it is. */
export type QuestionView = BankQuestion & {
  /** The shipped bank's, or one the user added. */
  source: 'bank' | 'yours';
};

/** GET /api/health: alive, and how many questions the bank holds. */
export const healthSchema = z.strictObject({ status: z.literal('ok'), questions: z.number().int() });
export type Health = z.infer<typeof healthSchema>;
