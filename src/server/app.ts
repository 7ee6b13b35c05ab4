import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Coach } from '../coach.js';
import { gradableQuestionSchema } from '../content/question.schema.js';
import { LEVELS, QUESTION_KINDS, TOPICS, type Question } from '../core/types.js';
import { LoopCoachError, MAX_ANSWER_CHARS } from '../errors.js';
import { filterQuestions } from '../services/question.service.js';
import { errorResponse, toErrorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';

export interface AppOptions {
  coach: Coach;
  /** Serves the built web app (static files) for every non-API path, when given. */
  staticHandler?: (c: Context, next: () => Promise<void>) => Promise<Response | void>;
}

const listQuery = z.object({
  topic: z.enum(TOPICS).optional(),
  level: z.enum(LEVELS).optional(),
  kind: z.enum(QUESTION_KINDS).optional(),
  service: z.string().trim().min(1).max(100).optional(),
});

const gradeBody = z.union([
  z.strictObject({ questionId: z.string().min(1).max(200), answer: z.string() }),
  z.strictObject({ question: gradableQuestionSchema, answer: z.string() }),
]);

/** 1 MB: room for a 20,000-character answer and a question, not for abuse. */
const MAX_BODY_BYTES = 1024 * 1024;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.join('.');
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

/** The JSON API (and, when given, the web app): validate → one call → present. */
export function createApp({ coach, staticHandler }: AppOptions): Hono {
  const app = new Hono();
  app.onError((error, c) => toErrorResponse(c, error));

  app.get('/api/health', (c) => c.json({ status: 'ok', questions: coach.questions.length }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));

  app.get('/api/questions', (c) => {
    const query = listQuery.safeParse(c.req.query());
    if (!query.success) return errorResponse(c, 'invalid_input', firstIssue(query.error), 400);
    return c.json(filterQuestions(coach.questions, query.data));
  });

  app.get('/api/questions/:id', (c) => {
    const question = coach.findQuestion(c.req.param('id'));
    if (!question) return errorResponse(c, 'question_not_found', `no question with id "${c.req.param('id')}"`, 404);
    return c.json(question);
  });

  app.post(
    '/api/grade',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorResponse(c, 'answer_too_long', 'the request is larger than 1 MB', 413) }),
    async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return errorResponse(c, 'invalid_input', 'the body is not valid JSON', 400);
      }
      const body = gradeBody.safeParse(raw);
      if (!body.success) return errorResponse(c, 'invalid_input', firstIssue(body.error), 400);
      if (body.data.answer.length > MAX_ANSWER_CHARS) {
        throw new LoopCoachError('answer_too_long', `the answer has ${body.data.answer.length} characters; the limit is ${MAX_ANSWER_CHARS}`);
      }
      const question = 'questionId' in body.data ? coach.findQuestion(body.data.questionId) : (body.data.question as Question);
      if (!question) return errorResponse(c, 'question_not_found', `no question with id "${(body.data as { questionId: string }).questionId}"`, 404);
      return c.json(coach.grade(question, body.data.answer));
    },
  );

  app.all('/api/*', (c) => errorResponse(c, 'not_found', `no API route ${c.req.method} ${c.req.path}`, 404));
  if (staticHandler) app.use('*', staticHandler);
  return app;
}
