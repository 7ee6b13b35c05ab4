import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../content/documents.js';
import { MAX_PLAN_COUNT } from '../services/plan.service.js';
import type { DocumentInput, TailorRequest, TailorService } from '../services/tailor.service.js';
import { errorResponse } from './errors.js';
import { parseJsonBody } from './validate.js';

/** Room for a 10 MB document and a résumé, base64-encoded (4/3 larger), and the JSON around them. */
const MAX_TAILOR_BODY_BYTES = 30 * 1024 * 1024;
const MAX_PASTED_CHARS = 200_000;
/** Base64 checked by its alphabet only: zod's stricter pattern takes most of a second on a 10 MB upload. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const documentInput = z.union([
  z.strictObject({ text: z.string().max(MAX_PASTED_CHARS, `pasted text takes at most ${MAX_PASTED_CHARS} characters`) }),
  z.strictObject({ file: z.strictObject({ name: z.string().min(1).max(255), data: z.string().regex(BASE64, 'the file must be base64-encoded') }) }),
  z.strictObject({ documentId: z.string().min(1).max(200) }),
]);

const tailorBody = z.strictObject({
  posting: documentInput,
  resume: documentInput.optional(),
  count: z.number().int().min(1).max(MAX_PLAN_COUNT).optional(),
  save: z.strictObject({ posting: z.boolean().optional(), resume: z.boolean().optional() }).optional(),
});

function toDocument(input: z.infer<typeof documentInput>): DocumentInput {
  if ('file' in input) return { file: { name: input.file.name, bytes: Buffer.from(input.file.data, 'base64') } };
  return input;
}

function toRequest(body: z.infer<typeof tailorBody>): TailorRequest {
  return { posting: toDocument(body.posting), ...(body.resume ? { resume: toDocument(body.resume) } : {}), ...(body.count ? { count: body.count } : {}), ...(body.save ? { save: body.save } : {}) };
}

/**
 * Tailored interviews: plan from a posting (and résumé), start that plan, and the documents the
 * user chose to save. Registered before the API's 1 MB limit, with a limit of their own for uploads.
 */
export function registerTailorRoutes(app: Hono, tailor: TailorService): void {
  const uploads = bodyLimit({
    maxSize: MAX_TAILOR_BODY_BYTES,
    onError: (c) => errorResponse(c, 'invalid_input', `the upload is too large: documents are limited to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; save just the text as .txt`, 413),
  });

  app.post('/api/plans', uploads, async (c) => c.json(await tailor.plan(toRequest(await parseJsonBody(c, tailorBody)))));
  app.post('/api/plans/sessions', uploads, async (c) => c.json(await tailor.start(toRequest(await parseJsonBody(c, tailorBody))), 201));
  app.get('/api/documents', async (c) => c.json(await tailor.listDocuments()));
  app.delete('/api/documents/:id', async (c) => {
    await tailor.deleteDocument(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') });
  });
}
