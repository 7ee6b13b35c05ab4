/**
 * The API described for scripts and tools, served at /api/openapi.json: generated from the same zod
 * schemas the routes validate with (src/api), so the document cannot drift from what is enforced.
 */
import { z } from 'zod';
import { deletedSchema, errorBodySchema } from '../api/common.contract.js';
import { checkOwnExerciseBodySchema, checkSubmissionBodySchema, exerciseListQuerySchema, validateExerciseBodySchema } from '../api/exercises.contract.js';
import { importedQuestionsSchema, importQuestionsBodySchema } from '../api/my-questions.contract.js';
import { suggestionResponseSchema } from '../api/progress.contract.js';
import { gradeBodySchema, healthSchema, questionListQuerySchema } from '../api/questions.contract.js';
import { answerBodySchema, idempotencyKeyHeaderSchema, previewBodySchema, sessionSummarySchema, startSessionBodySchema } from '../api/sessions.contract.js';
import { transcribeQuerySchema } from '../api/speech.contract.js';
import { tailorBodySchema } from '../api/tailor.contract.js';
import {
  assignmentBodySchema,
  cohortBodySchema,
  cohortSchema,
  commentBodySchema,
  deleteAccountBodySchema,
  joinBodySchema,
  membershipSchema,
  newUserBodySchema,
  passwordBodySchema,
  shareBodySchema,
  sharingBodySchema,
  signedInSchema,
  signInBodySchema,
  userSchema,
} from '../api/team.contract.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { GRADED_PATHS, PUBLIC_API_PATHS } from './team-auth.js';

type Method = 'get' | 'head' | 'post' | 'put' | 'delete';

/** One response: what it is, and its schema when the contract has one (errors always do). */
type ResponseDoc = string | { description: string; schema: z.ZodType };

/** One route as the document shows it; `path` is written as the app registers it (`:id`). */
export interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  query?: z.ZodObject;
  headers?: Record<string, z.ZodType>;
  /** A JSON body, validated with this schema. */
  body?: z.ZodType;
  /** A body of another media type (audio), described rather than validated by a schema. */
  rawBody?: { mediaType: string; description: string };
  /** The success response(s), by status. */
  responses: Record<number, ResponseDoc>;
  /** The error codes the route may answer with (each with its HTTP status, in the error shape). */
  errors?: ErrorCode[];
}

const array = (schema: z.ZodType) => z.array(schema);

