/**
 * Any recording we accept, to one mono channel: WAV as it is; WebM/Opus (Chrome, Edge, Safari's
 * MediaRecorder) and Ogg/Opus (Firefox's) through libopus compiled to WASM (`opus-decoder`, MIT).
 */
import { isOgg, demuxOgg } from './ogg.js';
import { AudioFormatError, decodeWav, isWav, type MonoAudio } from './wav.js';
import { demuxWebm, isWebm, type CompressedAudio } from './webm.js';

/** Opus decodes natively at 16 kHz, the rate the speech model wants: no resampling needed. */
const OPUS_RATE = 16_000;
/** libopus's own limit; more channels need a mapping table browsers never record. */
const MAX_OPUS_CHANNELS = 2;
/** Opus frames are at most 120 ms; a corrupt stream shows as most frames failing. */
const MAX_FAILED_SHARE = 0.5;

/** The container the bytes are in, judged by their first bytes; undefined when none we read. */
export function audioContainerOf(bytes: Uint8Array): 'wav' | 'webm' | 'ogg' | undefined {
  if (isWav(bytes)) return 'wav';
  if (isWebm(bytes)) return 'webm';
  if (isOgg(bytes)) return 'ogg';
  return undefined;
}

/** Decodes WAV, WebM/Opus or Ogg/Opus to mono; throws AudioFormatError when it cannot. */
export async function decodeAudio(bytes: Uint8Array): Promise<MonoAudio> {
  switch (audioContainerOf(bytes)) {
    case 'wav':
      return decodeWav(bytes);
    case 'webm':
      return decodeOpus(demuxWebm(bytes));
    case 'ogg':
      return decodeOpus(demuxOgg(bytes));
    case undefined:
      throw new AudioFormatError('not a WAV, WebM or Ogg recording');
  }
}

async function decodeOpus(audio: CompressedAudio): Promise<MonoAudio> {
  if (audio.codec !== 'A_OPUS') throw new AudioFormatError(`the recording's codec ${audio.codec} is not Opus`);
  if (audio.channels < 1 || audio.channels > MAX_OPUS_CHANNELS) throw new AudioFormatError(`the recording has ${audio.channels} channels; mono or stereo only`);
  const { OpusDecoder } = await import('opus-decoder');
  const decoder = new OpusDecoder({ sampleRate: OPUS_RATE, channels: audio.channels, preSkip: audio.preSkip });
  await decoder.ready;
  try {
    const decoded = decoder.decodeFrames(audio.frames);
    if (decoded.errors.length > audio.frames.length * MAX_FAILED_SHARE || decoded.samplesDecoded === 0) {
      throw new AudioFormatError(`the recording is corrupt (${decoded.errors.length} of ${audio.frames.length} Opus frames failed to decode)`);
    }
    return { sampleRate: OPUS_RATE, samples: mixToMono(decoded.channelData, decoded.samplesDecoded) };
  } finally {
    decoder.free();
  }
}

function mixToMono(channels: Float32Array[], length: number): Float32Array {
  if (channels.length === 1) return channels[0]!.subarray(0, length);
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] = mono[i]! + channel[i]! / channels.length;
  return mono;
}
