// Speech in the browser for `npm run bench`: Chromium's fake microphone plays the spoken fixture
// into the practise screen. Measures the model load in the page (Record → listening), the time
// from the end of speech (Stop) to the final transcript, the decode of the browser's own WebM
// recording in Node, and the peak memory of the page's renderer (where the transcription worker runs).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeQuestionBank } from '../e2e/fixtures.js';
import { startTestServer } from '../e2e/server.js';
import { buildSpokenFixture, fixtureToolsMissing, wordErrorRate } from '../test/speech/fixture.js';

const CHROMIUM = '/usr/bin/chromium';

/** Prints the in-page figures; skips with the reason when Chromium or the fixture tools are missing. */
export async function benchBrowserSpeech(row: (name: string, value: string, target: string) => void): Promise<void> {
  await benchWebmDecode(row);
  const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is absent` : fixtureToolsMissing();
  if (missing) {
    console.log(`(browser speech figures skipped: ${missing})`);
    return;
  }
  const fixture = buildSpokenFixture(mkdtempSync(join(tmpdir(), 'loopcoach-bench-browser-')), { tailSec: 45 });
  const bank = writeQuestionBank();
  mkdirSync(join(bank, 'compute-serverless'), { recursive: true });
  const server = await startTestServer(bank, join(mkdtempSync(join(tmpdir(), 'loopcoach-bench-browser-db-')), 'bench.db'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${fixture.wavPath}`,
    ],
  });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rendererRssKb(fixture.wavPath))), 250);
  try {
    const page = await browser.newPage();
    // The page's main thread should stay free while the worker transcribes: record its longest task.
    await page.addInitScript(() => {
      const w = window as unknown as { longestTaskMs: number };
      w.longestTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longestTaskMs = Math.max(w.longestTaskMs, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.baseUrl}#/practise/sqs-decoupling`);
    const answer = page.getByLabel('Your answer');
    const clicked = performance.now();
    await page.getByRole('button', { name: 'Record' }).click();
    await page.locator('.record-status', { hasText: 'Listening' }).waitFor({ timeout: 120_000 });
    row('speech model load in the page (Record → listening, worker)', `${((performance.now() - clicked) / 1000).toFixed(1)} s`, '');
    await waitFor(async () => /went away/i.test(await answer.inputValue()), 90_000);
    await page.getByRole('button', { name: 'Stop' }).click();
    const state = page.locator('.transcript-state');
    await state.waitFor({ timeout: 60_000 });
    row('end of speech (Stop) → final transcript, in the page', `${await state.getAttribute('data-finish-ms')} ms`, '<= 3000 ms');
    row('word error rate, recorded through the fake microphone', wordErrorRate(fixture.reference, await answer.inputValue()).toFixed(3), '<= 0.20');
    row('page renderer peak RSS while transcribing (MB)', String(Math.round(peakKb / 1024)), '');
    const longest = await page.evaluate(() => (window as unknown as { longestTaskMs: number }).longestTaskMs);
    row('longest main-thread task while recording and transcribing', `${Math.round(longest)} ms`, '');
  } finally {
    clearInterval(sampler);
    await browser.close();
    await server.stop();
  }
}

/** Decoding the browser's own recording (WebM/Opus, 25 s, made by Chromium's MediaRecorder) in Node. */
async function benchWebmDecode(row: (name: string, value: string, target: string) => void): Promise<void> {
  const webm = readFileSync(new URL('../test/fixtures/speech/answer.webm', import.meta.url));
  const { decodeAudio } = await import('../src/speech/decode-audio.js');
  await decodeAudio(webm); // loads the WASM decoder once
  const t = performance.now();
  const audio = await decodeAudio(webm);
  row(`decode ${(audio.samples.length / audio.sampleRate).toFixed(1)} s of browser WebM/Opus to 16 kHz`, `${(performance.now() - t).toFixed(0)} ms`, '');
}

/** The RSS of the renderers of the Chromium launched with this fake-microphone file (found by its command line). */
function rendererRssKb(fakeAudioPath: string): number {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        return [{ pid: Number(pid), ppid, cmdline, rss }];
      } catch {
        return [];
      }
    });
  const root = procs.find((p) => p.cmdline.includes(fakeAudioPath) && !p.cmdline.includes('--type='));
  if (!root) return 0;
  const family = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (family.has(p.pid) || !family.has(p.ppid)) continue;
      family.add(p.pid);
      grew = true;
    }
  }
  return procs.filter((p) => family.has(p.pid) && p.cmdline.includes('--type=renderer')).reduce((max, p) => Math.max(max, p.rss), 0);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the live transcript');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