/** Every API route the app can register, with the schemas it validates with. */
export const API_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and bank size', responses: { 200: { description: 'ok', schema: healthSchema } } },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', responses: { 200: 'The OpenAPI 3.1 document' } },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: "Who is signed in: { mode: 'single-user', user: null, csrfToken: null } on a single-user server; in team mode the account and its CSRF token",
    responses: { 200: '{ mode, user, csrfToken }' },
  },
  {
    method: 'get',
    path: '/api/questions',
    summary: "List questions of the bank (and the user's own), filtered",
    query: questionListQuerySchema,
    responses: { 200: 'Array of questions, each with all its fields and `source` (bank or yours)' },
    errors: ['invalid_input'],
  },
  {
    method: 'get',
    path: '/api/questions/:id',
    summary: 'One question with rubric, model answer, pitfalls and follow-ups',
    responses: { 200: 'The question' },
    errors: ['question_not_found'],
  },
  {
    method: 'post',
    path: '/api/grade',
    summary: 'Grade one answer (fast enough to call on every pause in typing)',
    body: gradeBodySchema,
    responses: { 200: 'Feedback: score, rubric, structure, findings, services, leadershipPrinciples, tips' },
    errors: ['invalid_input', 'question_not_found', 'answer_too_long'],
  },
  {
    method: 'post',
    path: '/api/transcribe',
    summary: 'Transcribe a spoken answer on this server and measure its delivery (audio is not stored)',
    query: transcribeQuerySchema,
    rawBody: { mediaType: 'audio/wav', description: 'the recording, a WAV file' },
    responses: {
      200: '{ transcript, segments: [{ startSec, endSec, text }], delivery: { durationSec, speakingSec, wordsPerMinute, pauses, fillers, pitchVariationSemitones, loudnessDb, findings } }',
    },
    errors: ['invalid_input', 'audio_too_long', 'audio_invalid', 'audio_silent'],
  },
  {
    method: 'get',
    path: '/speech/:file',
    summary: 'The in-page transcription runtime and model files, served from this server (never a CDN)',
    responses: { 200: 'The file' },
  },
  {
    method: 'get',
    path: '/camera/:file',
    summary: 'The in-page face analysis library, its models and WebAssembly files, served from this server (never a CDN); Range requests answered with 206',
    responses: { 200: 'The file' },
  },
  {
    method: 'head',
    path: '/camera/:file',
    summary: "A camera file's size and type without its body (for ranged loading)",
    responses: { 200: 'The headers' },
  },
  {
    method: 'post',
    path: '/api/sessions',
    summary: 'Start a mock-interview session (needs a database; the server opens LOOPCOACH_DB)',
    body: startSessionBodySchema,
    responses: { 201: '{ session, next }: the stored plan and the first prompt' },
    errors: ['invalid_input'],
  },
  {
    method: 'get',
    path: '/api/sessions/:id',
    summary: 'A session with its next prompt (null when done), its report so far and the model answers',
    responses: { 200: '{ session, next, report, modelAnswers }' },
    errors: ['session_not_found'],
  },
  {
    method: 'post',
    path: '/api/sessions/:id/answers',
    summary: 'Answer the pending prompt (main question or follow-up); graded and saved exactly once',
    headers: { 'Idempotency-Key': idempotencyKeyHeaderSchema },
    body: answerBodySchema,
    responses: { 201: '{ answered, feedback, next, finished }' },
    errors: ['invalid_input', 'session_not_found', 'session_finished', 'answer_conflict', 'answer_too_long'],
  },
  {
    method: 'post',
    path: '/api/sessions/:id/preview',
    summary: 'Grade an answer to the pending prompt without saving it (live feedback while typing)',
    body: previewBodySchema,
    responses: { 200: 'Feedback' },
    errors: ['invalid_input', 'session_not_found', 'session_finished', 'answer_too_long'],
  },
  {
    method: 'get',
    path: '/api/history',
    summary: 'Every session, newest first, with progress and score so far',
    responses: { 200: { description: 'Session summaries', schema: array(sessionSummarySchema) } },
  },
  {
    method: 'get',
    path: '/api/progress',
    summary: 'Scores per topic and habit over time, repeated questions side by side, streaks',
    responses: { 200: 'Progress' },
  },
  {
    method: 'get',
    path: '/api/suggestion',
    summary: "Today's suggestion from spaced re-practice",
    responses: { 200: { description: 'The suggestion, or null when nothing is due', schema: suggestionResponseSchema } },
  },
  { method: 'get', path: '/api/my-questions', summary: "The user's own questions (each with source: yours)", responses: { 200: 'Array of questions' } },
  {
    method: 'post',
    path: '/api/my-questions',
    summary: "Import questions in the bank's YAML schema: one, a list, or several documents; all or nothing",
    body: importQuestionsBodySchema,
    responses: { 201: { description: 'The ids imported', schema: importedQuestionsSchema } },
    errors: ['invalid_input', 'question_invalid'],
  },
  {
    method: 'delete',
    path: '/api/my-questions/:id',
    summary: "Delete one of the user's questions (past answers to it stay in history)",
    responses: { 200: { description: 'The id deleted', schema: deletedSchema } },
    errors: ['invalid_input', 'question_not_found'],
  },
  {
    method: 'post',
    path: '/api/plans',
    summary: 'Plan an interview from a job posting (and a résumé): each question with its reason, and the gap report; stores nothing unless save asks',
    body: tailorBodySchema,
    responses: { 200: '{ role, level, skills, services, questions: [{ id, prompt, reason, generated }], gaps, saved }' },
    errors: ['invalid_input', 'document_not_found', 'document_unsupported', 'document_too_long'],
  },
  {
    method: 'post',
    path: '/api/plans/sessions',
    summary: 'Plan as /api/plans does and start a mock interview of exactly that plan',
    body: tailorBodySchema,
    responses: { 201: '{ session, next }' },
    errors: ['invalid_input', 'document_not_found', 'document_unsupported', 'document_too_long'],
  },
  {
    method: 'get',
    path: '/api/documents',
    summary: 'Saved documents (postings, résumés), newest first, without their text',
    responses: { 200: 'Array of { id, kind, name, createdAt, characters }' },
  },
  {
    method: 'delete',
    path: '/api/documents/:id',
    summary: 'Delete a saved document and its text from the database',
    responses: { 200: { description: 'The id deleted', schema: deletedSchema } },
    errors: ['document_not_found'],
  },
  {
    method: 'get',
    path: '/api/exercises',
    summary: 'Hands-on exercises (IAM policies, CloudFormation templates, VPC networks, Lambda handlers)',
    query: exerciseListQuerySchema,
    responses: { 200: 'Array of exercises' },
    errors: ['invalid_input'],
  },
  {
    method: 'get',
    path: '/api/exercises/:id',
    summary: 'One exercise: prompt, starter, checks, hints, solution and explanation',
    responses: { 200: 'The exercise' },
    errors: ['exercise_not_found'],
  },
  {
    method: 'post',
    path: '/api/exercises/:id/check',
    summary: 'Check a submission with the real evaluators: { passed, score, checks: [{ check, passed, message, line? }] }',
    body: checkSubmissionBodySchema,
    responses: { 200: 'The result' },
    errors: ['invalid_input', 'exercise_not_found', 'submission_too_large'],
  },
  {
    method: 'post',
    path: '/api/exercises/validate',
    summary: "Validate the user's own exercise file (YAML or JSON text) and return it as the API shows exercises",
    body: validateExerciseBodySchema,
    responses: { 200: 'The exercise' },
    errors: ['invalid_input', 'exercise_invalid'],
  },
  {
    method: 'post',
    path: '/api/exercises/check',
    summary: "Check a submission against the user's own exercise file (YAML or JSON text)",
    body: checkOwnExerciseBodySchema,
    responses: { 200: 'The result' },
    errors: ['invalid_input', 'exercise_invalid', 'submission_too_large'],
  },
  {
    method: 'get',
    path: '/api/exercise-attempts',
    summary: 'Every checked exercise submission, newest first, with its check results',
    responses: { 200: 'Array of exercise attempts' },
  },
  { method: 'get', path: '/api/my-exercises', summary: "The user's own exercises (each with source: yours)", responses: { 200: 'Array of exercises' } },
  {
    method: 'post',
    path: '/api/my-exercises',
    summary: 'Import an exercise of your own (YAML or JSON text, the exercise file format)',
    body: validateExerciseBodySchema,
    responses: { 201: 'The exercise as listed' },
    errors: ['invalid_input', 'exercise_invalid'],
  },
  {
    method: 'delete',
    path: '/api/my-exercises/:id',
    summary: 'Delete one of your own exercises',
    responses: { 200: { description: 'The id deleted', schema: deletedSchema } },
    errors: ['exercise_not_found'],
  },
  {
    method: 'post',
    path: '/api/sessions/:id/exercise',
    summary: "Check the interview's hands-on exercise and save the result with the session",
    body: checkSubmissionBodySchema,
    responses: { 200: 'The result' },
    errors: ['invalid_input', 'session_not_found', 'exercise_not_found', 'submission_too_large'],
  },
];

