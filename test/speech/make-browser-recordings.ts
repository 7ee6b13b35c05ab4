// Makes the browser-format fixtures (test/fixtures/speech/answer.webm, answer.ogg when Chromium
// can record Ogg): Chromium's fake microphone plays the spoken fixture (espeak-ng + sox -R) and
// MediaRecorder records it, exactly as the web app's users' browsers do. Run once, commit the files:
//   npx tsx test/speech/make-browser-recordings.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSpokenFixture } from './fixture.js';

const out = fileURLToPath(new URL('../fixtures/speech/', import.meta.url));
const fixture = buildSpokenFixture(mkdtempSync(join(tmpdir(), 'loopcoach-recordings-')), { tailSec: 1 });
const server = createServer((_, res) => res.end('<!doctype html><title>recorder</title>'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${fixture.wavPath}`,
  ],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
const recordings = await page.evaluate(async () => {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const types = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus'].filter((t) => MediaRecorder.isTypeSupported(t));
  const done = types.map(
    (mimeType) =>
      new Promise<[string, string]>((resolve) => {
        const recorder = new MediaRecorder(stream, { mimeType });
        const parts: Blob[] = [];
        recorder.ondataavailable = (e) => parts.push(e.data);
        recorder.onstop = async () => {
          const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
          let text = '';
          for (const b of bytes) text += String.fromCharCode(b);
          resolve([mimeType, btoa(text)]);
        };
        recorder.start(1000);
        // The fixture lasts about 25.5 s; stop before the fake microphone loops it.
        setTimeout(() => recorder.stop(), 25_000);
      }),
  );
  return Promise.all(done);
});
for (const [type, base64] of recordings) {
  const name = type.startsWith('audio/webm') ? 'answer.webm' : 'answer.ogg';
  writeFileSync(join(out, name), Buffer.from(base64, 'base64'));
  console.log(`${name}: ${type}, ${Buffer.from(base64, 'base64').length} bytes`);
}
await browser.close();
server.close();
