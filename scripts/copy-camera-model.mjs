// Part of `npm run build`: copies what the page needs to watch the camera on the user's machine
// out of the dev-only @vladmandic/human (MIT) and @tensorflow/tfjs-backend-wasm (Apache-2.0)
// packages into models/camera/, which the package ships: human's ESM bundle, the blazeface,
// facemesh and iris models (about 5 MB) and the tfjs WebAssembly binaries. The packages
// themselves (43 MB and more) are not runtime dependencies.
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const FILES = [
  ['human.esm.js', '@vladmandic/human', 'dist/human.esm.js'],
  ...['blazeface', 'facemesh', 'iris'].flatMap((m) => [
    [`${m}.json`, '@vladmandic/human', `models/${m}.json`],
    [`${m}.bin`, '@vladmandic/human', `models/${m}.bin`],
  ]),
  ...['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'].map((w) => [w, '@tensorflow/tfjs-backend-wasm', `dist/${w}`]),
];
const target = fileURLToPath(new URL('../models/camera/', import.meta.url));
const require = createRequire(import.meta.url);
const find = (pkg, inside) => (require.resolve.paths(pkg) ?? []).map((r) => join(r, ...pkg.split('/'), inside)).find((p) => existsSync(p));

const missing = FILES.filter(([, pkg, inside]) => !find(pkg, inside));
if (missing.length > 0) {
  if (FILES.every(([name]) => existsSync(join(target, name)))) process.exit(0);
  console.warn(`models/camera: ${[...new Set(missing.map(([, pkg]) => pkg))].join(', ')} not installed; the camera option will be unavailable`);
  process.exit(0);
}
mkdirSync(target, { recursive: true });
for (const [name, pkg, inside] of FILES) {
  const from = find(pkg, inside);
  const to = join(target, name);
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
}
copyFileSync(find('@vladmandic/human', 'LICENSE'), join(target, 'LICENSE.human'));
writeFileSync(
  join(target, 'NOTICE'),
  [
    'Files in this folder come from other projects, unchanged:',
    '- human.esm.js and the blazeface, facemesh and iris models: @vladmandic/human 3.3.6, MIT licence (LICENSE.human).',
    "  The model files name github.com/google/mediapipe as their origin; Google's model cards give their terms.",
    '- tfjs-backend-wasm-simd.wasm, tfjs-backend-wasm.wasm: @tensorflow/tfjs-backend-wasm 4.22.0, Apache-2.0',
    '  (https://www.apache.org/licenses/LICENSE-2.0), Copyright Google LLC.',
    '',
  ].join('\n'),
);
console.log(`models/camera: ${FILES.map(([name]) => name).join(', ')}, LICENSE.human, NOTICE`);
