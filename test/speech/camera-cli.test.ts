// The camera over time in the terminal: spoken answers saved with the camera's summary (as the web
// app saves them) show in `loopcoach progress` with looking at the screen, face visible, well
// framed and fidgeting, each repeated question side by side, and the mean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { createCoach } from '../../src/coach.js';
import { measureCamera, type CameraFrame, type FaceObservation } from '../../src/core/camera/index.js';
import { composeServices } from '../../src/services/compose.js';
import { openStore } from '../../src/store/open-store.js';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => '',
  };
  return io;
}

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
/** 20 s with the face out of the frame for the first `awaySec` seconds, looking at the camera otherwise. */
const camera = (awaySec: number) => {
  const frames: CameraFrame[] = Array.from({ length: 160 }, (_, i) => (i / 8 < awaySec ? { atSec: i / 8 } : { atSec: i / 8, face: face() }));
  return measureCamera({ frames, durationSec: 20, baseline: { yawDeg: 0, pitchDeg: 0, irisH: 0.5, irisV: 0.5 } });
};
const delivery = { durationSec: 20, speakingSec: 18, wordsPerMinute: 150, pauses: [], fillers: [], pitchVariationSemitones: 2, loudnessDb: -20, findings: [] };

describe('loopcoach progress with answers recorded on camera', () => {
  it('prints the camera over time, each repeated question side by side, and the mean', async () => {
    const bank = writeQuestionBank();
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-camera-cli-')), 'test.db');
    const store = await openStore(db);
    const { sessions } = await composeServices({ coach: await createCoach({ questionDir: bank }), store });
    const text = 'Security groups are stateful and network ACLs are stateless; a network ACL applies to a whole subnet.';
    const segments = [{ startSec: 0, endSec: 18, text }];
    await sessions.practise('sg-vs-nacl', text, new Date(), { transcript: text, segments, delivery, camera: camera(5) });
    await sessions.practise('sg-vs-nacl', text, new Date(), { transcript: text, segments, delivery, camera: camera(0) });
    await sessions.practise('sg-vs-nacl', text, new Date(), { transcript: text, segments, delivery });
    await store.close();
    const io = capture();
    expect(await main(['progress', '--db', db, '--questions-dir', bank], io)).toBe(0);
    expect(io.stdout).toMatch(/On camera over time \(answers recorded with the camera\)/);
    expect(io.stdout).toMatch(/sg-vs-nacl: 100% looking at the screen, 75% face visible, 75% well framed, 0% fidgeting/);
    expect(io.stdout).toMatch(/mean: 100% looking at the screen, 88% face visible, 88% well framed, 0% fidgeting/);
    expect(io.stdout).toMatch(
      /camera: 100% looking at the screen, 75% face visible, 75% well framed, 0% fidgeting \| 100% looking at the screen, 100% face visible, 100% well framed, 0% fidgeting \| no camera/,
    );
    const json = capture();
    expect(await main(['progress', '--json', '--db', db, '--questions-dir', bank], json)).toBe(0);
    expect(JSON.parse(json.stdout).camera.mean).toEqual({ lookingAtScreenPct: 100, faceVisiblePct: 88, wellFramedPct: 88, fidgetingPct: 0 });
  });

  it('says nothing about the camera when no answer was recorded on it', async () => {
    const bank = writeQuestionBank();
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-camera-cli-')), 'test.db');
    const store = await openStore(db);
    const { sessions } = await composeServices({ coach: await createCoach({ questionDir: bank }), store });
    await sessions.practise('sg-vs-nacl', 'Security groups are stateful.', new Date());
    await store.close();
    const io = capture();
    expect(await main(['progress', '--db', db, '--questions-dir', bank], io)).toBe(0);
    expect(io.stdout).not.toMatch(/On camera/);
  });
});