/** Team mode's routes (`loopcoach serve --team`): every one but sign-in needs a signed-in session, and its writes the CSRF header. */
const SIGNED_IN: ErrorCode[] = ['sign_in_required'];
const SIGNED_IN_WRITE: ErrorCode[] = ['sign_in_required', 'csrf_invalid', 'invalid_input'];

export const TEAM_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with email and password: sets the HTTP-only session cookie; the answer carries the CSRF token for writes',
    body: signInBodySchema,
    responses: { 200: { description: 'The account, its CSRF token and when the sign-in ends', schema: signedInSchema } },
    errors: ['invalid_input', 'sign_in_failed', 'rate_limited'],
  },
  { method: 'get', path: '/api/auth/oidc/start', summary: "Start signing in with the organisation's identity provider (a redirect to it)", responses: { 302: 'Redirect to the identity provider', 404: 'Sign-in with an identity provider is not configured on this server' } },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: "The identity provider's answer: signs in (or creates a candidate account) and redirects to the web app",
    responses: { 302: 'Redirect to the web app, signed in', 404: 'Sign-in with an identity provider is not configured on this server' },
    errors: ['sign_in_failed'],
  },
  { method: 'post', path: '/api/auth/sign-out', summary: 'End this sign-in', responses: { 200: '{ signedOut: 1 }' }, errors: SIGNED_IN_WRITE },
  { method: 'post', path: '/api/auth/sign-out-everywhere', summary: 'End every sign-in of this account, on every device', responses: { 200: '{ signedOut }: how many sign-ins ended' }, errors: SIGNED_IN_WRITE },
  { method: 'get', path: '/api/users', summary: 'Every account (admin only)', responses: { 200: { description: 'The accounts', schema: z.array(userSchema) } }, errors: [...SIGNED_IN, 'forbidden'] },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Create an account (admin only)',
    body: newUserBodySchema,
    responses: { 201: { description: 'The account', schema: userSchema } },
    errors: [...SIGNED_IN_WRITE, 'forbidden', 'user_exists'],
  },
  {
    method: 'post',
    path: '/api/users/:id/password',
    summary: "Set a user's password (admin only); every sign-in of that user ends",
    body: passwordBodySchema,
    responses: { 200: '{ reset: id }' },
    errors: [...SIGNED_IN_WRITE, 'forbidden', 'user_not_found'],
  },
  { method: 'get', path: '/api/cohorts', summary: 'The cohorts you coach (with invite codes) and the ones you belong to (with your sharing choice)', responses: { 200: '{ coaching, memberOf }' }, errors: SIGNED_IN },
  {
    method: 'post',
    path: '/api/cohorts',
    summary: 'Create a cohort (coach or admin); its invite code makes the join link',
    body: cohortBodySchema,
    responses: { 201: { description: 'The cohort', schema: cohortSchema } },
    errors: [...SIGNED_IN_WRITE, 'forbidden'],
  },
  {
    method: 'post',
    path: '/api/cohorts/join',
    summary: 'Join a cohort by invite code, choosing what the coach may see (all practice, or only answers you share)',
    body: joinBodySchema,
    responses: { 200: { description: 'The cohort joined and the sharing chosen', schema: membershipSchema } },
    errors: [...SIGNED_IN_WRITE, 'cohort_not_found'],
  },
  { method: 'get', path: '/api/cohorts/:id', summary: 'A cohort with its members (its coach only)', responses: { 200: 'The cohort and its members' }, errors: [...SIGNED_IN, 'cohort_not_found'] },
  {
    method: 'get',
    path: '/api/cohorts/:id/dashboard',
    summary: "Each candidate's sessions, scores per topic and habit over time, this week's practice, stuck or not, visible answers and exercise results (its coach only)",
    responses: { 200: '{ cohort, candidates }' },
    errors: [...SIGNED_IN, 'cohort_not_found'],
  },
  {
    method: 'put',
    path: '/api/cohorts/:id/sharing',
    summary: 'Change what the coach of a cohort you belong to may see',
    body: sharingBodySchema,
    responses: { 200: { description: 'The membership as changed', schema: membershipSchema } },
    errors: [...SIGNED_IN_WRITE, 'cohort_not_found'],
  },
  { method: 'delete', path: '/api/cohorts/:id/membership', summary: 'Leave a cohort: its coach loses sight of your practice at once', responses: { 200: '{ left: id }' }, errors: [...SIGNED_IN_WRITE, 'cohort_not_found'] },
  {
    method: 'delete',
    path: '/api/cohorts/:id/members/:userId',
    summary: 'Remove a member (its coach only); they lose access at once',
    responses: { 200: '{ removed: userId }' },
    errors: [...SIGNED_IN_WRITE, 'cohort_not_found', 'user_not_found'],
  },
  {
    method: 'get',
    path: '/api/cohorts/:id/attempts/:attemptId',
    summary: 'One answer a member lets the coach see, with its feedback, its sentences and the comments on it',
    responses: { 200: '{ attempt, sentences, comments }' },
    errors: [...SIGNED_IN, 'cohort_not_found', 'attempt_not_found'],
  },
  {
    method: 'post',
    path: '/api/cohorts/:id/attempts/:attemptId/comments',
    summary: 'Comment on one sentence of a visible answer (quoted exactly)',
    body: commentBodySchema,
    responses: { 201: 'The comment' },
    errors: [...SIGNED_IN_WRITE, 'cohort_not_found', 'attempt_not_found'],
  },
  { method: 'get', path: '/api/cohorts/:id/assignments', summary: "A cohort's assignments (its coach only)", responses: { 200: 'Array of assignments' }, errors: [...SIGNED_IN, 'cohort_not_found'] },
  {
    method: 'post',
    path: '/api/cohorts/:id/assignments',
    summary: 'Set an assignment: a set of questions or a mock-interview spec, by a due date',
    body: assignmentBodySchema,
    responses: { 201: 'The assignment' },
    errors: [...SIGNED_IN_WRITE, 'cohort_not_found', 'question_not_found'],
  },
  { method: 'get', path: '/api/assignments', summary: 'The assignments of every cohort you belong to, soonest due first, each marked done or not', responses: { 200: 'Array of assignments' }, errors: SIGNED_IN },
  { method: 'get', path: '/api/comments', summary: "Coaches' comments on your answers", responses: { 200: 'Array of comments' }, errors: SIGNED_IN },
  { method: 'get', path: '/api/my-answers', summary: 'Your latest answers, each marked shared or not', responses: { 200: 'Array of { id, questionId, prompt, score, answeredAt, shared }' }, errors: SIGNED_IN },
  {
    method: 'put',
    path: '/api/attempts/:id/share',
    summary: 'Share one of your answers with your coaches, or stop sharing it',
    body: shareBodySchema,
    responses: { 200: '{ attemptId, shared }' },
    errors: [...SIGNED_IN_WRITE, 'attempt_not_found'],
  },
  { method: 'get', path: '/api/account/export', summary: 'Everything stored about you, as one JSON file', responses: { 200: 'The export' }, errors: SIGNED_IN },
  {
    method: 'delete',
    path: '/api/account',
    summary: 'Delete your account and everything in it (type your email to confirm)',
    body: deleteAccountBodySchema,
    responses: { 200: '{ deleted: id }' },
    errors: SIGNED_IN_WRITE,
  },
];

