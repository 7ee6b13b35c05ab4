import { frameLevelsDb, percentile } from './energy.js';
import type { DeliveryParameters } from './params.js';

/** A stretch of time, in seconds from the start of the recording. */
export interface TimeSpan {
  startSec: number;
  endSec: number;
}

/** What the voice activity detector found. */
export interface VoiceActivity {
  /** Speech stretches, with gaps shorter than `bridgeGapSec` bridged. */
  segments: TimeSpan[];
  /** Level of each frame (dBFS) and the frame length, for loudness and pitch. */
  levelsDb: Float64Array;
  frameSec: number;
  noiseFloorDb: number;
}

/**
 * Energy voice activity detection with an adaptive threshold and hysteresis: the noise floor is
 * the 10th percentile of frame levels; a frame opens speech above floor + `speechAboveFloorDb`
 * and speech closes only below that minus `hysteresisDb`, so a word's soft tail is not cut.
 */
export function detectVoiceActivity(samples: Float32Array, sampleRate: number, params: DeliveryParameters): VoiceActivity {
  const frameLength = Math.max(1, Math.round(params.frameSec * sampleRate));
  const frameSec = frameLength / sampleRate;
  const levelsDb = frameLevelsDb(samples, frameLength);
  const noiseFloorDb = percentile(levelsDb, 10);
  const openDb = Math.max(params.absoluteSpeechFloorDb, noiseFloorDb + params.speechAboveFloorDb);
  const closeDb = openDb - params.hysteresisDb;
  const raw = speechRuns(levelsDb, openDb, closeDb).map(([a, b]) => ({ startSec: a * frameSec, endSec: b * frameSec }));
  const segments = bridgeGaps(
    raw.filter((s) => s.endSec - s.startSec >= params.minSpeechSec),
    params.bridgeGapSec,
  );
  return { segments, levelsDb, frameSec, noiseFloorDb };
}

/** Frame index runs [start, end) where the level is in speech, by hysteresis. */
function speechRuns(levelsDb: Float64Array, openDb: number, closeDb: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let f = 0; f < levelsDb.length; f++) {
    const level = levelsDb[f]!;
    if (start < 0 && level >= openDb) start = f;
    else if (start >= 0 && level < closeDb) {
      runs.push([start, f]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, levelsDb.length]);
  return runs;
}

/** Joins spans separated by less than `maxGapSec`. */
export function bridgeGaps(spans: TimeSpan[], maxGapSec: number): TimeSpan[] {
  const joined: TimeSpan[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    if (last && span.startSec - last.endSec < maxGapSec) last.endSec = span.endSec;
    else joined.push({ ...span });
  }
  return joined;
}

/** Silences between speech segments longer than `minSec` (leading and trailing silence excluded). */
export function pausesBetween(segments: TimeSpan[], minSec: number): TimeSpan[] {
  const pauses: TimeSpan[] = [];
  for (let i = 1; i < segments.length; i++) {
    const gap = { startSec: segments[i - 1]!.endSec, endSec: segments[i]!.startSec };
    if (gap.endSec - gap.startSec > minSec) pauses.push(gap);
  }
  return pauses;
}
