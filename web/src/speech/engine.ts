import type * as Ort from 'onnxruntime-web';
import { loadMoonshine, type MoonshineModel } from '../../../src/speech/moonshine';

/**
 * The speech model in this page: onnxruntime's WASM runtime, the Moonshine tiny weights and the
 * tokenizer, all fetched from this app's own server (/speech/…), never a CDN. Audio never leaves
 * the page. Loaded once, on the first Record, inside the transcription worker.
 */
let loading: Promise<MoonshineModel> | null = null;

/** Loads the model from `base` (the app's /speech/ folder); in a worker, which has no document, the page passes it in. */
export function loadSpeechModel(base = new URL('speech/', new URL(document.baseURI)).href): Promise<MoonshineModel> {
  loading ??= load(base).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(base: string): Promise<MoonshineModel> {
  const ort = (await import(/* @vite-ignore */ `${base}ort.wasm.min.mjs`)) as typeof Ort;
  ort.env.wasm.wasmPaths = base;
  // Several threads need a cross-origin-isolated page; one thread works everywhere.
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? 2 : 1;
  ort.env.logLevel = 'error';
  const tokenizerModule = (await import(/* @vite-ignore */ `${base}llama-tokenizer.js`)) as { default: { decode(ids: number[], addBos?: boolean): string } };
  const [encoder, decoder] = await Promise.all([fetchBytes(`${base}encoder_model.onnx`), fetchBytes(`${base}decoder_model_merged.onnx`)]);
  return loadMoonshine(ort, { encoder, decoder }, (ids) => tokenizerModule.default.decode(ids, false));
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the speech model could not be loaded (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
