/** Level of each analysis frame in dBFS (RMS; a full-scale sine reads -3 dB). */
export function frameLevelsDb(samples: Float32Array, frameLength: number): Float64Array {
  const count = Math.floor(samples.length / frameLength);
  const levels = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * frameLength; i < (f + 1) * frameLength; i++) sum += samples[i]! * samples[i]!;
    levels[f] = toDb(Math.sqrt(sum / frameLength));
  }
  return levels;
}

/** Amplitude to decibels, with digital silence at -120 dB rather than -Infinity. */
export function toDb(amplitude: number): number {
  return amplitude > 1e-6 ? 20 * Math.log10(amplitude) : -120;
}

/** The p-th percentile (0-100) of the values, by nearest rank; NaN when empty. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[rank]!;
}
