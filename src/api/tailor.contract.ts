/** Interviews tailored to a job posting (and a résumé): POST /api/plans, POST /api/plans/sessions, saved documents. */
import { z } from 'zod';
import type { SkillGap } from '../core/tailor/plan.js';
import type { Role } from '../core/tailor/vocabulary.js';
import type { Level } from '../core/types.js';
import { MAX_DOCUMENT_BYTES, MAX_PLAN_COUNT } from '../limits.js';
import type { DocumentSummary } from '../store/document.repository.js';

/** The most pasted text one document takes, in characters. */
export const MAX_PASTED_CHARS = 200_000;
/** Room for a 10 MB document and a résumé, base64-encoded (4/3 larger), and the JSON around them. */
export const MAX_TAILOR_BODY_BYTES = 30 * 1024 * 1024;
/** Base64 checked by its alphabet only: zod's stricter pattern takes most of a second on a 10 MB upload. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A document as the API takes it: pasted text, a file (base64 of its bytes), or one saved before. */
export const documentInputSchema = z.union([
  z.strictObject({ text: z.string().max(MAX_PASTED_CHARS, `pasted text takes at most ${MAX_PASTED_CHARS} characters`) }),
  z.strictObject({
    file: z.strictObject({
      name: z.string().min(1).max(255),
      data: z
        .string()
        .regex(BASE64, 'the file must be base64-encoded')
        .describe(`PDF, DOCX or text, base64-encoded, at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`),
    }),
  }),
  z.strictObject({ documentId: z.string().min(1).max(200) }),
]);
export type DocumentInput = z.infer<typeof documentInputSchema>;

/** POST /api/plans and POST /api/plans/sessions */
export const tailorBodySchema = z.strictObject({
  posting: documentInputSchema,
  resume: documentInputSchema.optional(),
  count: z.number().int().min(1).max(MAX_PLAN_COUNT).optional(),
  save: z
    .strictObject({ posting: z.boolean().optional(), resume: z.boolean().optional() })
    .optional()
    .describe('which of the given documents to keep; nothing is kept unless asked'),
});
export type TailorRequest = z.infer<typeof tailorBodySchema>;

/** The plan in the CLI's public JSON shape, plus what the web app shows with it. */
export interface TailoredPlan {
  role: Role;
  level: Level;
  skills: string[];
  services: string[];
  questions: Array<{ id: string; prompt: string; reason: string; generated: boolean }>;
  gaps: SkillGap[];
  /** Ids of the documents saved by this request. */
  saved: { posting?: string; resume?: string };
}

/** GET /api/documents: a saved document without its text. */
export type SavedDocument = DocumentSummary;
