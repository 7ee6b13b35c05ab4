import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLoopCoachError, type ErrorCode } from '../errors.js';

/** Every API error has one shape: { error: { code, message } }, with the code's HTTP status. */
export function errorResponse(c: Context, code: ErrorCode | 'not_found', message: string, status: number): Response {
  return c.json({ error: { code, message } }, status as ContentfulStatusCode);
}

/** Maps any thrown error to the API's error shape; unexpected ones never leak a stack. */
export function toErrorResponse(c: Context, error: unknown): Response {
  if (isLoopCoachError(error)) return errorResponse(c, error.code, error.message, error.httpStatus);
  return errorResponse(c, 'internal', 'something went wrong on our side; the request changed nothing', 500);
}
