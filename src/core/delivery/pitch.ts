import type { TimeSpan } from './vad.js';

/** Pitch analysis settings (Hz and seconds). */
export interface PitchSettings {
  minPitchHz: number;
  maxPitchHz: number;
  yinThreshold: number;
}

const WINDOW_SEC = 0.032;
const HOP_SEC = 0.01;

/**
 * Fundamental frequency by YIN (de Cheveigné & Kawahara, "YIN, a fundamental frequency estimator
 * for speech and music", JASA 2002): difference function, cumulative mean normalisation, first dip
 * under the threshold, parabolic interpolation. Returns undefined for an unvoiced frame.
 */
export function yinPitch(frame: Float32Array, sampleRate: number, settings: PitchSettings): number | undefined {
  const maxLag = Math.min(Math.floor(sampleRate / settings.minPitchHz), Math.floor(frame.length / 2));
  const minLag = Math.max(2, Math.floor(sampleRate / settings.maxPitchHz));
  const window = frame.length - maxLag;
  const d = new Float64Array(maxLag + 1);
  for (let lag = 1; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i < window; i++) {
      const diff = frame[i]! - frame[i + lag]!;
      sum += diff * diff;
    }
    d[lag] = sum;
  }
  const cmnd = new Float64Array(maxLag + 1);
  cmnd[0] = 1;
  let running = 0;
  for (let lag = 1; lag <= maxLag; lag++) {
    running += d[lag]!;
    cmnd[lag] = running > 0 ? (d[lag]! * lag) / running : 1;
  }
  const lag = firstDip(cmnd, minLag, maxLag, settings.yinThreshold);
  if (lag === undefined) return undefined;
  return sampleRate / refineLag(cmnd, lag);
}

function firstDip(cmnd: Float64Array, minLag: number, maxLag: number, threshold: number): number | undefined {
  for (let lag = minLag; lag < maxLag; lag++) {
    if (cmnd[lag]! >= threshold) continue;
    while (lag + 1 < maxLag && cmnd[lag + 1]! < cmnd[lag]!) lag++;
    return lag;
  }
  return undefined;
}

function refineLag(cmnd: Float64Array, lag: number): number {
  const a = cmnd[lag - 1];
  const b = cmnd[lag]!;
  const c = cmnd[lag + 1];
  if (a === undefined || c === undefined) return lag;
  const denominator = a - 2 * b + c;
  return denominator === 0 ? lag : lag + (a - c) / (2 * denominator);
}

/** A pitch reading at a moment of the recording. */
export interface PitchPoint {
  atSec: number;
  hz: number;
}

/** Pitch every 10 ms inside the speech segments (32 ms windows), voiced frames only. */
export function pitchTrack(samples: Float32Array, sampleRate: number, segments: TimeSpan[], settings: PitchSettings): PitchPoint[] {
  const windowLength = Math.round(WINDOW_SEC * sampleRate);
  const hop = Math.round(HOP_SEC * sampleRate);
  const points: PitchPoint[] = [];
  for (const segment of segments) {
    const first = Math.round(segment.startSec * sampleRate);
    const last = Math.min(samples.length, Math.round(segment.endSec * sampleRate)) - windowLength;
    for (let at = first; at <= last; at += hop) {
      const hz = yinPitch(samples.subarray(at, at + windowLength), sampleRate, settings);
      if (hz !== undefined) points.push({ atSec: at / sampleRate, hz });
    }
  }
  return points;
}

/**
 * Spread of pitch: the standard deviation of the readings in semitones; 0 with fewer than 2.
 * Readings more than an octave from the median are dropped first: they are YIN octave errors.
 */
export function pitchVariationSemitones(points: PitchPoint[]): number {
  const all = points.map((p) => 12 * Math.log2(p.hz)).sort((a, b) => a - b);
  const median = all[Math.floor(all.length / 2)] ?? 0;
  const semitones = all.filter((s) => Math.abs(s - median) <= 12);
  if (semitones.length < 2) return 0;
  const mean = semitones.reduce((a, b) => a + b, 0) / semitones.length;
  const variance = semitones.reduce((a, s) => a + (s - mean) ** 2, 0) / (semitones.length - 1);
  return Math.sqrt(variance);
}
