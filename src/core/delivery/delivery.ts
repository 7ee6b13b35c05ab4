import type { QuestionKind } from '../types.js';
import { percentile } from './energy.js';
import { countFillers, findFillers, transcriptWords, type FillerHit } from './fillers.js';
import { defaultDeliveryParameters, type DeliveryParameters } from './params.js';
import { pitchTrack, pitchVariationSemitones, type PitchPoint } from './pitch.js';
import type { Delivery, DeliveryFinding, TranscriptSegment } from './types.js';
import { detectVoiceActivity, pausesBetween, type TimeSpan, type VoiceActivity } from './vad.js';

/** What the delivery report is computed from: mono audio and its timed transcript. */
export interface DeliveryInput {
  samples: Float32Array;
  sampleRate: number;
  transcript: TranscriptSegment[];
  /** The question's kind sets the expected length; without it length is not judged. */
  questionKind?: QuestionKind;
  /** Voice activity already computed for these samples (the transcriber computes it too). */
  activity?: VoiceActivity;
}

/** Expected answer length by kind (seconds): about 1-2 minutes technical, 2-3 behavioural. */
const LENGTH_LIMIT_SEC: Partial<Record<QuestionKind, number>> & { default: number } = { behavioral: 180, experience: 180, default: 120 };

/** Measures how an answer was spoken and says what to change, each with the moment it happened. */
export function measureDelivery(input: DeliveryInput, params: DeliveryParameters = defaultDeliveryParameters()): Delivery {
  const { samples, sampleRate } = input;
  const activity = input.activity ?? detectVoiceActivity(samples, sampleRate, params);
  const speech = activity.segments;
  const durationSec = samples.length / sampleRate;
  const speakingSec = speech.reduce((sum, s) => sum + s.endSec - s.startSec, 0);
  const words = input.transcript.flatMap((segment) => transcriptWords(segment.text).map(() => segment));
  const wordsPerMinute = speakingSec > 0 ? (words.length / speakingSec) * 60 : 0;
  const pauses = pausesBetween(speech, params.longPauseSec);
  const fillerHits = findFillers(transcriptWords(input.transcript.map((s) => s.text).join(' ')));
  const pitch = pitchTrack(samples, sampleRate, speech, params);
  const loudnessDb = speechLevelDb(activity, speech);
  const facts: DeliveryFacts = { input, params, activity, speech, durationSec, speakingSec, wordsPerMinute, pauses, fillerHits, pitch, loudnessDb };
  return {
    durationSec: round(durationSec, 2),
    speakingSec: round(speakingSec, 2),
    wordsPerMinute: round(wordsPerMinute, 1),
    pauses: pauses.map((p) => ({ startSec: round(p.startSec, 2), endSec: round(p.endSec, 2) })),
    fillers: countFillers(fillerHits),
    pitchVariationSemitones: round(pitchVariationSemitones(pitch), 2),
    loudnessDb: round(loudnessDb, 1),
    findings: DELIVERY_CHECKS.flatMap((check) => check(facts) ?? []).sort((a, b) => a.atSec - b.atSec),
  };
}

interface DeliveryFacts {
  input: DeliveryInput;
  params: DeliveryParameters;
  activity: VoiceActivity;
  speech: TimeSpan[];
  durationSec: number;
  speakingSec: number;
  wordsPerMinute: number;
  pauses: TimeSpan[];
  fillerHits: FillerHit[];
  pitch: PitchPoint[];
  loudnessDb: number;
}

type DeliveryCheck = (facts: DeliveryFacts) => DeliveryFinding | undefined;

/** 80th percentile of frame levels inside the spans: the level of the voiced syllables. */
function speechLevelDb(activity: VoiceActivity, spans: TimeSpan[]): number {
  const levels: number[] = [];
  for (const span of spans) {
    const last = Math.min(activity.levelsDb.length, Math.round(span.endSec / activity.frameSec));
    for (let f = Math.round(span.startSec / activity.frameSec); f < last; f++) levels.push(activity.levelsDb[f]!);
  }
  return levels.length > 0 ? percentile(levels, 80) : -120;
}

const checkPace: DeliveryCheck = ({ input, params, wordsPerMinute, speech }) => {
  if (wordsPerMinute === 0) return undefined;
  const first = speech[0]?.startSec ?? 0;
  if (wordsPerMinute > params.tooFastWpm) {
    const at = extremeRateSegment(input.transcript, 'fastest')?.startSec ?? first;
    return finding(
      'too-fast',
      `You spoke at about ${Math.round(wordsPerMinute)} words a minute; slow to about 140-160 so the interviewer can follow, and let key numbers land.`,
      at,
    );
  }
  if (wordsPerMinute < params.tooSlowWpm) {
    const at = extremeRateSegment(input.transcript, 'slowest')?.startSec ?? first;
    return finding(
      'too-slow',
      `You spoke at about ${Math.round(wordsPerMinute)} words a minute; aim for 120-160 by outlining your answer first, so fewer words need searching for.`,
      at,
    );
  }
  return undefined;
};

/** The transcript segment (of 5 words or more) spoken fastest or slowest. */
function extremeRateSegment(segments: TranscriptSegment[], which: 'fastest' | 'slowest'): TranscriptSegment | undefined {
  const rated = segments
    .map((s) => ({ s, rate: transcriptWords(s.text).length / Math.max(0.1, s.endSec - s.startSec) }))
    .filter((r) => transcriptWords(r.s.text).length >= 5);
  rated.sort((a, b) => (which === 'fastest' ? b.rate - a.rate : a.rate - b.rate));
  return rated[0]?.s;
}

