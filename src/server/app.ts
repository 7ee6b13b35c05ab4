import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { gradeBodySchema, questionListQuerySchema, type Health, type QuestionView } from '../api/questions.contract.js';
import type { Coach } from '../coach.js';
import type { BankQuestion } from '../content/question.schema.js';
import type { Question } from '../core/types.js';
import type { Logger } from '../logger.js';
import { filterQuestions } from '../services/question.service.js';
import type { ProgressService } from '../services/progress.service.js';
import type { QuestionCatalogue } from '../services/question-catalogue.js';
import type { SessionService } from '../services/session.service.js';
import type { TailorService } from '../services/tailor.service.js';
import type { ExerciseService } from '../services/exercise.service.js';
import { errorResponse, toErrorResponse } from './errors.js';
import { apiFallback } from './method-not-allowed.js';
import { openApiDocument } from './openapi.js';
import { requestGuard, securityHeaders, type RequestPolicy } from './security.js';
import { registerExerciseRoutes } from './exercise.routes.js';
import { registerCameraRoutes } from './camera.routes.js';
import { registerSessionRoutes } from './session.routes.js';
import { registerSpeechRoutes } from './speech.routes.js';
import { registerRecordingRoutes } from './recording.routes.js';
import type { RecordingService } from '../services/recording.service.js';
import { registerTailorRoutes } from './tailor.routes.js';
import { registerTeamRoutes, type TeamRouteDeps } from './team.routes.js';
import { GRADED_PATHS } from './team-auth.js';
import { registerUserQuestionRoutes } from './user-question.routes.js';
import { checkAnswerLength, parseJsonBody, parseWith } from './validate.js';

export interface AppOptions {
  coach: Coach;
  /** The bank plus the user's own questions; adds the /api/my-questions routes when given. */
  catalogue?: QuestionCatalogue;
  /** Adds the session routes (/api/sessions, /api/history) when given; they need a database. */
  sessions?: SessionService;
  /** Adds GET /api/progress (with the session routes). */
  progress?: ProgressService;
  /** Adds the tailored-interview routes (/api/plans, /api/documents). */
  tailor?: TailorService;
  /** Adds the hands-on exercise routes (/api/exercises). */
  exercises?: ExerciseService;
  /** Adds the kept-recording and speech-settings routes (/api/attempts/:id/recording, /api/settings/speech). */
  recordings?: RecordingService;
  /** Serves the built web app (static files) for every non-API path, when given. */
  staticHandler?: (c: Context, next: () => Promise<void>) => Promise<Response | void>;
  /** Which Host names and Origins are accepted (loopback names by default). */
  policy?: RequestPolicy;
  /** Where every 500 is logged (structured, with the request id); silent when absent. */
  logger?: Logger;
  /** Team mode: sign-in on every API route but the public ones, and the team routes. */
  team?: TeamAppParts;
}

/** What team mode adds to the app. */
export interface TeamAppParts {
  /** Authenticates the request (cookie + CSRF) and runs it as its user. */
  auth: MiddlewareHandler;
  /** Counts graded answers against the rate limits. */
  gradingLimit: MiddlewareHandler;
  routes: TeamRouteDeps;
}

/** 1 MB: room for a 20,000-character answer and a question, not for abuse. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The JSON API (and, when given, the web app): validate → one call → present. */
export function createApp({ coach, catalogue, sessions, progress, tailor, exercises, recordings, staticHandler, policy, logger, team }: AppOptions): Hono {
  const app = new Hono();
  const questions: Pick<Coach, 'questions' | 'findQuestion'> = catalogue ?? coach;
  const withSource = (q: BankQuestion): QuestionView => ({ ...q, source: catalogue?.sourceOf(q.id) ?? 'bank' });
  app.onError((error, c) => toErrorResponse(c, error, logger));
  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', requestGuard(policy));
  if (team) {
    app.use('*', team.auth);
    for (const path of GRADED_PATHS) app.use(path, team.gradingLimit);
  }

  app.get('/api/health', (c) => c.json({ status: 'ok', questions: coach.questions.length } satisfies Health));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(team !== undefined)));

  app.get('/api/questions', (c) => {
    return c.json(filterQuestions(questions.questions, parseWith(questionListQuerySchema, c.req.query())).map(withSource));
  });

  app.get('/api/questions/:id', (c) => {
    const question = questions.findQuestion(c.req.param('id'));
    if (!question) return errorResponse(c, 'question_not_found', `no question with id "${c.req.param('id')}"`, 404);
    return c.json(withSource(question));
  });

  // Uploads carry their own, larger limit, so they are registered before the general one.
  if (tailor) registerTailorRoutes(app, tailor);
  registerSpeechRoutes(app);
  if (recordings) registerRecordingRoutes(app, recordings);
  registerCameraRoutes(app);
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorResponse(c, 'request_too_large', 'the request is larger than 1 MB', 413) }));
  app.post('/api/grade', async (c) => {
    const body = await parseJsonBody(c, gradeBodySchema);
    checkAnswerLength(body.answer);
    const question = 'questionId' in body ? questions.findQuestion(body.questionId) : (body.question as Question);
    if (!question) return errorResponse(c, 'question_not_found', `no question with id "${(body as { questionId: string }).questionId}"`, 404);
    return c.json(coach.grade(question, body.answer));
  });

  if (team) registerTeamRoutes(app, team.routes);
  else app.get('/api/auth/me', (c) => c.json({ mode: 'single-user', user: null, csrfToken: null }));
  if (sessions) registerSessionRoutes(app, sessions, progress);
  if (catalogue) registerUserQuestionRoutes(app, catalogue);
  if (exercises) registerExerciseRoutes(app, exercises);
  app.all('/api/*', apiFallback(app));
  if (staticHandler) app.on(['GET', 'HEAD'], '*', staticHandler);
  app.all('*', (c) => {
    if (!staticHandler) return errorResponse(c, 'not_found', `nothing at ${c.req.path}`, 404);
    c.header('allow', 'GET, HEAD');
    return errorResponse(c, 'method_not_allowed', `the web app's pages accept GET and HEAD, not ${c.req.method}`, 405);
  });
  return app;
}
