/** A face's bounding box as fractions of the frame (0..1; may stray outside when the face is cut off). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the face model saw of the face in one camera frame. */
export interface FaceObservation {
  box: FaceBox;
  /** Face detector score, 0..1. */
  confidence: number;
  /** Head pose in degrees; pitch grows when the head tilts down. */
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /**
   * Iris position inside the eye, averaged over both eyes: 0.5 is centred; `irisV` grows as the
   * eyes look down. Absent when the model found no iris points.
   */
  irisH?: number;
  irisV?: number;
  /** Mean luma (0..255) inside the face box. */
  brightness: number;
  /** The emotion model's "happy" score (0..1), when it ran: the only emotion it reads reliably. */
  happy?: number;
}

/** One analysed camera frame: when it was taken (seconds from the start of the answer) and the face, if any. */
export interface CameraFrame {
  atSec: number;
  face?: FaceObservation;
}

/** The user's own "looking at the screen" pose, measured while they look at the dot beside the camera. */
export interface CameraBaseline {
  yawDeg: number;
  pitchDeg: number;
  irisH?: number;
  irisV?: number;
}

/** Where the user looked in a frame, relative to their baseline. */
export type Attention = 'screen' | 'down' | 'up' | 'side' | 'no-face';

/** The camera finding codes: a public contract. */
export const CAMERA_CODES = [
  'face-not-visible',
  'badly-framed',
  'looking-away',
  'long-look-away',
  'looking-down',
  'fidgeting',
  'too-dim',
  'signal-unreliable',
] as const;
export type CameraCode = (typeof CAMERA_CODES)[number];

/** A stretch of the recording (seconds from the start). */
export interface Moment {
  startSec: number;
  endSec: number;
}

/** A look away from the screen of at least the glance limit (1 s by default). */
export interface LookAway extends Moment {
  direction: Exclude<Attention, 'screen' | 'no-face'>;
}

/** One piece of camera advice: what happened and what to do, with the moments it happened. */
export interface CameraFinding {
  code: CameraCode;
  message: string;
  /** The first moment (seconds), for a timeline link. */
  atSec: number;
  moments: Moment[];
}

/** How far the gaze signal can be trusted, and why not. */
export interface CameraReliability {
  /** 'eyes-and-head': iris and head pose; 'head-only': the iris points were too jittery (or absent) to use. */
  gaze: 'eyes-and-head' | 'head-only';
  /** True when the camera was too slow, too dark or the face too rarely found to judge at all. */
  isUnreliable: boolean;
  reasons: string[];
}

/** What the camera saw during an answer. Percentages are of the answer's time (0..100). */
export interface CameraReport {
  durationSec: number;
  framesAnalysed: number;
  framesPerSecond: number;
  faceVisiblePct: number;
  wellFramedPct: number;
  /** Of the time the face was visible: looking at the screen (glances under the limit count as looking). */
  lookingAtScreenPct: number;
  lookingAwayPct: number;
  longestLookAwaySec: number;
  /** Of the time the face was visible: looking down (notes, keyboard). */
  lookingDownPct: number;
  /** Share of 2 s windows with more head movement than a still speaker. */
  fidgetingPct: number;
  headMovement: 'steady' | 'fidgeting';
  tooDimPct: number;
  /** Informational only: share of face-visible time the face model read as smiling. */
  smilingPct?: number;
  lookAways: LookAway[];
  reliability: CameraReliability;
  findings: CameraFinding[];
}
