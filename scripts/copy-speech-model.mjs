// Part of `npm run build`: copies the Moonshine tiny weights (MIT) out of the dev-only
// @moonshine-ai/moonshine-js package into models/moonshine-tiny/, which the package ships. The
// package itself is not a runtime dependency: its own dependencies (transformers, onnxruntime-node)
// would try to download binaries when loopcoach is installed.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const FILES = ['encoder_model.onnx', 'decoder_model_merged.onnx'];
const target = fileURLToPath(new URL('../models/moonshine-tiny/', import.meta.url));
const require = createRequire(import.meta.url);
const roots = require.resolve.paths('@moonshine-ai/moonshine-js') ?? [];
const source = roots.map((r) => join(r, '@moonshine-ai', 'moonshine-js', 'dist', 'model', 'tiny', 'quantized')).find((d) => existsSync(join(d, FILES[0])));

if (!source) {
  if (FILES.every((f) => existsSync(join(target, f)))) process.exit(0);
  console.warn('models/moonshine-tiny: @moonshine-ai/moonshine-js is not installed; speech transcription will be unavailable');
  process.exit(0);
}
mkdirSync(target, { recursive: true });
for (const file of FILES) {
  const from = join(source, file);
  const to = join(target, file);
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
}
console.log(`models/moonshine-tiny: ${FILES.join(', ')} from ${dirname(dirname(dirname(source)))}`);