/** Errors any route may answer with: refused by the request guard, too large, or our fault. */
const COMMON_ERRORS: ErrorCode[] = ['host_not_allowed', 'origin_not_allowed', 'request_too_large', 'headers_too_large', 'internal'];
const WRITE_ERRORS: ErrorCode[] = ['unsupported_media_type'];

/** A request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client must send it. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
}

/** `/api/sessions/:id` → `/api/sessions/{id}` and its path parameters. */
function openApiPath(path: string): { path: string; parameters: object[] } {
  const names = path
    .split('/')
    .filter((part) => part.startsWith(':'))
    .map((part) => part.slice(1));
  return {
    path: path.replace(/:([A-Za-z]+)/g, '{$1}'),
    parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
  };
}

function queryParameters(query: z.ZodObject | undefined): object[] {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, schema]) => {
    const { description, ...rest } = jsonSchema(schema as z.ZodType);
    return { name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: rest, ...(description ? { description } : {}) };
  });
}

function headerParameters(headers: Record<string, z.ZodType> | undefined): object[] {
  return Object.entries(headers ?? {}).map(([name, schema]) => {
    const { description, ...rest } = jsonSchema(schema);
    return { name, in: 'header', required: !schema.safeParse(undefined).success, schema: rest, ...(description ? { description } : {}) };
  });
}

