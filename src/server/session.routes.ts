import type { Hono } from 'hono';
import {
  answerBodySchema,
  idempotencyKeyHeaderSchema,
  practiceBodySchema,
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
    return c.json({
      session,
      next: await sessions.next(session.id),
      report,
      modelAnswers,
      ...(exercise ? { exercise: { ...exercise, exercise: toPublicExercise(exercise.exercise) } } : {}),
    } satisfies SessionView);
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
    return c.json(
      await sessions.answerNext(c.req.param('id'), body.answer, body.startedAt ? new Date(body.startedAt) : new Date(), idempotencyKey, body.spoken),
      201,
    );
  });

  app.post('/api/sessions/:id/skip', async (c) => c.json(await sessions.skipNext(c.req.param('id')), 201));

  app.post('/api/sessions/:id/end', async (c) => {
    const report = await sessions.end(c.req.param('id'));
    const modelAnswers = Object.fromEntries(report.questions.map((q) => [q.id, sessions.modelAnswer(q.id) ?? null]));
    return c.json({ session: await sessions.get(report.id), report, modelAnswers });
  });

  // One question practised alone: graded and saved as an attempt, beside the previous answer to it.
  app.post('/api/practice', async (c) => {
    const body = await parseJsonBody(c, practiceBodySchema);
    checkAnswerLength(body.answer);
    return c.json(await sessions.practise(body.questionId, body.answer, body.startedAt ? new Date(body.startedAt) : new Date(), body.spoken), 201);
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
