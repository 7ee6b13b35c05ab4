/** Speech: POST /api/transcribe (a WAV body) and the in-page transcription assets under /speech/. */
import { z } from 'zod';
import { QUESTION_KINDS } from '../core/types.js';

/** POST /api/transcribe?kind: the question's kind, to judge the answer's length. */
export const transcribeQuerySchema = z.object({
  kind: z.enum(QUESTION_KINDS).optional().describe("the question's kind, to judge the answer's length"),
});
export type TranscribeQuery = z.infer<typeof transcribeQuerySchema>;
