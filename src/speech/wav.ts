/**
 * WAV (RIFF/RIFX-free, little-endian) decoding: 8/16/24/32-bit PCM and 32/64-bit float, any rate,
 * any channel count, to one mono channel of floats in [-1, 1]. Pure: bytes in, samples out.
 */

/** Decoded audio: one mono channel at its own sample rate. */
export interface MonoAudio {
  sampleRate: number;
  samples: Float32Array;
}

/** Why bytes could not be read as audio; the caller maps it to its own error. */
export class AudioFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioFormatError';
  }
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

interface WavFormat {
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** True when the bytes start like a RIFF/WAVE file. */
export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

/** Decodes a WAV file to mono (channels averaged); throws AudioFormatError when it cannot. */
export function decodeWav(bytes: Uint8Array): MonoAudio {
  if (!isWav(bytes)) throw new AudioFormatError('not a WAV file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = readFormat(view, body, size);
    if (id === 'data') {
      if (!format) throw new AudioFormatError('the WAV file has no format chunk before its data');
      const end = Math.min(body + size, bytes.length);
      return { sampleRate: format.sampleRate, samples: readSamples(view, body, end, format) };
    }
    offset = body + size + (size % 2);
  }
  throw new AudioFormatError('the WAV file has no audio data');
}

function readFormat(view: DataView, at: number, size: number): WavFormat {
  if (size < 16 || at + 16 > view.byteLength) throw new AudioFormatError('the WAV format chunk is truncated');
  let formatTag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (formatTag === WAVE_FORMAT_EXTENSIBLE && size >= 26) formatTag = view.getUint16(at + 24, true);
  if (channels < 1) throw new AudioFormatError('the WAV file has no channels');
  if (sampleRate < 4000 || sampleRate > 384_000) throw new AudioFormatError(`unsupported sample rate ${sampleRate} Hz`);
  const isPcm = formatTag === WAVE_FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample);
  const isFloat = formatTag === WAVE_FORMAT_IEEE_FLOAT && [32, 64].includes(bitsPerSample);
  if (!isPcm && !isFloat) throw new AudioFormatError(`unsupported WAV encoding (format ${formatTag}, ${bitsPerSample}-bit)`);
  return { formatTag, channels, sampleRate, bitsPerSample };
}

function readSamples(view: DataView, start: number, end: number, format: WavFormat): Float32Array {
  const bytesPerSample = format.bitsPerSample / 8;
  const frameBytes = bytesPerSample * format.channels;
  const frames = Math.floor((end - start) / frameBytes);
  const read = sampleReader(view, format);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < format.channels; c++) sum += read(start + i * frameBytes + c * bytesPerSample);
    out[i] = sum / format.channels;
  }
  return out;
}

function sampleReader(view: DataView, format: WavFormat): (at: number) => number {
  if (format.formatTag === WAVE_FORMAT_IEEE_FLOAT) {
    return format.bitsPerSample === 32 ? (at) => clampUnit(view.getFloat32(at, true)) : (at) => clampUnit(view.getFloat64(at, true));
  }
  switch (format.bitsPerSample) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) => (((view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16) | (view.getUint8(at) << 8)) >> 8) / 8388608;
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

function clampUnit(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** Encodes mono floats as a 16-bit PCM WAV file (for tests and kept recordings). */
export function encodeWav16(audio: MonoAudio): Uint8Array {
  const { samples, sampleRate } = audio;
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, WAVE_FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, Math.round(clampUnit(samples[i]!) * 32767), true);
  return out;
}
