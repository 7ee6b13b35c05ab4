import { describe, expect, it } from 'vitest';
import { resample } from './resample.js';
import { AudioFormatError, decodeWav, encodeWav16 } from './wav.js';

/** Builds a WAV file: `write` stores one sample of channel c at frame i. */
function wav(
  format: number,
  bits: number,
  channels: number,
  rate: number,
  frames: number,
  write: (view: DataView, at: number, i: number, c: number) => void,
): Uint8Array {
  const bytesPerSample = bits / 8;
  const dataBytes = frames * channels * bytesPerSample;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels * bytesPerSample, true);
  view.setUint16(32, channels * bytesPerSample, true);
  view.setUint16(34, bits, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) write(view, 44 + (i * channels + c) * bytesPerSample, i, c);
  return out;
}

const half = 0.5;

describe('decodeWav', () => {
  it('reads 8, 16, 24-bit PCM and 32-bit float at the same value', () => {
    const cases: Array<[number, number, (v: DataView, at: number) => void]> = [
      [1, 8, (v, at) => v.setUint8(at, 128 + 64)],
      [1, 16, (v, at) => v.setInt16(at, 16384, true)],
      [
        1,
        24,
        (v, at) => {
          v.setUint8(at, 0);
          v.setUint8(at + 1, 0);
          v.setUint8(at + 2, 0x40);
        },
      ],
      [3, 32, (v, at) => v.setFloat32(at, half, true)],
    ];
    for (const [format, bits, write] of cases) {
      const audio = decodeWav(wav(format, bits, 1, 8000, 10, (v, at) => write(v, at)));
      expect(audio.sampleRate).toBe(8000);
      expect(audio.samples[9]).toBeCloseTo(half, 3);
    }
  });

  it('reads negative 24-bit samples', () => {
    const audio = decodeWav(
      wav(1, 24, 1, 16000, 1, (v, at) => {
        v.setUint8(at, 0);
        v.setUint8(at + 1, 0);
        v.setUint8(at + 2, 0xc0);
      }),
    );
    expect(audio.samples[0]).toBeCloseTo(-0.5, 5);
  });

  it('averages stereo to mono', () => {
    const audio = decodeWav(wav(1, 16, 2, 44100, 4, (v, at, _i, c) => v.setInt16(at, c === 0 ? 16384 : 0, true)));
    expect(audio.samples).toHaveLength(4);
    expect(audio.samples[0]).toBeCloseTo(0.25, 4);
  });

  it('round-trips through encodeWav16', () => {
    const samples = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) * 0.5);
    const back = decodeWav(encodeWav16({ sampleRate: 16000, samples }));
    expect(back.samples[37]).toBeCloseTo(samples[37]!, 3);
  });

  it('rejects what is not a WAV file, or an encoding it does not know', () => {
    expect(() => decodeWav(new TextEncoder().encode('hello, this is text'))).toThrow(AudioFormatError);
    expect(() => decodeWav(wav(2, 4, 1, 8000, 4, () => {}))).toThrow(/unsupported WAV encoding/);
    expect(() => decodeWav(wav(1, 16, 1, 8000, 10, () => {}).subarray(0, 30))).toThrow(AudioFormatError);
  });
});

describe('resample', () => {
  it('keeps a 440 Hz tone at 440 Hz from 44.1 kHz to 16 kHz', () => {
    const from = Float32Array.from({ length: 44100 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 44100));
    const to = resample(from, 44100, 16000);
    expect(to.length).toBe(16000);
    let crossings = 0;
    for (let i = 1; i < to.length; i++) if (to[i - 1]! < 0 && to[i]! >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(439);
    expect(crossings).toBeLessThanOrEqual(441);
    const peak = Math.max(...to.subarray(1000, 15000));
    expect(peak).toBeGreaterThan(0.95);
  });

  it('removes a tone above the new Nyquist frequency instead of aliasing it', () => {
    const from = Float32Array.from({ length: 48000 }, (_, i) => Math.sin((2 * Math.PI * 12000 * i) / 48000));
    const to = resample(from, 48000, 16000);
    const rms = Math.sqrt(to.subarray(1000, 15000).reduce((s, x) => s + x * x, 0) / 14000);
    expect(rms).toBeLessThan(0.05);
  });
});
