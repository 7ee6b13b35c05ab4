// Spoken answers through the API on a real SQLite file: the transcript and delivery saved with the
// attempt, audio kept only when the user chose to, played back (ranges too), deleted with the
// recording or the answer; delivery over time in the session report and in progress.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { composeServerApp } from '../../src/server/compose.js';
import { encodeWav16 } from '../../src/speech/wav.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: Awaited<ReturnType<typeof composeServerApp>>;
let store: Store;

beforeAll(async () => {
  const coach = await createCoach({ questionDir: writeQuestionBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-api-spoken-')), 'test.db'));
  app = await composeServerApp({ coach, store });
});

afterAll(() => store?.close());

const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
  app.request(path, {
    method,
    ...(body === undefined ? {} : { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body), headers: { 'content-type': type } }),
  });

const TRANSCRIPT = 'Um, security groups are stateful and network ACLs are stateless. Uh, a network ACL applies to a whole subnet.';
const spoken = {
  transcript: TRANSCRIPT,
  segments: [
    { startSec: 0.4, endSec: 4.2, text: 'Um, security groups are stateful and network ACLs are stateless.' },
    { startSec: 6.1, endSec: 9.0, text: 'Uh, a network ACL applies to a whole subnet.' },
  ],
  delivery: {
    durationSec: 9.5,
    speakingSec: 6.0,
    wordsPerMinute: 180,
    pauses: [{ startSec: 4.2, endSec: 6.1 }],
    fillers: [
      { word: 'um', count: 1 },
      { word: 'uh', count: 1 },
    ],
    pitchVariationSemitones: 2.1,
    loudnessDb: -20,
    findings: [{ code: 'long-pauses', message: 'A 1.9 s pause: bridge it with a signpost.', atSec: 4.2 }],
  },
};
const audio = encodeWav16({ sampleRate: 16000, samples: Float32Array.from({ length: 16000 }, (_, i) => Math.sin(i / 10) * 0.3) });

describe('spoken answers', () => {
  let sessionId = '';
  let attemptId = '';

  it('saves the transcript, the edit mark and the delivery with the attempt', async () => {
    const started = await (await send('POST', '/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' })).json();
    sessionId = started.session.id;
    const edited = `${TRANSCRIPT} Thanks.`;
    const res = await send('POST', `/api/sessions/${sessionId}/answers`, { answer: edited, spoken });
    expect(res.status).toBe(201);
    attemptId = (await res.json()).attemptId;
    expect(attemptId).toEqual(expect.any(String));
    const { report } = await (await send('GET', `/api/sessions/${sessionId}`)).json();
    expect(report.spoken).toEqual([
      expect.objectContaining({ attemptId, transcript: TRANSCRIPT, isEdited: true, segments: spoken.segments, delivery: spoken.delivery }),
    ]);
    expect(report.delivery.answers).toEqual([expect.objectContaining({ attemptId, wordsPerMinute: 180, fillersPerMinute: 20, longPauses: 1 })]);
    expect(report.delivery.mean).toEqual({ wordsPerMinute: 180, fillersPerMinute: 20, longPauses: 1 });
  });

  it('refuses a malformed delivery and saves nothing', async () => {
    const started = await (await send('POST', '/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'other' })).json();
    const bad = await send('POST', `/api/sessions/${started.session.id}/answers`, {
      answer: 'x',
      spoken: { ...spoken, delivery: { ...spoken.delivery, findings: [{ code: 'mumbling', message: '', atSec: 1 }] } },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_input');
    expect((await (await send('GET', `/api/sessions/${started.session.id}`)).json()).report.questions).toEqual([]);
  });

  it('keeps no audio unless "keep recordings" is on (off by default, and persisted)', async () => {
    expect(await (await send('GET', '/api/settings/speech')).json()).toEqual({ keepRecordings: false });
    const refused = await send('PUT', `/api/attempts/${attemptId}/recording`, audio, 'audio/wav');
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('recordings_off');
    expect((await send('GET', `/api/attempts/${attemptId}/recording`)).status).toBe(404);
    expect(await (await send('PUT', '/api/settings/speech', { keepRecordings: true })).json()).toEqual({ keepRecordings: true });
    expect((await send('PUT', '/api/settings/speech', { keepRecordings: 'yes' })).status).toBe(400);
    expect(await (await send('GET', '/api/settings/speech')).json()).toEqual({ keepRecordings: true });
  });

  it('keeps the audio, plays it back whole or by range, and refuses what is not audio', async () => {
    const notAudio = await send('PUT', `/api/attempts/${attemptId}/recording`, new TextEncoder().encode('hello'), 'audio/wav');
    expect(notAudio.status).toBe(415);
    expect((await send('PUT', '/api/attempts/nope/recording', audio, 'audio/wav')).status).toBe(404);
    const kept = await send('PUT', `/api/attempts/${attemptId}/recording`, audio, 'audio/wav');
    expect(kept.status).toBe(201);
    expect(await kept.json()).toMatchObject({ attemptId, mediaType: 'audio/wav', bytes: audio.length });
    const whole = await send('GET', `/api/attempts/${attemptId}/recording`);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(audio))).toBe(true);
    const part = await app.request(`/api/attempts/${attemptId}/recording`, { headers: { range: 'bytes=44-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-99/${audio.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(audio.subarray(44, 100)))).toBe(true);
    expect(await (await send('GET', '/api/recordings')).json()).toEqual({ attemptIds: [attemptId] });
  });

  it('deleting the recording removes the audio and keeps the answer', async () => {
    expect((await send('DELETE', `/api/attempts/${attemptId}/recording`)).status).toBe(200);
    expect((await send('GET', `/api/attempts/${attemptId}/recording`)).status).toBe(404);
    expect((await send('DELETE', `/api/attempts/${attemptId}/recording`)).status).toBe(404);
    expect((await (await send('GET', `/api/sessions/${sessionId}`)).json()).report.spoken).toHaveLength(1);
  });

  it('shows delivery over time in progress, then deleting the answer removes it and its audio', async () => {
    expect((await send('PUT', `/api/attempts/${attemptId}/recording`, audio, 'audio/wav')).status).toBe(201);
    const progress = await (await send('GET', '/api/progress')).json();
    expect(progress.delivery.answers).toEqual([expect.objectContaining({ attemptId, questionId: 'sg-vs-nacl', wordsPerMinute: 180 })]);
    expect((await send('DELETE', `/api/attempts/${attemptId}`)).status).toBe(200);
    expect((await send('GET', `/api/attempts/${attemptId}/recording`)).status).toBe(404);
    expect(await (await send('GET', '/api/recordings')).json()).toEqual({ attemptIds: [] });
    expect((await (await send('GET', '/api/progress')).json()).delivery).toEqual({ answers: [], mean: null });
    expect((await send('DELETE', `/api/attempts/${attemptId}`)).status).toBe(404);
  });
});

describe('spoken answers to a question practised alone (POST /api/practice)', () => {
  it('saves the transcript and delivery with the practised answer, as in an interview', async () => {
    const res = await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT, spoken });
    expect(res.status).toBe(201);
    const practised = await res.json();
    const { session, report } = await (await send('GET', `/api/sessions/${practised.sessionId}`)).json();
    expect(session.kind).toBe('practice');
    expect(report.spoken).toEqual([
      expect.objectContaining({
        attemptId: practised.attemptId,
        questionId: 'sg-vs-nacl',
        transcript: TRANSCRIPT,
        isEdited: false,
        segments: spoken.segments,
        delivery: spoken.delivery,
      }),
    ]);
    expect(report.delivery.answers).toEqual([expect.objectContaining({ attemptId: practised.attemptId, wordsPerMinute: 180, longPauses: 1 })]);
  });

  it('keeps its audio when "keep recordings" is on, and plays it back', async () => {
    const practised = await (await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: `${TRANSCRIPT} Thanks.`, spoken })).json();
    expect(await (await send('PUT', '/api/settings/speech', { keepRecordings: true })).json()).toEqual({ keepRecordings: true });
    expect((await send('PUT', `/api/attempts/${practised.attemptId}/recording`, audio, 'audio/wav')).status).toBe(201);
    const played = await send('GET', `/api/attempts/${practised.attemptId}/recording`);
    expect(played.status).toBe(200);
    expect(Buffer.from(await played.arrayBuffer()).equals(Buffer.from(audio))).toBe(true);
    expect((await (await send('GET', `/api/sessions/${practised.sessionId}`)).json()).report.spoken[0].isEdited).toBe(true);
  });

  it("puts a typed answer beside the spoken ones in progress (delivery null) and refuses a typed answer's recording", async () => {
    const typed = await (await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT })).json();
    const refused = await send('PUT', `/api/attempts/${typed.attemptId}/recording`, audio, 'audio/wav');
    expect(refused.status).toBe(400);
    const progress = await (await send('GET', '/api/progress')).json();
    const repeated = progress.questions.find((q: { questionId: string }) => q.questionId === 'sg-vs-nacl');
    expect(repeated.delivery).toEqual([expect.objectContaining({ wordsPerMinute: 180 }), expect.objectContaining({ wordsPerMinute: 180 }), null]);
    expect(progress.delivery.answers).toHaveLength(2);
  });

  it('deleting a practised answer removes its audio and its one-question session from history', async () => {
    const practised = await (await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT, spoken })).json();
    expect((await send('PUT', `/api/attempts/${practised.attemptId}/recording`, audio, 'audio/wav')).status).toBe(201);
    expect((await send('DELETE', `/api/attempts/${practised.attemptId}`)).status).toBe(200);
    expect((await send('GET', `/api/attempts/${practised.attemptId}/recording`)).status).toBe(404);
    expect((await send('GET', `/api/sessions/${practised.sessionId}`)).status).toBe(404);
    expect(((await (await send('GET', '/api/history')).json()) as Array<{ id: string }>).map((h) => h.id)).not.toContain(practised.sessionId);
  });

  it('refuses a malformed spoken answer and saves nothing', async () => {
    const before = (await (await send('GET', '/api/history')).json()).length;
    const bad = await send('POST', '/api/practice', {
      questionId: 'sg-vs-nacl',
      answer: TRANSCRIPT,
      spoken: { ...spoken, segments: [{ startSec: 'soon', endSec: 1, text: 'x' }] },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_input');
    expect((await (await send('GET', '/api/history')).json()).length).toBe(before);
  });
});
