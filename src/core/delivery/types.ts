/** The delivery finding codes: a public contract. */
export const DELIVERY_CODES = ['too-fast', 'too-slow', 'long-pauses', 'fillers', 'monotone', 'too-quiet', 'slow-start', 'over-time'] as const;
export type DeliveryCode = (typeof DELIVERY_CODES)[number];

/** One piece of delivery advice: what happened, what to do, and when (seconds from the start). */
export interface DeliveryFinding {
  code: DeliveryCode;
  message: string;
  atSec: number;
}

/** How an answer was spoken: the `delivery` object of the public contract. */
export interface Delivery {
  durationSec: number;
  speakingSec: number;
  wordsPerMinute: number;
  /** Silences between words longer than 1.5 s. */
  pauses: Array<{ startSec: number; endSec: number }>;
  /** Approximate: speech recognition drops or invents some hesitations. */
  fillers: Array<{ word: string; count: number }>;
  pitchVariationSemitones: number;
  /** Speech level, dBFS (the 80th percentile of 10 ms frame levels while speaking). */
  loudnessDb: number;
  findings: DeliveryFinding[];
}

/** A stretch of transcript with the time it was spoken. */
export interface TranscriptSegment {
  startSec: number;
  endSec: number;
  text: string;
}
