// Camera measures kept with a spoken answer through the API on a real SQLite file: the summary the
// page measured is saved with the attempt (no frame, no video), shown again in the saved report and
// followed in progress; a malformed camera field is refused and nothing is saved.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { measureCamera, type CameraFrame, type FaceObservation } from '../../src/core/camera/index.js';
import { composeServerApp } from '../../src/server/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: Awaited<ReturnType<typeof composeServerApp>>;
let store: Store;

beforeAll(async () => {
  const coach = await createCoach({ questionDir: writeQuestionBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-api-camera-')), 'test.db'));
  app = await composeServerApp({ coach, store });
});

afterAll(() => store?.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });

const face = (overrides: Partial<FaceObservation> = {}): FaceObservation => ({
  box: { x: 0.35, y: 0.25, width: 0.3, height: 0.4 },
  confidence: 0.95,
  yawDeg: 0,
  pitchDeg: 0,
  rollDeg: 0,
  irisH: 0.5,
  irisV: 0.5,
  brightness: 120,
  ...overrides,
});
const frames = (seconds: number, make: (t: number) => FaceObservation): CameraFrame[] =>
  Array.from({ length: seconds * 8 }, (_, i) => ({ atSec: i / 8, face: make(i / 8) }));
const baseline = { yawDeg: 0, pitchDeg: 0, irisH: 0.5, irisV: 0.5 };
/** 10 s: the first 4 s reading notes, then looking at the camera (a real report, as the page computes it). */
const readingNotes = measureCamera({ frames: frames(10, (t) => (t < 4 ? face({ pitchDeg: 22, irisV: 0.62 }) : face())), durationSec: 10, baseline });
const atCamera = measureCamera({ frames: frames(10, () => face()), durationSec: 10, baseline });

const TRANSCRIPT = 'Security groups are stateful and network ACLs are stateless; a network ACL applies to a whole subnet.';
const spoken = (camera?: unknown) => ({
  transcript: TRANSCRIPT,
  segments: [{ startSec: 0.2, endSec: 9.5, text: TRANSCRIPT }],
  delivery: { durationSec: 10, speakingSec: 9, wordsPerMinute: 140, pauses: [], fillers: [], pitchVariationSemitones: 2, loudnessDb: -20, findings: [] },
  ...(camera ? { camera } : {}),
});

describe('camera measures kept with a spoken answer', () => {
  it('the recorded report says what the camera saw: a look down with its moment', () => {
    expect(readingNotes.findings.map((f) => f.code)).toContain('looking-down');
    expect(readingNotes.lookingAtScreenPct).toBeLessThan(100);
  });

  it('saves the camera summary with an interview answer and shows it again in the saved report', async () => {
    const started = await (await send('POST', '/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'camera' })).json();
    const res = await send('POST', `/api/sessions/${started.session.id}/answers`, { answer: TRANSCRIPT, spoken: spoken(readingNotes) });
    expect(res.status).toBe(201);
    const { attemptId } = await res.json();
    const { report } = await (await send('GET', `/api/sessions/${started.session.id}`)).json();
    expect(report.spoken).toEqual([expect.objectContaining({ attemptId, camera: readingNotes })]);
    const lookDown = report.spoken[0].camera.findings.find((f: { code: string }) => f.code === 'looking-down');
    expect(lookDown.moments[0].startSec).toBeLessThan(1);
  });

  it("follows the camera in progress and puts a repeated question's attempts side by side", async () => {
    await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT, spoken: spoken(atCamera) });
    await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT, spoken: spoken() });
    const progress = await (await send('GET', '/api/progress')).json();
    expect(progress.camera.answers).toHaveLength(2);
    expect(progress.camera.answers[0]).toEqual(
      expect.objectContaining({ questionId: 'sg-vs-nacl', lookingAtScreenPct: readingNotes.lookingAtScreenPct, faceVisiblePct: 100, wellFramedPct: 100 }),
    );
    expect(progress.camera.answers[1]).toEqual(expect.objectContaining({ lookingAtScreenPct: 100, faceVisiblePct: 100, fidgetingPct: 0 }));
    expect(progress.camera.mean.lookingAtScreenPct).toBe(Math.round((readingNotes.lookingAtScreenPct + 100) / 2));
    const repeated = progress.questions.find((q: { questionId: string }) => q.questionId === 'sg-vs-nacl');
    expect(repeated.camera).toEqual([
      expect.objectContaining({ lookingAtScreenPct: readingNotes.lookingAtScreenPct }),
      expect.objectContaining({ lookingAtScreenPct: 100 }),
      null,
    ]);
  });

  it.each([
    ['a percentage over 100', { ...atCamera, faceVisiblePct: 150 }],
    ['an unknown finding code', { ...atCamera, findings: [{ code: 'eye-contact', message: 'x', atSec: 0, moments: [] }] }],
    ['frames sent along', { ...atCamera, frames: [{ atSec: 0, face: face() }] }],
    ['too many look-aways', { ...atCamera, lookAways: Array.from({ length: 501 }, () => ({ startSec: 0, endSec: 1, direction: 'down' })) }],
  ])('refuses %s and saves nothing', async (_, camera) => {
    const before = (await (await send('GET', '/api/history')).json()).length;
    const bad = await send('POST', '/api/practice', { questionId: 'sg-vs-nacl', answer: TRANSCRIPT, spoken: spoken(camera) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_input');
    expect((await (await send('GET', '/api/history')).json()).length).toBe(before);
  });
});
