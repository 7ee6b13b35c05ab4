import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RecordingService } from '../services/recording.service.js';
import { MAX_AUDIO_BYTES } from '../services/speech.service.js';
import { errorResponse } from './errors.js';
import { speechSettingsSchema } from '../api/speech.contract.js';
import { parseJsonBody } from './validate.js';

/**
 * Spoken answers' settings and kept audio: GET/PUT /api/settings/speech ({ keepRecordings }),
 * PUT/GET/DELETE /api/attempts/:id/recording (the audio, kept only when the setting is on),
 * GET/DELETE /api/recordings (which answers have audio; delete all), DELETE /api/attempts/:id
 * (the answer, its follow-ups and their audio).
 */
export function registerRecordingRoutes(app: Hono, recordings: RecordingService): void {
  app.get('/api/settings/speech', async (c) => c.json(await recordings.settings()));
  app.put(
    '/api/settings/speech',
    bodyLimit({ maxSize: 4096, onError: (c) => errorResponse(c, 'request_too_large', 'the settings body is larger than 4 KB', 413) }),
    async (c) => c.json(await recordings.updateSettings(await parseJsonBody(c, speechSettingsSchema))),
  );

  app.put(
    '/api/attempts/:id/recording',
    bodyLimit({
      maxSize: MAX_AUDIO_BYTES,
      onError: (c) => errorResponse(c, 'audio_too_long', `the recording is larger than ${MAX_AUDIO_BYTES / 1024 / 1024} MB`, 413),
    }),
    async (c) => c.json(await recordings.keep(c.req.param('id'), new Uint8Array(await c.req.arrayBuffer())), 201),
  );
  app.get('/api/attempts/:id/recording', async (c) => playback(c, await recordings.recording(c.req.param('id'))));
  app.delete('/api/attempts/:id/recording', async (c) => {
    await recordings.deleteRecording(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') });
  });
  app.delete('/api/attempts/:id', async (c) => {
    await recordings.deleteAttempt(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') });
  });

  app.get('/api/recordings', async (c) => c.json({ attemptIds: [...(await recordings.withRecordings())] }));
  app.delete('/api/recordings', async (c) => c.json({ deleted: await recordings.deleteAllRecordings() }));
}

/** The audio, whole or the byte range asked for (players seek with Range requests). */
function playback(c: Context, recording: { mediaType: string; audio: Uint8Array }): Response {
  const size = recording.audio.length;
  const headers = { 'content-type': recording.mediaType, 'accept-ranges': 'bytes', 'cache-control': 'private, no-store' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '');
  if (!range || (range[1] === '' && range[2] === ''))
    return new Response(recording.audio as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-length': String(size) } });
  const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start > end || start >= size) return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  const body = recording.audio.subarray(start, end + 1) as Uint8Array<ArrayBuffer>;
  return new Response(body, { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(body.length) } });
}
