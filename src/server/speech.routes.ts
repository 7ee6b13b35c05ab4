import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { transcribeQuerySchema } from '../api/speech.contract.js';
import { MAX_AUDIO_BYTES, transcribeAudio } from '../services/speech.service.js';
import { speechAssets, type SpeechAsset } from '../speech/node-model.js';
import { errorResponse } from './errors.js';
import { parseWith } from './validate.js';

/**
 * Speech: GET /speech/<file> serves the in-page transcription runtime and model from this server
 * (cached by the browser; never a CDN); POST /api/transcribe takes a WAV body and returns
 * { transcript, segments, delivery }, transcribed on this machine.
 */
export function registerSpeechRoutes(app: Hono): void {
  let assets: Record<string, SpeechAsset> | undefined;
  app.get('/speech/:file', async (c) => {
    assets ??= speechAssets();
    const asset = assets[c.req.param('file')];
    if (!asset) return errorResponse(c, 'not_found', `no speech file ${c.req.param('file')}`, 404);
    return new Response(await readFile(asset.path), { headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' } });
  });
  app.post(
    '/api/transcribe',
    bodyLimit({
      maxSize: MAX_AUDIO_BYTES,
      onError: (c) => errorResponse(c, 'audio_too_long', `the recording is larger than ${MAX_AUDIO_BYTES / 1024 / 1024} MB`, 413),
    }),
    async (c) => {
      const { kind } = parseWith(transcribeQuerySchema, c.req.query());
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await transcribeAudio(bytes, kind));
    },
  );
}
