import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** A file the web app loads to watch the camera in the page, with its content type. */
export interface CameraAsset {
  path: string;
  type: string;
}

/** The face models the page uses: detector, 468-point mesh (head pose), iris (eyes) and emotion (only its "happy" score is read: smiling). No body or hands. */
export const CAMERA_MODELS = ['blazeface', 'facemesh', 'iris', 'emotion'] as const;

/** The tfjs WebAssembly builds (SIMD, and the plain one for browsers without SIMD); threads need a cross-origin-isolated page, which ours is not. */
export const CAMERA_WASM = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'] as const;

/** Every served file name, by where it comes from: [name, package, path inside the package]. */
export const CAMERA_FILES: ReadonlyArray<readonly [string, string, string]> = [
  ['human.esm.js', '@vladmandic/human', 'dist/human.esm.js'],
  ...CAMERA_MODELS.flatMap(
    (m) =>
      [
        [`${m}.json`, '@vladmandic/human', `models/${m}.json`],
        [`${m}.bin`, '@vladmandic/human', `models/${m}.bin`],
      ] as const,
  ),
  ...CAMERA_WASM.map((w) => [w, '@tensorflow/tfjs-backend-wasm', `dist/${w}`] as const),
];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/**
 * Where the camera files lie: models/camera/ of this package (copied there by `npm run build`,
 * shipped in the tarball), or the dev-only packages they come from. Undefined when neither exists.
 */
function locate(name: string, pkg: string, inside: string): string | undefined {
  for (const rel of ['../../models/camera/', '../../../models/camera/']) {
    const path = join(fileURLToPath(new URL(rel, import.meta.url)), name);
    if (existsSync(path)) return path;
  }
  const roots = require.resolve.paths(pkg) ?? [];
  return roots.map((root) => join(root, ...pkg.split('/'), inside)).find((p) => existsSync(p));
}

/**
 * Every file the page needs to analyse the camera on the user's machine, by the name it is served
 * under (/camera/<name>): human's ESM bundle (it contains tfjs), three face models and the tfjs
 * WebAssembly binaries. Nothing comes from a CDN; a file that is missing is left out (404).
 */
export function cameraAssets(): Record<string, CameraAsset> {
  const assets: Record<string, CameraAsset> = {};
  for (const [name, pkg, inside] of CAMERA_FILES) {
    const path = locate(name, pkg, inside);
    if (path) assets[name] = { path, type: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' };
  }
  return assets;
}
