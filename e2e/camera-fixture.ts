// Camera fixtures for the browser tests, built at test time and never shipped: face photos from
// an npm tarball (the demo samples of @vladmandic/face-api, MIT package), and a y4m writer for
// Chromium's fake camera (--use-file-for-fake-video-capture). The frames themselves are drawn in
// the page (crop, shift, scale, dim), see e2e/camera.test.ts.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { CameraFrame } from '../src/core/camera/types.js';
import type { Scene } from './camera-harness.js';

const FACE_PACKAGE = '@vladmandic/face-api@1.7.15';

/** The folder of the sample photos (sample1..6.jpg), fetched once with `npm pack`; or why it could not be. */
export function facePhotos(): { dir: string } | { skip: string } {
  const root = join(tmpdir(), 'loopcoach-face-fixtures');
  const dir = join(root, 'package', 'demo');
  if (existsSync(join(dir, 'sample1.jpg'))) return { dir };
  mkdirSync(root, { recursive: true });
  const pack = spawnSync('npm', ['pack', FACE_PACKAGE, '--silent', '--pack-destination', root], { encoding: 'utf8', timeout: 120_000 });
  const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'));
  if (pack.status !== 0 || !tarball)
    return { skip: `the face photos could not be fetched (npm pack ${FACE_PACKAGE}: ${pack.stderr?.trim().split('\n').at(-1) ?? pack.error?.message})` };
  const untar = spawnSync('tar', ['-xzf', join(root, tarball), '-C', root, 'package/demo'], { encoding: 'utf8' });
  if (untar.status !== 0 || !existsSync(join(dir, 'sample1.jpg'))) return { skip: `the face photos could not be unpacked (${untar.stderr.trim()})` };
  return { dir };
}

/** RGBA pixels to planar YUV 4:2:0 (BT.601, studio range), the layout of a y4m "C420" frame. */
export function rgbaToI420(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 1.5);
  const uAt = width * height;
  const vAt = uAt + (width / 2) * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
      out[y * width + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
      if (y % 2 === 0 && x % 2 === 0) {
        const c = (y / 2) * (width / 2) + x / 2;
        out[uAt + c] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
        out[vAt + c] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
      }
    }
  }
  return out;
}

/** Writes RGBA frames as an uncompressed y4m clip (the format Chromium's fake camera loops). */
export function writeY4m(path: string, frames: Uint8Array[], width: number, height: number, fps: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    for (const frame of frames) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, rgbaToI420(frame, width, height));
    }
  } finally {
    closeSync(fd);
  }
}

/** Bundles the test-only page code (e2e/camera-harness.ts, and the product's analyser it drives) with Vite; returns the file. */
export async function buildCameraHarness(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'loopcoach-camera-harness-'));
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    // relative chunk URLs: the harness is served under /__test__/ (see openHarness)
    base: './',
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      write: true,
      lib: { entry: join(root, 'e2e', 'camera-harness.ts'), formats: ['es'], fileName: () => 'camera-harness.js' },
    },
  });
  return join(outDir, 'camera-harness.js');
}

/** The harness's functions, as called through page.evaluate. */
export interface CameraHarness {
  prepare(urls: string[]): Promise<Record<string, { yawDeg: number; pitchDeg: number } | undefined>>;
  analyseScene(scene: Scene, seconds: number, fps: number): Promise<CameraFrame[]>;
  sceneFrame(scene: Scene, t: number): string;
  watchCamera(seconds: number): Promise<{ openMs: number; fps: number; msPerFrame: number; faces: number; frames: number }>;
}

/** Opens the app in `page` with the harness loaded (served on the app's own origin, for this page only). */
export async function openHarness(page: Page, baseUrl: string, harnessPath: string): Promise<void> {
  const origin = new URL(baseUrl).origin;
  // the harness and the chunks it loads (the face worker), served from the bundle's folder
  await page.route(`${origin}/__test__/**`, (route) => {
    const file = join(
      dirname(harnessPath),
      ...new URL(route.request().url()).pathname
        .replace(/^\/__test__\//, '')
        .split('/')
        .filter((p) => p !== '..'),
    );
    return route.fulfill({ path: file, contentType: 'text/javascript' });
  });
  await page.goto(baseUrl);
  await page.addScriptTag({ url: `${origin}/__test__/camera-harness.js`, type: 'module' });
  await page.waitForFunction(() => 'cameraHarness' in globalThis);
}

/** Loads the sample photos into the harness and picks the cast (frontal, looking down, head turned). */
export async function prepareCast(page: Page, photoDir: string): Promise<Record<string, { yawDeg: number; pitchDeg: number } | undefined>> {
  const urls = [1, 2, 3, 4, 5, 6].map((n) => `data:image/jpeg;base64,${readFileSync(join(photoDir, `sample${n}.jpg`)).toString('base64')}`);
  return page.evaluate((u) => (globalThis as unknown as { cameraHarness: CameraHarness }).cameraHarness.prepare(u), urls);
}

/** Writes `seconds` of a scene at 15 fps as a y4m clip for Chromium's fake camera. */
export async function writeSceneClip(page: Page, scene: Scene, seconds: number, path: string): Promise<void> {
  const frames: Uint8Array[] = [];
  for (let i = 0; i < seconds * 15; i++) {
    const base64 = await page.evaluate(([s, t]) => (globalThis as unknown as { cameraHarness: CameraHarness }).cameraHarness.sceneFrame(s, t), [
      scene,
      i / 15,
    ] as const);
    frames.push(Buffer.from(base64, 'base64'));
  }
  writeY4m(path, frames, 640, 480, 15);
}
