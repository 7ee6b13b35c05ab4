import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  MAX_TAILOR_BODY_BYTES,
  tailorBodySchema,
  type DocumentInput as DocumentInputBody,
  type SavedDocument,
  type TailorRequest as TailorRequestBody,
} from '../api/tailor.contract.js';
import type { Deleted } from '../api/common.contract.js';
import type { SessionStarted } from '../api/sessions.contract.js';
import { MAX_DOCUMENT_BYTES } from '../limits.js';
import type { DocumentInput, TailorRequest, TailorService } from '../services/tailor.service.js';
import { errorResponse } from './errors.js';
import { parseJsonBody } from './validate.js';

function toDocument(input: DocumentInputBody): DocumentInput {
  if ('file' in input) return { file: { name: input.file.name, bytes: Buffer.from(input.file.data, 'base64') } };
  return input;
}

function toRequest(body: TailorRequestBody): TailorRequest {
  return {
    posting: toDocument(body.posting),
    ...(body.resume ? { resume: toDocument(body.resume) } : {}),
    ...(body.count ? { count: body.count } : {}),
    ...(body.save ? { save: body.save } : {}),
  };
}

/**
 * Tailored interviews: plan from a posting (and résumé), start that plan, and the documents the
 * user chose to save. Registered before the API's 1 MB limit, with a limit of their own for uploads.
 */
export function registerTailorRoutes(app: Hono, tailor: TailorService): void {
  const uploads = bodyLimit({
    maxSize: MAX_TAILOR_BODY_BYTES,
    onError: (c) =>
      errorResponse(
        c,
        'invalid_input',
        `the upload is too large: documents are limited to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; save just the text as .txt`,
        413,
      ),
  });

  app.post('/api/plans', uploads, async (c) => c.json(await tailor.plan(toRequest(await parseJsonBody(c, tailorBodySchema)))));
  app.post('/api/plans/sessions', uploads, async (c) =>
    c.json((await tailor.start(toRequest(await parseJsonBody(c, tailorBodySchema)))) satisfies SessionStarted, 201),
  );
  app.get('/api/documents', async (c) => c.json((await tailor.listDocuments()) satisfies SavedDocument[]));
  app.delete('/api/documents/:id', async (c) => {
    await tailor.deleteDocument(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') } satisfies Deleted);
  });
}
