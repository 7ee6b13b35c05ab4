import { statSync, readFileSync } from 'node:fs';
import type { QuestionKind } from '../core/types.js';
import { LoopCoachError, type ErrorCode } from '../errors.js';
import {
  analysisOf,
  decodeRecording,
  prepareAudio,
  RecordingError,
  transcribePrepared,
  type RecordingAnalysis,
  type RecordingProblem,
} from '../speech/recording.js';

/** Largest audio file accepted: ten minutes of 48 kHz stereo 32-bit float is 230 MB. */
export const MAX_AUDIO_BYTES = 256 * 1024 * 1024;

const PROBLEM_CODES: Record<RecordingProblem, ErrorCode> = {
  not_audio: 'audio_invalid',
  silent: 'audio_silent',
  too_long: 'audio_too_long',
};

/** Transcribes a recording on this machine and measures its delivery; bad audio is a LoopCoachError. */
export async function transcribeAudio(bytes: Uint8Array, questionKind?: QuestionKind): Promise<RecordingAnalysis> {
  if (bytes.length > MAX_AUDIO_BYTES)
    throw new LoopCoachError(
      'audio_too_long',
      `the recording is ${Math.round(bytes.length / 1024 / 1024)} MB; the limit is ${MAX_AUDIO_BYTES / 1024 / 1024} MB`,
    );
  try {
    // Bad audio is refused before the model loads (a second or more).
    const audio = prepareAudio(await decodeRecording(bytes));
    const { loadNodeMoonshine } = await import('../speech/node-model.js');
    const segments = await transcribePrepared(await loadNodeMoonshine(), audio);
    return analysisOf(audio, segments, questionKind);
  } catch (error) {
    if (error instanceof RecordingError) throw new LoopCoachError(PROBLEM_CODES[error.problem], error.message);
    throw error;
  }
}

/** Reads an audio file the user named, with errors that say which file and what is wrong. */
export function readAudioFile(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new LoopCoachError('file_unreadable', `audio file ${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof LoopCoachError) throw error;
    throw new LoopCoachError('file_not_found', `audio file ${path} does not exist`);
  }
  if (size > MAX_AUDIO_BYTES)
    throw new LoopCoachError('audio_too_long', `audio file ${path} is ${Math.round(size / 1024 / 1024)} MB; the limit is ${MAX_AUDIO_BYTES / 1024 / 1024} MB`);
  return readFileSync(path);
}
