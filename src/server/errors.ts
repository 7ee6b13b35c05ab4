import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLoopCoachError, type ErrorCode } from '../errors.js';
import { errorForLog, type Logger } from '../logger.js';

/** Every API error has one shape: { error: { code, message } }, with the code's HTTP status. */
export function errorResponse(c: Context, code: ErrorCode | 'not_found', message: string, status: number): Response {
  return c.json({ error: { code, message } }, status as ContentfulStatusCode);
}

/**
 * Maps any thrown error to the API's error shape; unexpected ones never leak a stack. Every 500
 * is logged with its request id (sent back as X-Request-Id), the route and the error, never the body.
 */
export function toErrorResponse(c: Context, error: unknown, logger?: Logger): Response {
  const status = isLoopCoachError(error) ? error.httpStatus : 500;
  if (status >= 500) {
    const requestId = (c.get as (key: string) => unknown)('requestId');
    logger?.error({ requestId, method: c.req.method, route: c.req.routePath, status, error: errorForLog(error) }, 'request failed');
  }
  if (isLoopCoachError(error)) return errorResponse(c, error.code, error.message, error.httpStatus);
  return errorResponse(c, 'internal', 'something went wrong on our side; the request changed nothing', 500);
}
