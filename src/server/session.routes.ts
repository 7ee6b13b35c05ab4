import type { Hono } from 'hono';
import { z } from 'zod';
import type { ProgressService } from '../services/progress.service.js';
import type { SessionService } from '../services/session.service.js';
import { spokenInputSchema } from './spoken.schema.js';
import { checkAnswerLength, parseJsonBody, parseWith } from './validate.js';

const startBody = z.strictObject({
  role: z.string().min(1).max(100),
  level: z.string().min(1).max(20),
  topics: z.array(z.string().min(1).max(100)).max(20).optional(),
  count: z.number().int().min(1).max(50).optional(),
  mix: z.number().min(0).max(1).optional(),
  seed: z.string().max(200).optional(),
});

const answerBody = z.strictObject({
  answer: z.string(),
  /** When the user started answering (ISO 8601); defaults to now, so the duration is then 0. */
  startedAt: z.iso.datetime({ offset: true }).optional(),
  /** When the answer was spoken: the recording's transcript, segments and delivery (the audio is sent apart, if kept). */
  spoken: spokenInputSchema.optional(),
});

/** Optional; a client that retries after a timeout sends the same key, and the answer is recorded once. */
const idempotencyKeyHeader = z
  .string()
  .trim()
  .min(1, 'the Idempotency-Key header is empty')
  .max(200, 'the Idempotency-Key header takes at most 200 characters')
  .optional();

const previewBody = z.strictObject({ answer: z.string() });

/** Mock-interview sessions over the session service: start, read, answer, history, progress. */
export function registerSessionRoutes(app: Hono, sessions: SessionService, progress?: ProgressService): void {
  app.post('/api/sessions', async (c) => {
    const session = await sessions.start(await parseJsonBody(c, startBody));
    return c.json({ session, next: await sessions.next(session.id) }, 201);
  });

  app.get('/api/sessions/:id', async (c) => {
    const session = await sessions.get(c.req.param('id'));
    const report = await sessions.report(session.id);
    const modelAnswers = Object.fromEntries(report.questions.map((q) => [q.id, sessions.modelAnswer(q.id) ?? null]));
    return c.json({ session, next: await sessions.next(session.id), report, modelAnswers });
  });

  app.post('/api/sessions/:id/answers', async (c) => {
    const body = await parseJsonBody(c, answerBody);
    checkAnswerLength(body.answer);
    const idempotencyKey = parseWith(idempotencyKeyHeader, c.req.header('idempotency-key'));
    return c.json(await sessions.answerNext(c.req.param('id'), body.answer, body.startedAt ? new Date(body.startedAt) : new Date(), idempotencyKey, body.spoken), 201);
  });

  app.post('/api/sessions/:id/preview', async (c) => {
    const body = await parseJsonBody(c, previewBody);
    checkAnswerLength(body.answer);
    return c.json(await sessions.preview(c.req.param('id'), body.answer));
  });

  app.get('/api/history', async (c) => c.json(await sessions.history()));
  if (progress) {
    app.get('/api/progress', async (c) => c.json(await progress.progress()));
    app.get('/api/suggestion', async (c) => c.json({ suggestion: await progress.suggestion() }));
  }
}
