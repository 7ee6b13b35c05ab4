// Speech figures for `npm run bench`: Moonshine tiny on onnxruntime-web (WASM, 1 thread) in Node,
// on the spoken fixture (espeak-ng + sox -R). The browser's Stop-to-final-transcript time is
// printed by the Chromium test (e2e/speech.test.ts), which records through the fake microphone.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpokenFixture, fixtureToolsMissing, wordErrorRate } from '../test/speech/fixture.js';

/** Prints model load, real-time factor, delivery cost, WER and memory; `row` formats a line. */
export async function benchSpeech(row: (name: string, value: string, target: string) => void): Promise<void> {
  const missing = fixtureToolsMissing();
  if (missing) {
    console.log(`(speech figures skipped: ${missing})`);
    return;
  }
  const fixture = buildSpokenFixture(mkdtempSync(join(tmpdir(), 'loopcoach-bench-speech-')));
  const bytes = readFileSync(fixture.wavPath);
  const { loadNodeMoonshine } = await import('../src/speech/node-model.js');
  const { decodeRecording, prepareAudio, transcribePrepared, analysisOf } = await import('../src/speech/recording.js');
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const model = await loadNodeMoonshine();
  const loadMs = performance.now() - t;
  const rssLoaded = process.memoryUsage().rss;
  const audio = prepareAudio(await decodeRecording(bytes));
  const seconds = audio.samples.length / 16000;
  const runs: number[] = [];
  let transcript = '';
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const segments = await transcribePrepared(model, audio);
    runs.push(performance.now() - t);
    transcript = segments.map((s) => s.text).join(' ');
    if (i === 0) {
      t = performance.now();
      analysisOf(audio, segments, 'behavioral');
      row('delivery metrics (VAD, YIN pitch, loudness, fillers)', `${(performance.now() - t).toFixed(0)} ms`, '');
    }
  }
  runs.sort((a, b) => a - b);
  row('speech model load (onnxruntime-web WASM, Node)', `${loadMs.toFixed(0)} ms`, '');
  row(`transcribe ${seconds.toFixed(1)} s, chunked at pauses (best/median of 3)`, `${runs[0]!.toFixed(0)}/${runs[1]!.toFixed(0)} ms`, '');
  row('real-time factor (median wall time / audio length)', (runs[1]! / 1000 / seconds).toFixed(3), '');
  row('word error rate on the fixture (espeak-ng voice)', wordErrorRate(fixture.reference, transcript).toFixed(3), '<= 0.20');
  row('RSS: before model / loaded / peak (MB)', `${mb(rssBefore)}/${mb(rssLoaded)}/${Math.round(process.resourceUsage().maxRSS / 1024)}`, '');
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
