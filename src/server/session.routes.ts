import type { Hono } from 'hono';
import {
  answerBodySchema,
  idempotencyKeyHeaderSchema,
  previewBodySchema,
  startSessionBodySchema,
  type SessionStarted,
  type SessionView,
} from '../api/sessions.contract.js';
import type { SuggestionResponse } from '../api/progress.contract.js';
import type { ProgressService } from '../services/progress.service.js';
import type { SessionService } from '../services/session.service.js';
import { checkAnswerLength, parseJsonBody, parseWith } from './validate.js';
import { checkSubmissionSize } from './exercise.routes.js';
import { checkSubmissionBodySchema } from '../api/exercises.contract.js';
import { toPublicExercise } from '../services/exercise.service.js';

/** Mock-interview sessions over the session service: start, read, answer, history, progress. */
export function registerSessionRoutes(app: Hono, sessions: SessionService, progress?: ProgressService): void {
  app.post('/api/sessions', async (c) => {
    const session = await sessions.start(await parseJsonBody(c, startSessionBodySchema));
    return c.json({ session, next: await sessions.next(session.id) } satisfies SessionStarted, 201);
  });

  app.get('/api/sessions/:id', async (c) => {
    const session = await sessions.get(c.req.param('id'));
    const report = await sessions.report(session.id);
    const modelAnswers = Object.fromEntries(report.questions.map((q) => [q.id, sessions.modelAnswer(q.id) ?? null]));
    const exercise = await sessions.exercise(session.id);
    return c.json({ session, next: await sessions.next(session.id), report, modelAnswers, ...(exercise ? { exercise: { ...exercise, exercise: toPublicExercise(exercise.exercise) } } : {}) } satisfies SessionView);
  });

  app.post('/api/sessions/:id/exercise', async (c) => {
    const { submission } = await parseJsonBody(c, checkSubmissionBodySchema);
    checkSubmissionSize(submission);
    return c.json(await sessions.checkExercise(c.req.param('id'), submission));
  });

  app.post('/api/sessions/:id/answers', async (c) => {
    const body = await parseJsonBody(c, answerBodySchema);
    checkAnswerLength(body.answer);
    const idempotencyKey = parseWith(idempotencyKeyHeaderSchema, c.req.header('idempotency-key'));
    return c.json(await sessions.answerNext(c.req.param('id'), body.answer, body.startedAt ? new Date(body.startedAt) : new Date(), idempotencyKey, body.spoken), 201);
  });

  app.post('/api/sessions/:id/preview', async (c) => {
    const body = await parseJsonBody(c, previewBodySchema);
    checkAnswerLength(body.answer);
    return c.json(await sessions.preview(c.req.param('id'), body.answer));
  });

  app.get('/api/history', async (c) => c.json(await sessions.history()));
  if (progress) {
    app.get('/api/progress', async (c) => c.json(await progress.progress()));
    app.get('/api/suggestion', async (c) => c.json({ suggestion: await progress.suggestion() } satisfies SuggestionResponse));
  }
}