function successResponse(doc: ResponseDoc): object {
  if (typeof doc === 'string') return { description: doc };
  return { description: doc.description, content: { 'application/json': { schema: jsonSchema(doc.schema, 'output') } } };
}

/** Error responses grouped by HTTP status, each naming its codes. */
function errorResponses(codes: readonly ErrorCode[]): Record<string, object> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(ERROR_CODES[code].http, [...(byStatus.get(ERROR_CODES[code].http) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        { description: list.join(' or '), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
  );
}

function operation(route: RouteDoc): object {
  const { parameters: pathParameters } = openApiPath(route.path);
  const parameters = [...pathParameters, ...queryParameters(route.query), ...headerParameters(route.headers)];
  const requestBody = route.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } }
    : route.rawBody
      ? {
          required: true,
          description: route.rawBody.description,
          content: { [route.rawBody.mediaType]: { schema: { type: 'string', contentMediaType: route.rawBody.mediaType } } },
        }
      : undefined;
  const errors = [...(route.errors ?? []), ...COMMON_ERRORS, ...(route.method === 'get' ? [] : WRITE_ERRORS)];
  return {
    summary: route.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { ...Object.fromEntries(Object.entries(route.responses).map(([status, doc]) => [status, successResponse(doc)])), ...errorResponses(errors) },
  };
}

