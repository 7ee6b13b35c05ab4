/** Mock-interview sessions: start, read, answer, preview, history. */
import { z } from 'zod';
import type { PendingPrompt } from '../core/session/pending.js';
import type { AttemptChanges } from '../core/session/progress.js';
import type { Feedback } from '../core/types.js';
import type { ExerciseAttemptRecord } from '../store/exercise.repository.js';
import type { SessionRecord } from '../store/session.repository.js';
import type { PublicExercise } from './exercises.contract.js';
import { answerTextSchema } from './questions.contract.js';
import { spokenInputSchema } from './speech.contract.js';
import type { SessionReportView } from '../core/session/spoken.js';

export type { PendingPrompt } from '../core/session/pending.js';
export type { SessionReport } from '../core/session/report.js';
export type { AttemptChanges } from '../core/session/progress.js';
export type { SessionRecord } from '../store/session.repository.js';

/** POST /api/sessions */
export const startSessionBodySchema = z.strictObject({
  role: z.string().min(1).max(100),
  level: z.string().min(1).max(20),
  topics: z.array(z.string().min(1).max(100)).max(20).optional(),
  count: z.number().int().min(1).max(50).optional(),
  mix: z.number().min(0).max(1).optional().describe('share of behavioural questions'),
  seed: z.string().max(200).optional(),
  exercise: z.boolean().optional().describe('include one hands-on exercise when the role fits (GET /api/sessions/:id then has `exercise`)'),
});
export type StartSessionRequest = z.infer<typeof startSessionBodySchema>;

/** POST /api/sessions/:id/answers */
export const answerBodySchema = z.strictObject({
  answer: answerTextSchema,
  /** When the user started answering (ISO 8601); defaults to now, so the duration is then 0. */
  startedAt: z.iso.datetime({ offset: true }).optional().describe('when the user started answering (ISO 8601); defaults to now'),
  spoken: spokenInputSchema
    .optional()
    .describe(
      "a spoken answer: the recording's transcript, timed segments and delivery, saved with the attempt (isEdited when the answer differs from the transcript); the audio is sent apart, and kept only when keepRecordings is on",
    ),
});
export type AnswerRequest = z.infer<typeof answerBodySchema>;

/** Optional; a client that retries after a timeout sends the same key, and the answer is recorded once. */
export const idempotencyKeyHeaderSchema = z
  .string()
  .trim()
  .min(1, 'the Idempotency-Key header is empty')
  .max(200, 'the Idempotency-Key header takes at most 200 characters')
  .optional()
  .describe('a retry with the same key returns the first result and records nothing new');

/** POST /api/practice: one question practised alone, graded and saved as an attempt. */
export const practiceBodySchema = z.strictObject({
  questionId: z.string().min(1).max(200),
  answer: answerTextSchema,
  startedAt: z.iso.datetime({ offset: true }).optional().describe('when the user started answering (ISO 8601); defaults to now'),
  spoken: spokenInputSchema
    .optional()
    .describe(
      "a spoken answer, as for a session's answers: saved with the attempt (isEdited when the answer differs from the transcript); its audio is kept apart, only when keepRecordings is on",
    ),
});
export type PracticeRequest = z.infer<typeof practiceBodySchema>;

/** POST /api/sessions/:id/preview */
export const previewBodySchema = z.strictObject({ answer: answerTextSchema });
export type PreviewRequest = z.infer<typeof previewBodySchema>;

/** POST /api/sessions and POST /api/plans/sessions: the stored session and its first prompt. */
export interface SessionStarted {
  session: SessionRecord;
  next: PendingPrompt | null;
}

/** GET /api/sessions/:id: the session, its next prompt (null when done), its report so far, and the model answers. */
export interface SessionView extends SessionStarted {
  /** The report so far, with the spoken answers (`spoken`) and their delivery across the session (`delivery`). */
  report: SessionReportView;
  modelAnswers: Record<string, string | null>;
  /** The interview's hands-on exercise (as the API shows exercises) and the attempts made at it there. */
  exercise?: { exercise: PublicExercise; attempts: ExerciseAttemptRecord[] };
}

/** What answering the next prompt did: the prompt answered, its feedback, and what comes next. */
export interface AnsweredPrompt {
  /** The saved attempt (a kept recording is attached to it). */
  attemptId: string;
  answered: PendingPrompt;
  feedback: Feedback;
  next: PendingPrompt | null;
  finished: boolean;
}

/** POST /api/sessions/:id/skip: the prompt skipped and what comes next. */
export interface SkippedPrompt {
  skipped: PendingPrompt;
  next: PendingPrompt | null;
  finished: boolean;
}

/** POST /api/sessions/:id/end: the session, now finished, and its report on what was answered. */
export type EndedSession = Omit<SessionView, 'next' | 'exercise'>;

/** POST /api/practice: the answer saved, beside the latest earlier answer to the same question (null for a first one) and what changed since. */
export interface PractisedAnswer {
  sessionId: string;
  attemptId: string;
  prompt: string;
  feedback: Feedback;
  previous: (AttemptChanges & { answer: string; score: number; answeredAt: string }) | null;
}

/** One line of `loopcoach history` and of GET /api/history. */
export const sessionSummarySchema = z.strictObject({
  id: z.string(),
  createdAt: z.string().describe('ISO 8601'),
  status: z.enum(['in-progress', 'finished']) satisfies z.ZodType<SessionRecord['status']>,
  kind: z.enum(['interview', 'practice']).describe('a mock interview, or one question practised alone (POST /api/practice)'),
  title: z.string().nullable().describe("the practised question's prompt; null for an interview"),
  role: z.string(),
  level: z.string(),
  answered: z.number().int().describe('main questions answered (skipped ones are not)'),
  skipped: z.number().int().describe('main questions skipped'),
  total: z.number().int(),
  score: z.number().nullable().describe('0–100; null before the first answer'),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
