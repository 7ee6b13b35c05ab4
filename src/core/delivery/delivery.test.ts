import { describe, expect, it } from 'vitest';
import { measureDelivery } from './delivery.js';
import { countFillers, findFillers, transcriptWords } from './fillers.js';
import { defaultDeliveryParameters } from './params.js';
import { pitchTrack, pitchVariationSemitones, yinPitch } from './pitch.js';
import { detectVoiceActivity } from './vad.js';

const RATE = 16_000;
const params = defaultDeliveryParameters();

/** A deterministic "voice": a harmonic tone with a syllable-rate envelope, gliding from f0 to f1 Hz. */
function voiced(seconds: number, f0: number, f1 = f0, amplitude = 0.3): Float32Array {
  const n = Math.round(seconds * RATE);
  const out = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const hz = f0 * (f1 / f0) ** (t / seconds);
    phase += (2 * Math.PI * hz) / RATE;
    const envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
    out[i] = amplitude * envelope * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase));
  }
  return out;
}

/** Low deterministic noise (a linear congruential generator), like a quiet room. */
function room(seconds: number, amplitude = 0.001): Float32Array {
  const n = Math.round(seconds * RATE);
  const out = new Float32Array(n);
  let state = 12345;
  for (let i = 0; i < n; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out[i] = amplitude * (state / 1073741824 - 1);
  }
  return out;
}

