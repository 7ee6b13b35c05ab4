/**
 * Every threshold of the camera report, named, with its reason. Angles in degrees, times in
 * seconds, iris offsets in eye widths, sizes as fractions of the frame or of the face width.
 * Figures from the on-device measurements in research/video.md (human 3.3.6, wasm backend).
 */
export interface CameraParameters {
  /** A face with a detector score below this is not a face. */
  minFaceConfidence: number;
  /** The face box may stick out of the frame by this share of its own size and still be framed. */
  framingMarginOfFace: number;
  /** A well framed face is this wide (share of the frame width): further is too far, nearer too close. */
  minFaceWidth: number;
  maxFaceWidth: number;
  /** The "looking at the screen" cone around the calibrated pose: ±side, down and up limits. */
  screenYawDeg: number;
  screenPitchDownDeg: number;
  screenPitchUpDeg: number;
  /** Iris offsets from the baseline that mean the eyes left the screen (measured: looking down moves v by 0.06+). */
  irisDown: number;
  irisSide: number;
  /** Majority vote over this many frames smooths single-frame noise. */
  smoothingFrames: number;
  /** A look away shorter than this is a glance: people glance while thinking, and it counts as looking. */
  glanceSec: number;
  /** Fidgeting: over each window, dispersion of the face centre (face widths) or of head angles (degrees). */
  movementWindowSec: number;
  fidgetCentreSpread: number;
  fidgetAngleSpreadDeg: number;
  /**
   * Face luma (0..255) below which the light is too dim to see the face well. Luma depends on skin
   * tone as well as on light, so the limit sits well below any well lit face (measured: a darkened
   * fixture 8, research's noisy low-light clip 33; well lit faces 40-120).
   */
  dimBrightness: number;
  /** Iris jitter: σ of the horizontal iris position within a window above this means unreliable eyes (clean 0.006-0.042, noisy low light 0.058). */
  reliabilityWindowSec: number;
  irisJitter: number;
  /** Share of windows with jittery iris above which gaze uses head pose only. */
  jitteryWindowsShare: number;
  /** Happy score above which the face model reads a smile (informational). */
  smileHappy: number;
  /** A frame's time weight is capped here, so a stalled camera does not count as minutes of one pose. */
  maxFrameGapSec: number;
  /** Below this many analysed frames a second, the measures are too coarse to report with confidence. */
  minFramesPerSecond: number;
  /** Report thresholds: a tip when a share (percent) crosses its limit. */
  tipFaceVisibleBelowPct: number;
  tipWellFramedBelowPct: number;
  tipLookingAtScreenBelowPct: number;
  tipLongestLookAwaySec: number;
  tipLookingDownAbovePct: number;
  tipFidgetingAbovePct: number;
  tipTooDimAbovePct: number;
  /** Calibration needs the face in at least this share of its frames. */
  calibrationMinFaceShare: number;
}

/** The default camera parameters; pass a partial object to override some. */
export function defaultCameraParameters(overrides: Partial<CameraParameters> = {}): CameraParameters {
  return {
    minFaceConfidence: 0.5,
    framingMarginOfFace: 0.08,
    minFaceWidth: 0.15,
    maxFaceWidth: 0.9,
    screenYawDeg: 15,
    screenPitchDownDeg: 10,
    screenPitchUpDeg: 12,
    irisDown: 0.06,
    irisSide: 0.18,
    smoothingFrames: 5,
    glanceSec: 1,
    movementWindowSec: 2,
    fidgetCentreSpread: 0.05,
    fidgetAngleSpreadDeg: 3,
    dimBrightness: 30,
    reliabilityWindowSec: 1,
    irisJitter: 0.05,
    jitteryWindowsShare: 0.3,
    smileHappy: 0.6,
    maxFrameGapSec: 0.5,
    minFramesPerSecond: 3,
    tipFaceVisibleBelowPct: 90,
    tipWellFramedBelowPct: 80,
    tipLookingAtScreenBelowPct: 60,
    tipLongestLookAwaySec: 5,
    tipLookingDownAbovePct: 15,
    tipFidgetingAbovePct: 30,
    tipTooDimAbovePct: 30,
    calibrationMinFaceShare: 0.5,
    ...overrides,
  };
}
