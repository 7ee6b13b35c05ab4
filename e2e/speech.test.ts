// Answering out loud in real Chromium with its fake microphone playing a spoken fixture
// (espeak-ng + sox -R): live transcript and feedback, Stop, edit, submit, delivery, playback,
// and not one request outside the app's origin.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpokenFixture, fixtureToolsMissing, wordErrorRate, type SpokenFixture } from '../test/speech/fixture.js';
import { SLOW_SERVICE, writeQuestionBank } from './fixtures.js';
import { RecordPage } from './page-models/record.page.js';
import { startTestServer, type RunningServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const skipReason = !existsSync(CHROMIUM) ? `${CHROMIUM} is absent (apt-get install chromium)` : fixtureToolsMissing();
if (skipReason) console.warn(`e2e/speech.test.ts skipped: ${skipReason}`);

describe.skipIf(skipReason)('answering out loud in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let fixture: SpokenFixture;

  beforeAll(async () => {
    // A long silent tail: the fake microphone loops its file, and a busy machine may be slow to Stop.
    fixture = buildSpokenFixture(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-speech-')), { tailSec: 45 });
    const bank = writeQuestionBank();
    mkdirSync(join(bank, 'compute-serverless'), { recursive: true });
    writeFileSync(join(bank, 'compute-serverless', 'slow-service.yaml'), SLOW_SERVICE);
    server = await startTestServer(bank, join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-speech-db-')), 'test.db'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${fixture.wavPath}`,
      ],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records, shows the live transcript and feedback, then the final transcript, delivery and playback', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    const origin = new URL(server.baseUrl).origin;
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${server.baseUrl}#/practise/slow-service`);
    const screen = new RecordPage(page);
    await screen.record.click();
    await screen.stop.waitFor();
    // Part one ends at about 11.5 s and a 3 s pause follows: the live transcript appears in it.
    await expect.poll(() => screen.answer.inputValue(), { timeout: 60_000, interval: 250 }).toMatch(/small team/i);
    // The live panel quotes the sentences that earned credit (never the rubric's wording).
    await expect.poll(() => page.locator('.live .credited li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // Part two ends at about 24 s; stop once its last words are transcribed (silence follows until 69 s).
    await expect.poll(() => screen.answer.inputValue(), { timeout: 40_000, interval: 250 }).toMatch(/went away/i);
    await screen.stop.click();
    await screen.transcriptState.waitFor({ timeout: 60_000 });
    const transcript = await screen.answer.inputValue();
    expect(transcript).toMatch(/went away/i);
    expect(wordErrorRate(fixture.reference, transcript)).toBeLessThanOrEqual(0.3);
    // Fix a word by hand: the transcript is marked as edited.
    await screen.answer.fill(`${transcript} Thanks.`);
    await expect.poll(() => screen.transcriptState.textContent()).toMatch(/edited/);
    const finishMs = Number(await screen.transcriptState.getAttribute('data-finish-ms'));
    console.log(`browser: end of speech (Stop) to final transcript ${finishMs} ms`);
    await screen.answer.press('Control+Enter');
    await screen.delivery.waitFor();
    await expect.poll(() => screen.delivery.textContent()).toMatch(/Long pauses1 \(longest [23]\.\d s\)/);
    expect(await screen.delivery.textContent()).toMatch(/long-pauses/);
    expect(await screen.player.getAttribute('src')).toMatch(/^blob:/);
    await screen.sentences.nth(1).click();
    await expect.poll(() => screen.player.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.5)).toBe(true);
    // The practised answer is saved with its transcript (marked edited) and delivery; its audio is not (Keep recordings is off).
    expect(await page.locator('.recording-kept').textContent()).toMatch(/Recording not kept/);
    const history = (await (await fetch(new URL('api/history', server.baseUrl))).json()) as Array<{ id: string; kind: string }>;
    const practised = history.find((h) => h.kind === 'practice')!;
    const { report } = await (await fetch(new URL(`api/sessions/${practised.id}`, server.baseUrl))).json();
    expect(report.spoken).toEqual([expect.objectContaining({ questionId: 'slow-service', isEdited: true })]);
    expect(report.spoken[0].delivery.pauses.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    await page.close();
  });

  it(
    'a spoken interview answer is saved with its transcript and delivery; kept audio plays back from the server and is deleted on request',
    { timeout: 240_000 },
    async () => {
      const start = await fetch(new URL('api/sessions', server.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'solutions-architect', level: 'mid', topics: ['compute-serverless'], count: 1, mix: 1, seed: 'spoken' }),
      });
      const { session } = await start.json();
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${server.baseUrl}#/interview/${session.id}`);
      const screen = new RecordPage(page);
      // Keep recordings: off by default, and the choice is saved.
      await expect.poll(() => screen.keepRecordings.isChecked()).toBe(false);
      await screen.keepRecordings.check();
      await expect.poll(async () => (await (await fetch(new URL('api/settings/speech', server.baseUrl))).json()).keepRecordings).toBe(true);
      await screen.record.click();
      // The page stays responsive while the worker transcribes: typing-free UI checks run between updates.
      await expect.poll(() => screen.answer.inputValue(), { timeout: 90_000, interval: 250 }).toMatch(/went away/i);
      await screen.stop.click();
      await expect.poll(() => screen.record.isEnabled(), { timeout: 60_000 }).toBe(true);
      await screen.answer.press('Control+Enter');
      // Follow-ups, if asked, are typed; the report comes after them.
      for (let i = 0; i < 3 && !(await page.getByRole('heading', { name: /Interview report/ }).isVisible()); i++) {
        await page
          .getByRole('heading', { name: /Interview report/ })
          .or(page.locator('.last-feedback'))
          .first()
          .waitFor({ timeout: 30_000 });
        if (await page.getByRole('heading', { name: /Interview report/ }).isVisible()) break;
        await screen.answer.fill('We watched the queue depth and the age of the oldest message in CloudWatch; the trade-off was a little more latency.');
        await screen.answer.press('Control+Enter');
        await page.waitForTimeout(1000);
      }
      await page.getByRole('heading', { name: /Interview report/ }).waitFor({ timeout: 30_000 });
      const spoken = page.locator('.spoken-report');
      await expect.poll(() => spoken.locator('.delivery-trend').textContent()).toMatch(/Mean/);
      const player = spoken.locator('audio').first();
      await player.waitFor();
      expect(await player.getAttribute('src')).toMatch(/^\/api\/attempts\/[^/]+\/recording$/);
      await spoken.locator('.sentences button').nth(1).click();
      await expect.poll(() => player.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.5), { timeout: 15_000 }).toBe(true);
      const src = (await player.getAttribute('src'))!;
      expect((await fetch(new URL(src.slice(1), server.baseUrl))).status).toBe(200);
      await spoken.getByRole('button', { name: 'Delete recording' }).click();
      await expect.poll(() => spoken.locator('audio').count()).toBe(0);
      expect((await fetch(new URL(src.slice(1), server.baseUrl))).status).toBe(404);
      expect(await spoken.textContent()).toMatch(/The audio was not kept/);
      await spoken.getByRole('button', { name: 'Delete answer' }).first().click();
      await expect.poll(async () => (await (await fetch(new URL(`api/sessions/${session.id}`, server.baseUrl))).json()).report.spoken.length).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('turning Keep recordings off offers to delete the audio kept so far, and does', { timeout: 60_000 }, async () => {
    const api = (path: string, init?: RequestInit) => fetch(new URL(path, server.baseUrl), init).then((r) => r.json());
    const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await api('api/settings/speech', json('PUT', { keepRecordings: true }));
    const first = await api('api/sessions', json('POST', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'kept' }));
    const text = 'Security groups are stateful and network ACLs are stateless.';
    const delivery = {
      durationSec: 4,
      speakingSec: 3,
      wordsPerMinute: 160,
      pauses: [],
      fillers: [],
      pitchVariationSemitones: 2,
      loudnessDb: -20,
      findings: [],
    };
    const saved = await api(
      `api/sessions/${first.session.id}/answers`,
      json('POST', { answer: text, spoken: { transcript: text, segments: [{ startSec: 0.5, endSec: 3.5, text }], delivery } }),
    );
    const wav = readFileSync(fixture.wavPath);
    expect(
      (
        await fetch(new URL(`api/attempts/${saved.attemptId}/recording`, server.baseUrl), {
          method: 'PUT',
          headers: { 'content-type': 'audio/wav' },
          body: wav,
        })
      ).status,
    ).toBe(201);
    const second = await api('api/sessions', json('POST', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'next' }));
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(`${server.baseUrl}#/interview/${second.session.id}`);
    const screen = new RecordPage(page);
    await expect.poll(() => screen.keepRecordings.isChecked()).toBe(true);
    await screen.keepRecordings.uncheck();
    await expect.poll(async () => (await api('api/recordings')).attemptIds).toEqual([]);
    expect(asked).toEqual([expect.stringMatching(/delete the 1 recording kept so far\? Transcripts and feedback stay/)]);
    expect((await api('api/settings/speech')).keepRecordings).toBe(false);
    expect((await api(`api/sessions/${first.session.id}`)).report.spoken).toHaveLength(1);
    await page.close();
  });

  it('says clearly when the microphone is denied, and typing still works', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.goto(`${server.baseUrl}#/practise/sqs-decoupling`);
    const screen = new RecordPage(page);
    await screen.record.click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Microphone access was denied.*type your answer/);
    await screen.answer.fill('A queue decouples the producer from the consumer.');
    expect(await screen.answer.inputValue()).toMatch(/decouples/);
    await context.close();
  });

  it(
    'a spoken answer to a question practised alone keeps its audio when chosen: it plays back in the result and in its report from History',
    { timeout: 240_000 },
    async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${server.baseUrl}#/practise/slow-service`);
      const screen = new RecordPage(page);
      await expect.poll(() => screen.keepRecordings.isChecked()).toBe(false);
      await screen.keepRecordings.check();
      await expect.poll(async () => (await (await fetch(new URL('api/settings/speech', server.baseUrl))).json()).keepRecordings).toBe(true);
      await screen.record.click();
      await expect.poll(() => screen.answer.inputValue(), { timeout: 90_000, interval: 250 }).toMatch(/went away/i);
      await screen.stop.click();
      await screen.transcriptState.waitFor({ timeout: 60_000 });
      await screen.answer.press('Control+Enter');
      await screen.delivery.waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('.recording-kept').textContent()).toMatch(/Recording kept/);
      const src = (await screen.player.getAttribute('src'))!;
      expect(src).toMatch(/^\/api\/attempts\/[^/]+\/recording$/);
      await screen.sentences.nth(1).click();
      await expect.poll(() => screen.player.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.5), { timeout: 15_000 }).toBe(true);
      // History opens the practised answer's report: the recording beside its transcript, and it can be deleted there.
      await page.goto(`${server.baseUrl}#/history`);
      await page
        .locator('a[href^="#/interview/"]', { hasText: /slow service/i })
        .first()
        .click();
      await page.getByRole('heading', { name: /Practice report/ }).waitFor({ timeout: 30_000 });
      const spoken = page.locator('.spoken-report');
      await expect.poll(() => spoken.locator('audio').first().getAttribute('src')).toBe(src);
      await spoken.getByRole('button', { name: 'Delete recording' }).click();
      await expect.poll(() => spoken.locator('audio').count()).toBe(0);
      expect((await fetch(new URL(src.slice(1), server.baseUrl))).status).toBe(404);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
