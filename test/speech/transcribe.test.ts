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
import { demuxWebm } from '../../src/speech/webm.js';
import { FIXTURE_FILLERS, FIXTURE_PAUSE_SEC, buildSpokenFixture, fixtureToolsMissing, wordErrorRate, type SpokenFixture } from './fixture.js';

const missing = fixtureToolsMissing();
if (missing) console.warn(`skipping spoken-answer tests: ${missing}`);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'loopcoach.js');
/** What Chromium's MediaRecorder made of the fixture (made by make-browser-recordings.ts). */
const BROWSER_WEBM = join(root, 'test', 'fixtures', 'speech', 'answer.webm');

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
    expect(Object.keys(d).sort()).toEqual([
      'durationSec',
      'fillers',
      'findings',
      'loudnessDb',
      'pauses',
      'pitchVariationSemitones',
      'speakingSec',
      'wordsPerMinute',
    ]);
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

  it.each([
    ['WebM/Opus as Chromium records it', () => BROWSER_WEBM],
    ['Ogg/Opus as Firefox records it', () => oggFromWebm(BROWSER_WEBM, join(dir, 'answer.ogg'))],
  ])('reads %s, and transcribes it as it does the WAV', { timeout: 120_000 }, async (_format, path) => {
    const wav = capture();
    expect(await main(['transcribe', fixture.wavPath, '--json'], wav)).toBe(0);
    const io = capture();
    expect(await main(['transcribe', path(), '--json'], io)).toBe(0);
    const fromWav = JSON.parse(wav.stdout);
    const result = JSON.parse(io.stdout);
    expect(wordErrorRate(fixture.reference, result.transcript)).toBeLessThanOrEqual(0.25);
    expect(wordErrorRate(fromWav.transcript, result.transcript)).toBeLessThanOrEqual(0.15);
    expect(result.delivery.pauses).toHaveLength(1);
    expect(result.delivery.pauses[0].startSec).toBeCloseTo(fromWav.delivery.pauses[0].startSec, 0);
    expect(Math.abs(result.delivery.wordsPerMinute - fromWav.delivery.wordsPerMinute) / fromWav.delivery.wordsPerMinute).toBeLessThanOrEqual(0.1);
  });

  it('grades a spoken answer: Feedback plus transcript and delivery, with over-time judged by kind', { timeout: 120_000 }, async () => {
    const question = join(dir, 'q.yaml');
    writeFileSync(
      question,
      'prompt: Tell me about a time you improved a slow service.\nkind: behavioral\nrubric:\n  - Added a queue in front of the workers.\n  - Gave a measured result such as the cost drop.\n',
    );
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
    const webm = readFileSync(BROWSER_WEBM);
    writeFileSync(join(badDir, 'cut.webm'), webm.subarray(0, webm.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]))));
    writeFileSync(join(badDir, 'noise.webm'), Buffer.concat([webm.subarray(0, 40), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))]));
  });

  it.each([
    ['not audio', 'text.wav', /not a readable recording/],
    ['corrupt', 'cut.wav', /not a readable recording|empty/],
    ['a WebM with its audio cut off', 'cut.webm', /not a readable recording \(the WebM file has no audio data\)/],
    ['a WebM header then noise', 'noise.webm', /not a readable recording/],
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
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^loopcoach: not a readable recording/)]);
  });

  it('grade refuses both or neither of --answer and --audio', async () => {
    const io = capture();
    writeFileSync(join(badDir, 'q.yaml'), 'prompt: What is S3?\nkind: concept\n');
    expect(await main(['grade', '--question', join(badDir, 'q.yaml')], io)).toBe(2);
    expect(io.stderr).toMatch(/one of --answer/);
    expect(readFileSync(join(badDir, 'q.yaml'), 'utf8')).toMatch(/S3/);
  });
});

/** The WebM fixture's Opus packets rewrapped as an Ogg/Opus file, one packet a page (checksums left zero: readers of recordings need not check them). */
function oggFromWebm(webmPath: string, oggPath: string): string {
  const audio = demuxWebm(readFileSync(webmPath));
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head.writeUInt8(1, 8);
  head.writeUInt8(audio.channels, 9);
  head.writeUInt16LE(audio.preSkip, 10);
  head.writeUInt32LE(48000, 12);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]);
  const packets = [head, tags, ...audio.frames.map((f) => Buffer.from(f))];
  const pages = packets.map((packet, seq) => {
    const lacing = [...Array(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
    const header = Buffer.alloc(27);
    header.write('OggS', 0, 'latin1');
    header.writeUInt8(seq === 0 ? 2 : seq === packets.length - 1 ? 4 : 0, 5);
    header.writeBigUInt64LE(BigInt(Math.max(0, seq - 1) * 960), 6);
    header.writeUInt32LE(0x10c0ac, 14);
    header.writeUInt32LE(seq, 18);
    header.writeUInt8(lacing.length, 26);
    return Buffer.concat([header, Buffer.from(lacing), packet]);
  });
  writeFileSync(oggPath, Buffer.concat(pages));
  return oggPath;
}