/**
 * On a team server every API route but the public ones needs a sign-in (and its writes the CSRF
 * header), and graded answers count against the rate limits.
 */
function asTeamRoute(route: RouteDoc): RouteDoc {
  if (!route.path.startsWith('/api/') || PUBLIC_API_PATHS.has(route.path)) return route;
  const extra: ErrorCode[] = route.method === 'get' ? ['sign_in_required'] : ['sign_in_required', 'csrf_invalid'];
  if (GRADED_PATHS.has(route.path)) extra.push('rate_limited');
  return { ...route, errors: [...(route.errors ?? []), ...extra] };
}

/** Every route a team server registers: the single-user ones, signed in, and the team routes. */
export function teamApiRoutes(): RouteDoc[] {
  return [...API_ROUTES.map(asTeamRoute), ...TEAM_ROUTES];
}

/** The OpenAPI 3.1 document of these routes. */
export function buildOpenApiDocument(routes: readonly RouteDoc[] = API_ROUTES, description = 'Practise AWS interview answers with instant, explainable feedback. Local only.'): Record<string, unknown> {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const { path } = openApiPath(route.path);
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Loop Coach API', version: '0.1.0', description },
    paths,
    components: { schemas: { Error: jsonSchema(errorBodySchema, 'output') } },
  };
}

const documents = new Map<boolean, Record<string, unknown>>();

/** The document of a single-user server, or of a team server (its routes added), built once on first use. */
export function openApiDocument(team = false): Record<string, unknown> {
  let built = documents.get(team);
  if (!built) {
    built = team ? buildOpenApiDocument(teamApiRoutes(), 'Practise AWS interview answers with instant, explainable feedback. Team mode: sign in first (a session cookie); every write carries the x-csrf-token header.') : buildOpenApiDocument();
    documents.set(team, built);
  }
  return built;
}
