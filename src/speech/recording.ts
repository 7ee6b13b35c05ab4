import { measureDelivery } from '../core/delivery/delivery.js';
import { defaultDeliveryParameters } from '../core/delivery/params.js';
import type { Delivery, TranscriptSegment } from '../core/delivery/types.js';
import { detectVoiceActivity, type TimeSpan, type VoiceActivity } from '../core/delivery/vad.js';
import type { QuestionKind } from '../core/types.js';
import { planChunks } from './chunks.js';
import type { MoonshineModel } from './moonshine.js';
import { SPEECH_SAMPLE_RATE, resample } from './resample.js';
import { decodeAudio } from './decode-audio.js';
import { AudioFormatError, type MonoAudio } from './wav.js';

/** Why a recording cannot be used: the code a caller maps to its own error. */
export type RecordingProblem = 'not_audio' | 'silent' | 'too_long';

export class RecordingError extends Error {
  constructor(
    readonly problem: RecordingProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}

/** A transcribed, measured recording: the `transcribe` contract. */
export interface RecordingAnalysis {
  transcript: string;
  segments: TranscriptSegment[];
  delivery: Delivery;
}

/** Audio ready for analysis: 16 kHz mono, checked not silent and not too long. */
export interface PreparedAudio {
  samples: Float32Array;
  activity: VoiceActivity;
}

const params = defaultDeliveryParameters();

/** Decodes WAV, WebM/Opus or Ogg/Opus bytes; says plainly when they are not audio. */
export async function decodeRecording(bytes: Uint8Array): Promise<MonoAudio> {
  try {
    return await decodeAudio(bytes);
  } catch (error) {
    if (error instanceof AudioFormatError) throw new RecordingError('not_audio', `not a readable recording (${error.message})`);
    throw error;
  }
}

/** Resamples to 16 kHz and checks length and silence. */
export function prepareAudio(audio: MonoAudio): PreparedAudio {
  const seconds = audio.samples.length / audio.sampleRate;
  if (seconds > params.maxDurationSec)
    throw new RecordingError('too_long', `the recording is ${Math.round(seconds / 60)} minutes long; the limit is ${params.maxDurationSec / 60} minutes`);
  if (seconds < 0.2) throw new RecordingError('silent', 'the recording is empty');
  const samples = resample(audio.samples, audio.sampleRate, SPEECH_SAMPLE_RATE);
  const activity = detectVoiceActivity(samples, SPEECH_SAMPLE_RATE, params);
  const speakingSec = activity.segments.reduce((s, x) => s + x.endSec - x.startSec, 0);
  if (speakingSec < 0.3) throw new RecordingError('silent', 'the recording is silent: no speech was heard (check the microphone)');
  return { samples, activity };
}

/** Transcribes chunk by chunk, cut at pauses; `onSegment` sees each as it is ready (live transcript). */
export async function transcribePrepared(
  model: MoonshineModel,
  audio: PreparedAudio,
  onSegment?: (segment: TranscriptSegment) => void,
): Promise<TranscriptSegment[]> {
  const durationSec = audio.samples.length / SPEECH_SAMPLE_RATE;
  const segments: TranscriptSegment[] = [];
  for (const chunk of planChunks(audio.activity.segments, durationSec)) {
    const text = (await model.transcribeChunk(slice(audio.samples, chunk))).trim();
    if (!text) continue;
    const segment = { startSec: round2(chunk.startSec), endSec: round2(chunk.endSec), text };
    segments.push(segment);
    onSegment?.(segment);
  }
  return segments;
}

/** The whole analysis of one recording: transcript, timed segments and delivery. */
export async function analyseRecording(model: MoonshineModel, bytes: Uint8Array, questionKind?: QuestionKind): Promise<RecordingAnalysis> {
  const audio = prepareAudio(await decodeRecording(bytes));
  const segments = await transcribePrepared(model, audio);
  return analysisOf(audio, segments, questionKind);
}

/** Joins segments into the transcript and measures delivery. */
export function analysisOf(audio: PreparedAudio, segments: TranscriptSegment[], questionKind?: QuestionKind): RecordingAnalysis {
  const delivery = measureDelivery(
    { samples: audio.samples, sampleRate: SPEECH_SAMPLE_RATE, transcript: segments, activity: audio.activity, questionKind },
    params,
  );
  return { transcript: segments.map((s) => s.text).join(' '), segments, delivery };
}

function slice(samples: Float32Array, span: TimeSpan): Float32Array {
  return samples.subarray(Math.round(span.startSec * SPEECH_SAMPLE_RATE), Math.round(span.endSec * SPEECH_SAMPLE_RATE));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
