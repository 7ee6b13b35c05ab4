/** Every threshold of the delivery report, named, with its reason. All times in seconds. */
export interface DeliveryParameters {
  /** Analysis frame for energy and the VAD: 10 ms. */
  frameSec: number;
  /** Speech starts this far above the noise floor (dB); it ends `hysteresisDb` lower. */
  speechAboveFloorDb: number;
  hysteresisDb: number;
  /** Nothing quieter than this is speech, however quiet the room (dBFS). */
  absoluteSpeechFloorDb: number;
  /** Bursts shorter than this are clicks, not speech. */
  minSpeechSec: number;
  /** Gaps shorter than this are part of speaking (breaths, commas): they count as speaking time. */
  bridgeGapSec: number;
  /** A silence between words longer than this is a long pause (the issue: over 1.5 s). */
  longPauseSec: number;
  /** Speaking pace bands (words per minute); interview coaching commonly aims for 120-160. */
  tooFastWpm: number;
  tooSlowWpm: number;
  /** Fillers per minute above which the report flags them. */
  fillersPerMinute: number;
  /** Standard deviation of pitch (semitones) below which delivery sounds flat. */
  monotoneSemitones: number;
  /** Median speech level (dBFS) below which the recording is too quiet to hear well. */
  tooQuietDb: number;
  /** Silence before the first word longer than this is a slow start. */
  slowStartSec: number;
  /** Pitch search range (Hz): adult voices. */
  minPitchHz: number;
  maxPitchHz: number;
  /** YIN's aperiodicity threshold (de Cheveigné & Kawahara 2002 suggest 0.10-0.15). */
  yinThreshold: number;
  /** Longest recording accepted. */
  maxDurationSec: number;
}

/** The default delivery parameters; pass a partial object to override some. */
export function defaultDeliveryParameters(overrides: Partial<DeliveryParameters> = {}): DeliveryParameters {
  return {
    frameSec: 0.01,
    speechAboveFloorDb: 12,
    hysteresisDb: 4,
    absoluteSpeechFloorDb: -60,
    minSpeechSec: 0.05,
    bridgeGapSec: 0.5,
    longPauseSec: 1.5,
    tooFastWpm: 185,
    tooSlowWpm: 105,
    fillersPerMinute: 4,
    monotoneSemitones: 1.0,
    tooQuietDb: -35,
    slowStartSec: 3,
    minPitchHz: 60,
    maxPitchHz: 400,
    yinThreshold: 0.15,
    maxDurationSec: 600,
    ...overrides,
  };
}
