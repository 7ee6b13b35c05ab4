// POST /api/transcribe and the /speech/ files the page transcribes with.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/coach.js';
import { createApp } from '../../src/server/app.js';
import { encodeWav16 } from '../../src/speech/wav.js';
import { buildSpokenFixture, fixtureToolsMissing } from './fixture.js';

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp({ coach: await createCoach({ questionDir: null }) });
});

const post = (body: Uint8Array, query = '') =>
  app.request(`/api/transcribe${query}`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body: Buffer.from(body) });

describe('POST /api/transcribe', () => {
  it.each([
    ['not audio', new TextEncoder().encode('plain text'), 415, 'audio_invalid'],
    ['silent', encodeWav16({ sampleRate: 16000, samples: new Float32Array(32000) }), 422, 'audio_silent'],
    ['a WebM cut off before its audio', readFileSync(new URL('../fixtures/speech/answer.webm', import.meta.url)).subarray(0, 200), 415, 'audio_invalid'],
  ])('%s: the error shape with a fitting status', async (_what, body, status, code) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('rejects an unknown question kind', async () => {
    const response = await post(new Uint8Array(10), '?kind=poem');
    expect(response.status).toBe(400);
  });

  it.skipIf(fixtureToolsMissing())('returns transcript, segments and delivery for a WAV body', { timeout: 120_000 }, async () => {
    const fixture = buildSpokenFixture(mkdtempSync(join(tmpdir(), 'loopcoach-api-speech-')));
    const response = await post(readFileSync(fixture.wavPath), '?kind=behavioral');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.transcript).toMatch(/queue/i);
    expect(body.delivery.pauses).toHaveLength(1);
  });

  it("takes the browser's own WebM/Opus recording as well", { timeout: 120_000 }, async () => {
    const webm = readFileSync(new URL('../fixtures/speech/answer.webm', import.meta.url));
    const response = await app.request('/api/transcribe', { method: 'POST', headers: { 'content-type': 'audio/webm;codecs=opus' }, body: webm });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.transcript).toMatch(/queue in front of the workers/i);
    expect(body.delivery.pauses).toHaveLength(1);
  });
});

describe('GET /speech/<file>', () => {
  it('serves the WASM runtime as application/wasm and the model, and nothing else', async () => {
    const wasm = await app.request('/speech/ort-wasm-simd-threaded.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
    expect((await app.request('/speech/encoder_model.onnx')).status).toBe(200);
    expect((await app.request('/speech/package.json')).status).toBe(404);
    expect((await app.request('/speech/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
