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
import {
  answerBodySchema,
  idempotencyKeyHeaderSchema,
  practiceBodySchema,
  previewBodySchema,
  sessionSummarySchema,
  startSessionBodySchema,
} from '../api/sessions.contract.js';
import { speechSettingsSchema, transcribeQuerySchema } from '../api/speech.contract.js';
import { tailorBodySchema } from '../api/tailor.contract.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { GRADED_PATHS, PUBLIC_API_PATHS } from './team-auth.js';
import { TEAM_ROUTES } from './openapi-team.js';

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
    rawBody: { mediaType: 'audio/wav', description: "the recording: WAV, or the browser's WebM/Opus (audio/webm) or Ogg/Opus (audio/ogg)" },
    responses: {
      200: '{ transcript, segments: [{ startSec, endSec, text }], delivery: { durationSec, speakingSec, wordsPerMinute, pauses, fillers, pitchVariationSemitones, loudnessDb, findings } }',
    },
    errors: ['invalid_input', 'audio_too_long', 'audio_invalid', 'audio_silent'],
  },
  {
    method: 'get',
    path: '/api/settings/speech',
    summary: 'Speech settings: keepRecordings (off by default: only transcripts are saved)',
    responses: { 200: { description: 'The settings', schema: speechSettingsSchema } },
  },
  {
    method: 'put',
    path: '/api/settings/speech',
    summary: 'Turn keeping the audio of spoken answers on or off',
    body: speechSettingsSchema,
    responses: { 200: { description: 'The settings', schema: speechSettingsSchema } },
    errors: ['invalid_input', 'request_too_large'],
  },
  {
    method: 'put',
    path: '/api/attempts/:id/recording',
    summary: 'Keep the audio of a spoken answer (only when keepRecordings is on)',
    rawBody: { mediaType: 'audio/wav', description: 'the recording: WAV, WebM/Opus (audio/webm) or Ogg/Opus (audio/ogg)' },
    responses: { 201: '{ attemptId, mediaType, createdAt, bytes }' },
    errors: ['recordings_off', 'attempt_not_found', 'invalid_input', 'audio_invalid', 'audio_too_long'],
  },
  {
    method: 'get',
    path: '/api/attempts/:id/recording',
    summary: 'The kept audio of an answer (Range requests answered with 206)',
    responses: { 200: 'The audio' },
    errors: ['recording_not_found'],
  },
  {
    method: 'delete',
    path: '/api/attempts/:id/recording',
    summary: 'Delete the kept audio of an answer (its transcript and feedback stay)',
    responses: { 200: { description: 'Deleted', schema: deletedSchema } },
    errors: ['recording_not_found'],
  },
  {
    method: 'delete',
    path: '/api/attempts/:id',
    summary: 'Delete an answer, its follow-up answers and their audio',
    responses: { 200: { description: 'Deleted', schema: deletedSchema } },
    errors: ['attempt_not_found'],
  },
  { method: 'get', path: '/api/recordings', summary: 'Which answers have kept audio', responses: { 200: '{ attemptIds }' } },
  { method: 'delete', path: '/api/recordings', summary: 'Delete every kept recording', responses: { 200: '{ deleted: count }' } },
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
    method: 'post',
    path: '/api/sessions/:id/skip',
    summary: 'Skip the pending prompt (question or follow-up): kept as skipped, never scored; a skipped question gets no follow-up',
    responses: { 201: '{ skipped, next, finished }' },
    errors: ['session_not_found', 'session_finished', 'answer_conflict'],
  },
  {
    method: 'post',
    path: '/api/sessions/:id/end',
    summary: 'End the interview now: finished, with a report on what was answered (report.skipped names the prompts skipped)',
    responses: { 200: '{ session, report, modelAnswers }' },
    errors: ['session_not_found'],
  },
  {
    method: 'post',
    path: '/api/practice',
    summary:
      'Grade an answer to one question practised alone and save it as an attempt (a one-question session of kind practice), beside the previous answer to it',
    body: practiceBodySchema,
    responses: {
      201: '{ sessionId, attemptId, prompt, feedback, previous: { answer, score, answeredAt, improved, lost, habitsDropped, habitsAdded } | null }',
    },
    errors: ['invalid_input', 'question_not_found', 'answer_too_long'],
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
    method: 'get',
    path: '/api/my-questions/export',
    summary: "The user's own questions as a YAML pack (application/yaml, one document per question), to import elsewhere",
    responses: { 200: 'The YAML pack' },
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
    summary: "Check a submission against the user's own exercise file (YAML or JSON text), without importing the file; the attempt is saved in History",
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

/** The recording routes (src/server/recording.routes.ts): a team server keeps no audio, so it has none of them. */
const RECORDING_ROUTES = new Set([
  'get /api/settings/speech',
  'put /api/settings/speech',
  'put /api/attempts/:id/recording',
  'get /api/attempts/:id/recording',
  'delete /api/attempts/:id/recording',
  'delete /api/attempts/:id',
  'get /api/recordings',
  'delete /api/recordings',
]);

/** Every route a team server registers: the single-user ones but the recording routes, signed in, and the team routes. */
export function teamApiRoutes(): RouteDoc[] {
  return [...API_ROUTES.filter((r) => !RECORDING_ROUTES.has(`${r.method} ${r.path}`)).map(asTeamRoute), ...TEAM_ROUTES];
}

/** The OpenAPI 3.1 document of these routes. */
export function buildOpenApiDocument(
  routes: readonly RouteDoc[] = API_ROUTES,
  description = 'Practise AWS interview answers with instant, explainable feedback. Local only.',
): Record<string, unknown> {
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
    built = team
      ? buildOpenApiDocument(
          teamApiRoutes(),
          'Practise AWS interview answers with instant, explainable feedback. Team mode: sign in first (a session cookie); every write carries the x-csrf-token header.',
        )
      : buildOpenApiDocument();
    documents.set(team, built);
  }
  return built;
}
