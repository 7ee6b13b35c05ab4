/** The sample rate the speech model and the delivery metrics work at. */
export const SPEECH_SAMPLE_RATE = 16_000;

/**
 * Resamples mono audio by windowed-sinc interpolation (Hann window, 16 taps a side), with the
 * cut-off at the lower Nyquist frequency so downsampling does not alias. Deterministic and pure.
 */
export function resample(samples: Float32Array, fromRate: number, toRate = SPEECH_SAMPLE_RATE): Float32Array {
  if (fromRate === toRate) return samples;
  const ratio = toRate / fromRate;
  const outLength = Math.floor(samples.length * ratio);
  const out = new Float32Array(outLength);
  const cutoff = Math.min(1, ratio);
  const taps = 16;
  const reach = Math.ceil(taps / cutoff);
  for (let i = 0; i < outLength; i++) {
    const centre = i / ratio;
    const first = Math.max(0, Math.ceil(centre - reach));
    const last = Math.min(samples.length - 1, Math.floor(centre + reach));
    let sum = 0;
    for (let j = first; j <= last; j++) {
      const x = (j - centre) * cutoff;
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / taps);
      sum += samples[j]! * sinc(x) * window * cutoff;
    }
    out[i] = sum;
  }
  return out;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}
