/**
 * The JSON API's contract, shared by the server and the web app: request schemas (zod) with the
 * types inferred from them, and the response types. These modules import only zod, the pure core
 * and other contract modules, so the web app can import their types (type-only) without bundling
 * server code; src/server/openapi.ts generates the OpenAPI document from the same schemas.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';

/** Every API error has one shape: { error: { code, message } }, with the code's HTTP status. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum([...(Object.keys(ERROR_CODES) as Array<keyof typeof ERROR_CODES>), 'not_found']),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An id in a path (/api/questions/:id, /api/sessions/:id, …). */
export const idParamSchema = z.string().min(1).max(200);

/** What a DELETE answers: the id it removed. */
export const deletedSchema = z.strictObject({ deleted: z.string() });
export type Deleted = z.infer<typeof deletedSchema>;
