import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMoonshine, type MoonshineModel } from './moonshine.js';

const require = createRequire(import.meta.url);

/** A folder inside an installed package, found on Node's module search path (the packages export only their scripts). */
function packageDir(name: string, inside: string[], probe: string): string {
  const roots = require.resolve.paths(name) ?? [];
  const dirs = roots.map((root) => join(root, ...name.split('/'), ...inside));
  const found = dirs.find((dir) => existsSync(join(dir, probe)));
  if (!found) throw new Error(`${name} is missing: reinstall loopcoach (npm install)`);
  return found;
}

/**
 * Where the Moonshine tiny weights lie on disk: models/moonshine-tiny/ of this package (copied
 * there by `npm run build`, shipped in the tarball), or the dev-only package they come from.
 */
export function moonshineModelDir(): string {
  for (const rel of ['../../models/moonshine-tiny/', '../../../models/moonshine-tiny/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    // the source tree and the built dist/ sit at different depths below the package
    if (existsSync(join(dir, 'encoder_model.onnx'))) return dir;
  }
  return packageDir('@moonshine-ai/moonshine-js', ['dist', 'model', 'tiny', 'quantized'], 'encoder_model.onnx');
}

/** A file the web app loads for in-page transcription, with its content type. */
export interface SpeechAsset {
  path: string;
  type: string;
}

/**
 * Every file the page needs to transcribe on the user's machine, by the name it is served under
 * (/speech/<name>): the onnxruntime WASM runtime, the two model files and the tokenizer. Nothing
 * comes from a CDN.
 */
export function speechAssets(): Record<string, SpeechAsset> {
  const ort = packageDir('onnxruntime-web', ['dist'], 'ort.wasm.min.mjs');
  const model = moonshineModelDir();
  const tokenizer = packageDir('llama-tokenizer-js', [], 'llama-tokenizer.js');
  const script = 'text/javascript; charset=utf-8';
  return {
    'ort.wasm.min.mjs': { path: join(ort, 'ort.wasm.min.mjs'), type: script },
    'ort-wasm-simd-threaded.mjs': { path: join(ort, 'ort-wasm-simd-threaded.mjs'), type: script },
    'ort-wasm-simd-threaded.wasm': { path: join(ort, 'ort-wasm-simd-threaded.wasm'), type: 'application/wasm' },
    'encoder_model.onnx': { path: join(model, 'encoder_model.onnx'), type: 'application/octet-stream' },
    'decoder_model_merged.onnx': { path: join(model, 'decoder_model_merged.onnx'), type: 'application/octet-stream' },
    'llama-tokenizer.js': { path: join(tokenizer, 'llama-tokenizer.js'), type: script },
  };
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
