// Camera figures for `npm run bench`: the product's in-page analysis (human on tfjs wasm; face,
// mesh and iris) on Chromium's fake camera playing a face clip built from the fixture photos:
// camera + model start time, frames analysed a second (capped at 8), time per frame, Chromium's
// CPU share and the renderer's memory.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildCameraHarness, facePhotos, openHarness, prepareCast, writeSceneClip, type CameraHarness } from '../e2e/camera-fixture.js';
import { writeQuestionBank } from '../e2e/fixtures.js';
import { startTestServer } from '../e2e/server.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WATCH_SEC = 15;

/** Resident memory (MB) of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Prints the camera figures; `row` formats a line. */
export async function benchCamera(row: (name: string, value: string, target: string) => void): Promise<void> {
  const photos = existsSync(CHROMIUM) ? facePhotos() : { skip: `${CHROMIUM} is absent` };
  if ('skip' in photos) {
    console.log(`(camera figures skipped: ${photos.skip})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-bench-camera-'));
  const server = await startTestServer(writeQuestionBank(), join(dir, 'bench.db'));
  const harness = await buildCameraHarness();
  const clip = join(dir, 'camera.y4m');
  const builder = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await builder.newPage();
    await openHarness(page, server.baseUrl, harness);
    await prepareCast(page, photos.dir);
    await writeSceneClip(page, 'camera', 2, clip);
  } finally {
    await builder.close();
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${clip}`],
  });
  try {
    const page = await browser.newPage();
    await openHarness(page, server.baseUrl, harness);
    const cdp = await browser.newBrowserCDPSession();
    type Processes = { processInfo: Array<{ type: string; id: number; cpuTime: number }> };
    const cpu = async () => ((await cdp.send('SystemInfo.getProcessInfo')) as unknown as Processes).processInfo;
    const before = await cpu();
    const started = performance.now();
    const figures = await page.evaluate((s) => (globalThis as unknown as { cameraHarness: CameraHarness }).cameraHarness.watchCamera(s), WATCH_SEC);
    const wallSec = (performance.now() - started) / 1000;
    const after = await cpu();
    const cpuSec = after.reduce((n, p) => n + p.cpuTime, 0) - before.reduce((n, p) => n + p.cpuTime, 0);
    const renderers = after.filter((p) => p.type === 'renderer').map((p) => rssMb(p.id));
    const heap = (await (await page.context().newCDPSession(page)).send('Runtime.getHeapUsage')) as { usedSize: number };
    row('camera: open + face model load (blazeface, facemesh, iris, emotion; wasm)', `${figures.openMs.toFixed(0)} ms`, '');
    row(
      `camera: frames analysed a second (fake camera, ${WATCH_SEC} s, cap 8)`,
      `${figures.fps.toFixed(1)} (${figures.faces}/${figures.frames} with a face)`,
      '>= 7 on an idle 2-core machine',
    );
    row('camera: analysis time of one 640×480 frame (median of 20)', `${figures.msPerFrame.toFixed(0)} ms`, '');
    row('camera: Chromium CPU while watching (cores, includes the 20-frame timing)', (cpuSec / wallSec).toFixed(2), '~0.4 at 8 fps');
    row('camera: page JS heap / renderer RSS (MB)', `${Math.round(heap.usedSize / 1024 / 1024)}/${Math.round(Math.max(0, ...renderers))}`, '');
  } finally {
    await browser.close();
    await server.stop();
  }
}
