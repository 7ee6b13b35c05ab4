import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadMoonshine, type MoonshineModel } from './moonshine.js';

const require = createRequire(import.meta.url);

/** Where the Moonshine tiny weights lie on disk (inside the installed npm package). */
export function moonshineModelDir(): string {
  // The package exports only its script, so look for the folder on Node's module search path.
  const roots = require.resolve.paths('@moonshine-ai/moonshine-js') ?? [];
  const dirs = roots.map((root) => join(root, '@moonshine-ai', 'moonshine-js', 'dist', 'model', 'tiny', 'quantized'));
  const found = dirs.find((dir) => existsSync(join(dir, 'encoder_model.onnx')));
  if (!found) throw new Error('the Moonshine speech model is missing: reinstall loopcoach (npm install)');
  return found;
}

let loading: Promise<MoonshineModel> | undefined;

/** Loads the model once per process: onnxruntime-web (WASM, one thread) with weights from disk. */
export function loadNodeMoonshine(): Promise<MoonshineModel> {
  loading ??= (async () => {
    const ort = await import('onnxruntime-web');
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const { default: tokenizer } = await import('llama-tokenizer-js');
    const dir = moonshineModelDir();
    const files = { encoder: readFileSync(join(dir, 'encoder_model.onnx')), decoder: readFileSync(join(dir, 'decoder_model_merged.onnx')) };
    return loadMoonshine(ort, files, (ids) => tokenizer.decode(ids, false));
  })();
  return loading;
}
