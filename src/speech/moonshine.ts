import type * as Ort from 'onnxruntime-web';

/**
 * Moonshine tiny speech recognition on onnxruntime: an encoder over raw 16 kHz audio and a
 * merged decoder with a key/value cache, decoded greedily. The same code runs in Node and, bundled,
 * in the page; the caller passes in the onnxruntime module, the model bytes and a token decoder.
 */
export interface MoonshineFiles {
  encoder: Uint8Array;
  decoder: Uint8Array;
}

/** Turns token ids into text (llama-tokenizer-js: Moonshine reuses the Llama vocabulary). */
export type TokenDecoder = (ids: number[]) => string;

/** A loaded model, ready to transcribe chunks of speech. */
export interface MoonshineModel {
  transcribeChunk(samples: Float32Array): Promise<string>;
  release(): Promise<void>;
}

const BOS = 1;
const EOS = 2;
const LAYERS = 6;
const HEADS = 8;
const HEAD_SIZE = 36;
/** Speech rarely exceeds 6 tokens a second; more means the decoder is looping. */
const MAX_TOKENS_PER_SECOND = 6;
const SAMPLE_RATE = 16_000;

/** Loads the two sessions (WASM backend) and returns the model. */
export async function loadMoonshine(ort: typeof Ort, files: MoonshineFiles, decodeTokens: TokenDecoder): Promise<MoonshineModel> {
  const options: Ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const encoder = await ort.InferenceSession.create(files.encoder, options);
  const decoder = await ort.InferenceSession.create(files.decoder, options);
  return {
    transcribeChunk: async (samples) => decodeTokens(await generateTokens(ort, encoder, decoder, samples)),
    release: async () => {
      await encoder.release();
      await decoder.release();
    },
  };
}

async function generateTokens(ort: typeof Ort, encoder: Ort.InferenceSession, decoder: Ort.InferenceSession, samples: Float32Array): Promise<number[]> {
  if (samples.length < SAMPLE_RATE * 0.1) return [];
  const encoded = await encoder.run({ input_values: new ort.Tensor('float32', samples, [1, samples.length]) });
  const hidden = encoded.last_hidden_state!;
  const maxTokens = Math.ceil((samples.length / SAMPLE_RATE) * MAX_TOKENS_PER_SECOND);
  const tokens: number[] = [];
  let past = emptyCache(ort);
  let last = BOS;
  for (let step = 0; step < maxTokens; step++) {
    const feeds: Record<string, Ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from([BigInt(last)]), [1, 1]),
      encoder_hidden_states: hidden,
      use_cache_branch: new ort.Tensor('bool', Uint8Array.from([step > 0 ? 1 : 0]), [1]),
      ...past,
    };
    const out = await decoder.run(feeds);
    last = argmax(out.logits!.data as Float32Array);
    if (last === EOS) break;
    tokens.push(last);
    if (isLooping(tokens)) return dropRepeat(tokens);
    past = nextCache(out, past, step === 0);
  }
  return tokens;
}

function emptyCache(ort: typeof Ort): Record<string, Ort.Tensor> {
  const cache: Record<string, Ort.Tensor> = {};
  for (let layer = 0; layer < LAYERS; layer++) {
    for (const kind of ['decoder', 'encoder']) {
      for (const part of ['key', 'value'])
        cache[`past_key_values.${layer}.${kind}.${part}`] = new ort.Tensor('float32', new Float32Array(0), [1, HEADS, 0, HEAD_SIZE]);
    }
  }
  return cache;
}

/** The decoder's cache is replaced each step; the encoder's, computed at step 0, is kept. */
function nextCache(out: Ort.InferenceSession.OnnxValueMapType, past: Record<string, Ort.Tensor>, isFirstStep: boolean): Record<string, Ort.Tensor> {
  const next: Record<string, Ort.Tensor> = {};
  for (let layer = 0; layer < LAYERS; layer++) {
    for (const part of ['key', 'value']) {
      next[`past_key_values.${layer}.decoder.${part}`] = out[`present.${layer}.decoder.${part}`] as Ort.Tensor;
      const encoderKey = `past_key_values.${layer}.encoder.${part}`;
      next[encoderKey] = isFirstStep ? (out[`present.${layer}.encoder.${part}`] as Ort.Tensor) : past[encoderKey]!;
    }
  }
  return next;
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** True when the newest tokens repeat the ones just before them (a phrase of 1-8 tokens, 3 times for short ones). */
export function isLooping(tokens: number[]): boolean {
  for (let n = 1; n <= 8; n++) {
    const repeats = n <= 2 ? 4 : 2;
    if (tokens.length < n * (repeats + 1)) continue;
    const tail = tokens.slice(-n);
    let isRepeat = true;
    for (let r = 1; r <= repeats && isRepeat; r++) isRepeat = tokens.slice(-n * (r + 1), -n * r).every((t, i) => t === tail[i]);
    if (isRepeat) return true;
  }
  return false;
}

/** Cuts a detected loop back to its first occurrence. */
function dropRepeat(tokens: number[]): number[] {
  for (let n = 1; n <= 8; n++) {
    const tail = tokens.slice(-n);
    let end = tokens.length;
    while (end - 2 * n >= 0 && tokens.slice(end - 2 * n, end - n).every((t, i) => t === tail[i])) end -= n;
    if (end < tokens.length) return tokens.slice(0, end);
  }
  return tokens;
}
