// On camera (#17) in real Chromium: fixture scenes drawn from face photos of an npm tarball,
// stepped frame by frame through the product's face analyser with per-scene expectations; then a
// whole spoken answer on the fake camera (getUserMedia) and fake microphone; not one request
// outside the app's origin. Fixtures are built here, at test time, and never shipped.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateBaseline, defaultCameraParameters, measureCamera, type CameraFrame } from '../src/core/camera/index.js';
import { buildSpokenFixture, fixtureToolsMissing, type SpokenFixture } from '../test/speech/fixture.js';
import { buildCameraHarness, facePhotos, openHarness, prepareCast, writeSceneClip, type CameraHarness } from './camera-fixture.js';
import type { Scene } from './camera-harness.js';
import { SLOW_SERVICE, writeQuestionBank } from './fixtures.js';
import { CameraPage } from './page-models/camera.page.js';
import { RecordPage } from './page-models/record.page.js';
import { startTestServer, type RunningServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const photos = existsSync(CHROMIUM) ? facePhotos() : { skip: `${CHROMIUM} is absent (apt-get install chromium)` };
const skipReason = 'skip' in photos ? photos.skip : undefined;
if (skipReason) console.warn(`e2e/camera.test.ts skipped: ${skipReason}`);
const speechMissing = fixtureToolsMissing();
if (speechMissing) console.warn(`e2e/camera.test.ts: the spoken answer on the fake camera is skipped: ${speechMissing}`);

const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const params = defaultCameraParameters();

/** Watches a page for requests that leave the app's origin. */
function outsideRequests(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  return outside;
}

describe.skipIf(skipReason)('on camera in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let outside: string[];
  const scenes = new Map<Scene, CameraFrame[]>();

  beforeAll(async () => {
    const bank = writeQuestionBank();
    mkdirSync(join(bank, 'compute-serverless'), { recursive: true });
    writeFileSync(join(bank, 'compute-serverless', 'slow-service.yaml'), SLOW_SERVICE);
    const harness = await buildCameraHarness();
    server = await startTestServer(bank, join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-camera-db-')), 'test.db'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BASE_FLAGS });
    page = await browser.newPage();
    const origin = new URL(server.baseUrl).origin;
    outside = outsideRequests(page, origin);
    await openHarness(page, server.baseUrl, harness);
    const cast = await prepareCast(page, (photos as { dir: string }).dir);
    console.log(
      `camera fixture cast (yaw/pitch °): ${Object.entries(cast)
        .map(([k, f]) => `${k} ${f?.yawDeg.toFixed(1)}/${f?.pitchDeg.toFixed(1)}`)
        .join(', ')}`,
    );
    for (const scene of ['camera', 'down', 'turned', 'nobody', 'half-out', 'dim', 'fidget'] as const) {
      scenes.set(
        scene,
        await page.evaluate(([s]) => (globalThis as unknown as { cameraHarness: CameraHarness }).cameraHarness.analyseScene(s, 4, 6), [scene] as const),
      );
    }
    if (process.env.LOOPCOACH_CAMERA_DUMP) writeFileSync(process.env.LOOPCOACH_CAMERA_DUMP, JSON.stringify(Object.fromEntries(scenes)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const reportOf = (scene: Scene) => {
    const baseline = calibrateBaseline(scenes.get('camera')!.slice(0, 12), params);
    return measureCamera({ frames: scenes.get(scene)!, durationSec: 4, ...(baseline ? { baseline } : {}) }, params);
  };

  it('a face looking into the camera: visible, well framed, at the screen, still, nothing to change', () => {
    const report = reportOf('camera');
    expect(report.faceVisiblePct).toBeGreaterThanOrEqual(95);
    expect(report.wellFramedPct).toBeGreaterThanOrEqual(95);
    expect(report.lookingAtScreenPct).toBeGreaterThanOrEqual(80);
    expect(report.headMovement).toBe('steady');
    expect(report.findings.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });

  it('a face looking down reads as looking down; a turned head as looking away', () => {
    expect(reportOf('down').lookingDownPct).toBeGreaterThanOrEqual(80);
    expect(reportOf('turned').lookingAtScreenPct).toBeLessThanOrEqual(20);
    expect(reportOf('turned').lookAways[0]?.direction).toBe('side');
  });

  it('nobody in the frame, half out of it, dim light and fidgeting are each told apart', () => {
    expect(reportOf('nobody').faceVisiblePct).toBeLessThanOrEqual(5);
    expect(reportOf('nobody').findings.map((f) => f.code)).toContain('face-not-visible');
    expect(reportOf('half-out').wellFramedPct).toBeLessThanOrEqual(20);
    expect(reportOf('half-out').findings.map((f) => f.code)).toContain('badly-framed');
    expect(reportOf('dim').faceVisiblePct).toBeGreaterThanOrEqual(80);
    expect(reportOf('dim').findings.map((f) => f.code)).toContain('too-dim');
    expect(reportOf('fidget').headMovement).toBe('fidgeting');
    expect(reportOf('camera').headMovement).toBe('steady');
    expect(outside).toEqual([]);
  });

  describe.skipIf(speechMissing)('a spoken answer on the fake camera', () => {
    let cameraBrowser: Browser;
    let fixture: SpokenFixture;

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'loopcoach-e2e-camera-'));
      fixture = buildSpokenFixture(dir, { tailSec: 45 });
      const y4m = join(dir, 'camera.y4m');
      await writeSceneClip(page, 'camera', 2, y4m);
      cameraBrowser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          ...BASE_FLAGS,
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-audio-capture=${fixture.wavPath}`,
          `--use-file-for-fake-video-capture=${y4m}`,
        ],
      });
    }, 120_000);

    afterAll(async () => {
      await cameraBrowser?.close();
    });

    it(
      'calibrates, watches the answer, reports it beside the delivery and keeps it in the saved report, with zero requests outside the app',
      { timeout: 240_000 },
      async () => {
        const context = await cameraBrowser.newContext();
        const cameraPage = await context.newPage();
        const requests = outsideRequests(cameraPage, new URL(server.baseUrl).origin);
        const problems: string[] = [];
        cameraPage.on('pageerror', (error) => problems.push(error.message));
        // a Content-Security-Policy violation is reported as a console error
        cameraPage.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await cameraPage.goto(`${server.baseUrl}#/practise/slow-service`);
        const camera = new CameraPage(cameraPage);
        const screen = new RecordPage(cameraPage);
        await camera.useCamera.check();
        await camera.ready.waitFor({ timeout: 60_000 });
        expect(await camera.selfView.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(640);
        await cameraPage.screenshot({ path: join(tmpdir(), 'loopcoach-camera-ready.png') });
        const { violations } = await new AxeBuilder({ page: cameraPage }).include('.record').analyze();
        expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
        await screen.record.click();
        await camera.calibrating.waitFor();
        await screen.stop.waitFor({ timeout: 30_000 });
        await expect.poll(() => screen.answer.inputValue(), { timeout: 90_000, interval: 500 }).toMatch(/went away/i);
        await screen.stop.click();
        await screen.transcriptState.waitFor({ timeout: 60_000 });
        await screen.answer.press('Control+Enter');
        await camera.report.waitFor({ timeout: 30_000 });
        expect(parseInt(await camera.measure('Face visible'), 10)).toBeGreaterThanOrEqual(90);
        expect(parseInt(await camera.measure('Looking at the screen'), 10)).toBeGreaterThanOrEqual(80);
        expect(parseInt(await camera.measure('Well framed'), 10)).toBeGreaterThanOrEqual(90);
        const text = (await camera.report.textContent()) ?? '';
        expect(text).not.toMatch(/eye contact/i);
        const fps = Number(/\(([\d.]+) a second\)/.exec(text)?.[1]);
        // 7-8 a second on an idle 2-core machine (research/video.md); a shared, overloaded machine gets far fewer.
        const load = loadavg()[0]!;
        console.log(`browser: camera analysed at ${fps} frames a second during the answer (load average ${load.toFixed(1)})`);
        expect(fps).toBeGreaterThanOrEqual(load < 2 ? 5 : 1);
        await cameraPage.screenshot({ path: join(tmpdir(), 'loopcoach-camera-report.png'), fullPage: true });
        // The choice lasts for the visit: answering again opens the camera again.
        await cameraPage.getByRole('button', { name: 'Improve this answer' }).click();
        await camera.ready.waitFor({ timeout: 60_000 });
        expect(await camera.useCamera.isChecked()).toBe(true);
        // Kept with the attempt: History follows the camera over time, and the saved report shows it again.
        await cameraPage.goto(`${server.baseUrl}#/history`);
        const overTime = cameraPage.getByRole('table', { name: 'Your answers recorded on camera, oldest first' });
        await overTime.waitFor({ timeout: 30_000 });
        expect(await overTime.locator('tbody tr').count()).toBe(1);
        await cameraPage
          .getByRole('link', { name: /Practised: Tell me about a time you fixed a slow service/ })
          .first()
          .click();
        const saved = new CameraPage(cameraPage);
        await saved.report.waitFor({ timeout: 30_000 });
        expect(parseInt(await saved.measure('Face visible'), 10)).toBeGreaterThanOrEqual(90);
        expect(parseInt(await saved.measure('Looking at the screen'), 10)).toBeGreaterThanOrEqual(80);
        await cameraPage.screenshot({ path: join(tmpdir(), 'loopcoach-camera-saved-report.png'), fullPage: true });
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await context.close();
      },
    );

    it('a denied camera leaves audio only, with a clear message', { timeout: 60_000 }, async () => {
      const context = await cameraBrowser.newContext();
      const deniedPage = await context.newPage();
      await deniedPage.addInitScript(() => {
        const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = (c) => (c?.video ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : real(c));
      });
      await deniedPage.goto(`${server.baseUrl}#/practise/slow-service`);
      const camera = new CameraPage(deniedPage);
      await camera.useCamera.check({ force: true }).catch(() => undefined);
      await expect.poll(() => camera.alert.textContent()).toMatch(/Camera access was denied.*audio only/);
      expect(await camera.useCamera.isChecked()).toBe(false);
      await expect.poll(() => new RecordPage(deniedPage).record.isEnabled()).toBe(true);
      await context.close();
    });
  });
});