const checkPauses: DeliveryCheck = ({ input, pauses }) => {
  if (pauses.length === 0) return undefined;
  const longest = pauses.reduce((a, b) => (b.endSec - b.startSec > a.endSec - a.startSec ? b : a));
  const seconds = (longest.endSec - longest.startSec).toFixed(1);
  const where = wordsBefore(input.transcript, longest.startSec);
  const count = pauses.length === 1 ? 'One long pause' : `${pauses.length} long pauses`;
  return finding(
    'long-pauses',
    `${count}; the longest, ${seconds} s, came${where ? ` after “…${where}”` : ''}. If you need time to think, say so ("let me think about that") or bridge with your structure ("the second part is…").`,
    longest.startSec,
  );
};

/** The last few words spoken before a moment. */
function wordsBefore(segments: TranscriptSegment[], atSec: number): string {
  const before = segments.filter((s) => s.startSec < atSec);
  const words = before.flatMap((s) => s.text.split(/\s+/).filter(Boolean));
  return words
    .slice(-4)
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
}

const checkFillers: DeliveryCheck = ({ input, params, fillerHits, speakingSec }) => {
  if (fillerHits.length < 2 || speakingSec === 0) return undefined;
  const perMinute = (fillerHits.length / speakingSec) * 60;
  if (perMinute <= params.fillersPerMinute) return undefined;
  const top = countFillers(fillerHits)
    .slice(0, 3)
    .map((f) => `“${f.word}” ×${f.count}`)
    .join(', ');
  const at = wordTimeSec(input.transcript, fillerHits[0]!.wordIndex);
  return finding(
    'fillers',
    `About ${perMinute.toFixed(1)} filler words a minute (${top}; counts are approximate). Replace them with a short silent pause: it sounds more confident.`,
    at,
  );
};

/** When a word (by its index in the whole transcript) was spoken, spreading words evenly over their segment. */
function wordTimeSec(segments: TranscriptSegment[], wordIndex: number): number {
  let remaining = wordIndex;
  for (const s of segments) {
    const count = transcriptWords(s.text).length;
    if (remaining < count) return s.startSec + ((remaining + 0.5) / count) * (s.endSec - s.startSec);
    remaining -= count;
  }
  return segments[segments.length - 1]?.endSec ?? 0;
}

const checkMonotone: DeliveryCheck = ({ params, pitch, speech }) => {
  if (pitch.length < 50) return undefined;
  const variation = pitchVariationSemitones(pitch);
  if (variation >= params.monotoneSemitones) return undefined;
  const flattest = flattestSpan(pitch, speech) ?? speech[0];
  return finding(
    'monotone',
    `Your pitch barely moved (${variation.toFixed(1)} semitones of variation): stress the key words and let your voice rise and fall, as if explaining to a colleague at a whiteboard.`,
    flattest?.startSec ?? 0,
  );
};

function flattestSpan(pitch: PitchPoint[], speech: TimeSpan[]): TimeSpan | undefined {
  const scored = speech
    .map((span) => ({ span, points: pitch.filter((p) => p.atSec >= span.startSec && p.atSec < span.endSec) }))
    .filter((s) => s.points.length >= 20)
    .map((s) => ({ span: s.span, variation: pitchVariationSemitones(s.points) }));
  scored.sort((a, b) => a.variation - b.variation);
  return scored[0]?.span;
}

const checkLoudness: DeliveryCheck = ({ params, activity, speech, loudnessDb }) => {
  if (speech.length === 0) return undefined;
  if (loudnessDb < params.tooQuietDb) {
    return finding(
      'too-quiet',
      `Your voice is quiet throughout (${Math.round(loudnessDb)} dBFS): move closer to the microphone or speak up, as if to the back of a meeting room.`,
      speech[0]!.startSec,
    );
  }
  const quiet = speech.find((span) => span.endSec - span.startSec >= 1 && speechLevelDb(activity, [span]) < params.tooQuietDb);
  if (!quiet) return undefined;
  return finding(
    'too-quiet',
    `Your voice dropped too quiet here (${Math.round(speechLevelDb(activity, [quiet]))} dBFS): keep your volume up to the end of each point.`,
    quiet.startSec,
  );
};

const checkStart: DeliveryCheck = ({ params, speech }) => {
  const first = speech[0];
  if (!first || first.startSec <= params.slowStartSec) return undefined;
  return finding(
    'slow-start',
    `${first.startSec.toFixed(1)} s of silence before your first word: start with a one-sentence summary of your answer, then fill in the detail.`,
    0,
  );
};

const checkLength: DeliveryCheck = ({ input, speech }) => {
  if (!input.questionKind || speech.length === 0) return undefined;
  const limit = LENGTH_LIMIT_SEC[input.questionKind] ?? LENGTH_LIMIT_SEC.default;
  const start = speech[0]!.startSec;
  const length = speech[speech.length - 1]!.endSec - start;
  if (length <= limit) return undefined;
  return finding(
    'over-time',
    `The answer ran ${formatMinutes(length)}; for this kind of question aim for under ${formatMinutes(limit)}: lead with the result, and keep detail for the follow-ups.`,
    start + limit,
  );
};

const DELIVERY_CHECKS: readonly DeliveryCheck[] = [checkStart, checkPace, checkPauses, checkFillers, checkMonotone, checkLoudness, checkLength];

function finding(code: DeliveryFinding['code'], message: string, atSec: number): DeliveryFinding {
  return { code, message, atSec: round(atSec, 2) };
}

function formatMinutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