function join(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function withNoise(signal: Float32Array): Float32Array {
  const noise = room(signal.length / RATE);
  return signal.map((x, i) => x + noise[i]!);
}

describe('voice activity and pauses', () => {
  it('finds speech spans and exactly the inserted long pause', () => {
    const audio = withNoise(join(room(0.5), voiced(4, 150), room(0.3), voiced(3, 150), room(2.5), voiced(4, 150), room(0.5)));
    const activity = detectVoiceActivity(audio, RATE, params);
    expect(activity.segments).toHaveLength(2); // the 0.3 s gap is bridged
    const delivery = measureDelivery({ samples: audio, sampleRate: RATE, transcript: [] });
    expect(delivery.pauses).toHaveLength(1);
    expect(delivery.pauses[0]!.startSec).toBeCloseTo(7.8, 1);
    expect(delivery.pauses[0]!.endSec).toBeCloseTo(10.3, 1);
    expect(delivery.speakingSec).toBeCloseTo(11.3, 0);
  });

  it('does not call a 1.0 s silence a long pause', () => {
    const audio = withNoise(join(room(0.5), voiced(3, 150), room(1.0), voiced(3, 150), room(0.5)));
    expect(measureDelivery({ samples: audio, sampleRate: RATE, transcript: [] }).pauses).toEqual([]);
  });

  it('flags a slow start at the beginning', () => {
    const audio = withNoise(join(room(4), voiced(3, 150), room(0.5)));
    const codes = measureDelivery({ samples: audio, sampleRate: RATE, transcript: [] }).findings.map((f) => [f.code, f.atSec]);
    expect(codes).toContainEqual(['slow-start', 0]);
  });
});

describe('pitch (YIN)', () => {
  it('reads a steady 150 Hz tone as 150 Hz', () => {
    const frame = voiced(0.032, 150);
    expect(yinPitch(frame, RATE, params)).toBeCloseTo(150, 0);
  });

  it('measures a one-octave sweep as wide and a steady tone as monotone', () => {
    const sweep = voiced(5, 120, 240);
    const steady = voiced(5, 150);
    const span = [{ startSec: 0, endSec: 5 }];
    const sweepVariation = pitchVariationSemitones(pitchTrack(sweep, RATE, span, params));
    expect(sweepVariation).toBeGreaterThan(3); // uniform over 12 semitones: SD ≈ 3.46
    expect(sweepVariation).toBeLessThan(4);
    expect(pitchVariationSemitones(pitchTrack(steady, RATE, span, params))).toBeLessThan(0.1);
  });

  it('flags a monotone delivery but not a lively one', () => {
    const flat = measureDelivery({ samples: withNoise(join(room(0.5), voiced(6, 150), room(0.5))), sampleRate: RATE, transcript: [] });
    const lively = measureDelivery({
      samples: withNoise(join(room(0.5), voiced(3, 110, 220), voiced(3, 220, 110), room(0.5))),
      sampleRate: RATE,
      transcript: [],
    });
    expect(flat.findings.map((f) => f.code)).toContain('monotone');
    expect(lively.findings.map((f) => f.code)).not.toContain('monotone');
  });
});

describe('loudness', () => {
  it('measures a 20 dB gain step and flags where the voice went too quiet', () => {
    const loud = voiced(4, 150, 150, 0.1);
    const quiet = voiced(4, 150, 150, 0.01);
    const audio = withNoise(join(room(0.5), loud, room(2), quiet, room(0.5)));
    const delivery = measureDelivery({ samples: audio, sampleRate: RATE, transcript: [] });
    const tooQuiet = delivery.findings.find((f) => f.code === 'too-quiet');
    expect(tooQuiet?.atSec).toBeCloseTo(6.5, 0);
    const quietOnly = measureDelivery({ samples: withNoise(join(room(0.5), quiet, room(0.5))), sampleRate: RATE, transcript: [] });
    const loudOnly = measureDelivery({ samples: withNoise(join(room(0.5), loud, room(0.5))), sampleRate: RATE, transcript: [] });
    expect(loudOnly.loudnessDb - quietOnly.loudnessDb).toBeCloseTo(20, 0);
    expect(loudOnly.findings.map((f) => f.code)).not.toContain('too-quiet');
  });
});

describe('words per minute and length', () => {
  it('divides transcript words by speaking time', () => {
    const audio = withNoise(join(room(0.5), voiced(10, 150, 200), room(0.5)));
    const text = Array.from({ length: 25 }, (_, i) => `word${i}`).join(' ');
    const delivery = measureDelivery({ samples: audio, sampleRate: RATE, transcript: [{ startSec: 0.5, endSec: 10.5, text }] });
    expect(delivery.wordsPerMinute).toBeGreaterThan(145);
    expect(delivery.wordsPerMinute).toBeLessThan(155);
    expect(delivery.findings.map((f) => f.code)).not.toContain('too-fast');
  });

  it('flags too fast at the fastest stretch, and over time by question kind', () => {
    const audio = withNoise(join(room(0.5), voiced(130, 120, 200), room(0.5)));
    const text = Array.from({ length: 500 }, () => 'word').join(' ');
    const transcript = [{ startSec: 0.5, endSec: 130.5, text }];
    const technical = measureDelivery({ samples: audio, sampleRate: RATE, transcript, questionKind: 'concept' });
    const behavioural = measureDelivery({ samples: audio, sampleRate: RATE, transcript, questionKind: 'behavioral' });
    expect(technical.findings.find((f) => f.code === 'over-time')?.atSec).toBeCloseTo(120.5, 0);
    expect(technical.findings).toContainEqual(expect.objectContaining({ code: 'too-fast', atSec: 0.5 }));
    expect(behavioural.findings.map((f) => f.code)).not.toContain('over-time');
  });
});

describe('fillers', () => {
  const count = (text: string) => countFillers(findFillers(transcriptWords(text)));

  it('counts hesitations and filler phrases', () => {
    expect(count('Um, so I, uh, led the team. You know, it was, like, hard. I mean the cache, sort of, failed.')).toEqual([
      { word: 'i mean', count: 1 },
      { word: 'like', count: 1 },
      { word: 'sort of', count: 1 },
      { word: 'uh', count: 1 },
      { word: 'um', count: 1 },
      { word: 'you know', count: 1 },
    ]);
  });

  it('leaves meaningful "like", "kind of" and "you know" alone', () => {
    expect(count('Services like S3 and DynamoDB. What kind of load? Do you know the limit? I would like a queue.')).toEqual([]);
  });

  it('flags many fillers at the first one', () => {
    const audio = withNoise(join(room(0.5), voiced(10, 120, 200), room(0.5)));
    const text = 'So um the design uh used a queue um and like, a worker, you know, with uh retries and um backoff';
    const delivery = measureDelivery({ samples: audio, sampleRate: RATE, transcript: [{ startSec: 0.5, endSec: 10.5, text }] });
    const flag = delivery.findings.find((f) => f.code === 'fillers');
    expect(flag?.atSec).toBeGreaterThan(0.5);
    expect(flag?.atSec).toBeLessThan(1.5);
    expect(flag?.message).toMatch(/approximate/);
  });
});
