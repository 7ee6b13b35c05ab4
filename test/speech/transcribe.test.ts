// Spoken answers end to end in Node: a fixture built at test time with espeak-ng and `sox -R`,
// transcribed by Moonshine tiny on onnxruntime-web (WASM), through the CLI's public contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DELIVERY_CODES } from '../../src/core/delivery/types.js';
import { encodeWav16 } from '../../src/speech/wav.js';
import { FIXTURE_FILLERS, FIXTURE_PAUSE_SEC, buildSpokenFixture, fixtureToolsMissing, wordErrorRate, type SpokenFixture } from './fixture.js';

const missing = fixtureToolsMissing();
if (missing) console.warn(`skipping spoken-answer tests: ${missing}`);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'loopcoach.js');

function capture() {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => '',
  };
  return io;
}

let dir: string;
let fixture: SpokenFixture;

describe.skipIf(missing)('loopcoach transcribe', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loopcoach-speech-'));
    fixture = buildSpokenFixture(dir);
  });

  it('transcribes within tolerance and measures the delivery against known truth', { timeout: 120_000 }, async () => {
    const io = capture();
    expect(await main(['transcribe', fixture.wavPath, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout);
    expect(wordErrorRate(fixture.reference, result.transcript)).toBeLessThanOrEqual(0.25);
    expect(result.segments.length).toBeGreaterThanOrEqual(2);
    for (const s of result.segments) expect(Object.keys(s).sort()).toEqual(['endSec', 'startSec', 'text']);
    const d = result.delivery;
    expect(Object.keys(d).sort()).toEqual(['durationSec', 'fillers', 'findings', 'loudnessDb', 'pauses', 'pitchVariationSemitones', 'speakingSec', 'wordsPerMinute']);
    expect(d.pauses).toHaveLength(1);
    expect(d.pauses[0].endSec - d.pauses[0].startSec).toBeGreaterThan(FIXTURE_PAUSE_SEC - 0.3);
    expect(d.pauses[0].endSec - d.pauses[0].startSec).toBeLessThan(FIXTURE_PAUSE_SEC + 0.5);
    const truthWpm = (fixture.reference.split(/\s+/).length / fixture.speechSec) * 60;
    expect(Math.abs(d.wordsPerMinute - truthWpm) / truthWpm).toBeLessThanOrEqual(0.1);
    const fillers = d.fillers.reduce((n: number, f: { count: number }) => n + f.count, 0);
    expect(Math.abs(fillers - FIXTURE_FILLERS)).toBeLessThanOrEqual(1);
    for (const f of d.findings) {
      expect(DELIVERY_CODES).toContain(f.code);
      expect(typeof f.atSec).toBe('number');
    }
    expect(d.findings.find((f: { code: string }) => f.code === 'long-pauses')?.atSec).toBeCloseTo(d.pauses[0].startSec, 1);
  });

  it('measures a 22 dB drop in part two and says where the voice went quiet', { timeout: 120_000 }, async () => {
    const quiet = buildSpokenFixture(dir, { name: 'quiet', partTwoGainDb: -22 });
    const io = capture();
    expect(await main(['transcribe', quiet.wavPath, '--json'], io)).toBe(0);
    const d = JSON.parse(io.stdout).delivery;
    const tooQuiet = d.findings.find((f: { code: string }) => f.code === 'too-quiet');
    expect(tooQuiet?.atSec).toBeGreaterThan(d.pauses[0].startSec);
  });

  it.each([
    ['44.1 kHz stereo 24-bit PCM', ['-r', '44100', '-c', '2', '-b', '24']],
    ['48 kHz mono 32-bit float', ['-r', '48000', '-c', '1', '-e', 'floating-point', '-b', '32']],
  ])('reads %s as well', { timeout: 120_000 }, async (_format, soxArgs) => {
    const converted = join(dir, `converted-${soxArgs.join('')}.wav`);
    expect(spawnSync('sox', ['-R', fixture.wavPath, ...soxArgs, converted]).status).toBe(0);
    const io = capture();
    expect(await main(['transcribe', converted, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout);
    expect(wordErrorRate(fixture.reference, result.transcript)).toBeLessThanOrEqual(0.25);
    expect(result.delivery.pauses).toHaveLength(1);
  });

  it('grades a spoken answer: Feedback plus transcript and delivery, with over-time judged by kind', { timeout: 120_000 }, async () => {
    const question = join(dir, 'q.yaml');
    writeFileSync(question, 'prompt: Tell me about a time you improved a slow service.\nkind: behavioral\nrubric:\n  - Added a queue in front of the workers.\n  - Gave a measured result such as the cost drop.\n');
    const io = capture();
    expect(await main(['grade', '--question', question, '--audio', fixture.wavPath, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout);
    expect(typeof result.score).toBe('number');
    expect(result.rubric.length).toBe(2);
    expect(result.transcript).toMatch(/queue/i);
    expect(result.delivery.pauses).toHaveLength(1);
  });
});

describe('bad audio', () => {
  let badDir: string;
  beforeAll(() => {
    badDir = mkdtempSync(join(tmpdir(), 'loopcoach-badaudio-'));
    writeFileSync(join(badDir, 'text.wav'), 'this is not audio at all');
    const silence = encodeWav16({ sampleRate: 16000, samples: new Float32Array(16000 * 3) });
    writeFileSync(join(badDir, 'silent.wav'), silence);
    writeFileSync(join(badDir, 'cut.wav'), silence.subarray(0, 40));
    const long = new Uint8Array(44);
    long.set(encodeWav16({ sampleRate: 8000, samples: new Float32Array(0) }));
    const view = new DataView(long.buffer);
    view.setUint32(40, 8000 * 2 * 601, true); // the header claims 601 s; only as many bytes as exist are read
    writeFileSync(join(badDir, 'long.wav'), Buffer.concat([long, Buffer.alloc(8000 * 2 * 601)]));
  });

  it.each([
    ['not audio', 'text.wav', /not a readable WAV recording/],
    ['corrupt', 'cut.wav', /not a readable WAV recording|empty/],
    ['silent', 'silent.wav', /silent/],
    ['over 10 minutes', 'long.wav', /limit is 10 minutes/],
    ['missing', 'nope.wav', /does not exist/],
  ])('%s: one clear line and exit 2', async (_what, name, message) => {
    const io = capture();
    expect(await main(['transcribe', join(badDir, name)], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(message);
  });

  it('the built binary exits 2 with one line for a file that is not audio', () => {
    const result = spawnSync('node', [bin, 'transcribe', join(badDir, 'text.wav')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^loopcoach: not a readable WAV recording/)]);
  });

  it('grade refuses both or neither of --answer and --audio', async () => {
    const io = capture();
    writeFileSync(join(badDir, 'q.yaml'), 'prompt: What is S3?\nkind: concept\n');
    expect(await main(['grade', '--question', join(badDir, 'q.yaml')], io)).toBe(2);
    expect(io.stderr).toMatch(/one of --answer/);
    expect(readFileSync(join(badDir, 'q.yaml'), 'utf8')).toMatch(/S3/);
  });
});
