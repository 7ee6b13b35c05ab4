import type { CameraParameters } from './params.js';
import type { Attention, CameraBaseline, CameraFrame, FaceObservation, LookAway, Moment } from './types.js';

/** The frame's face, if the detector was sure enough it is one. */
export function visibleFace(frame: CameraFrame, params: CameraParameters): FaceObservation | undefined {
  return frame.face && frame.face.confidence >= params.minFaceConfidence ? frame.face : undefined;
}

/** True when the face box lies inside the frame (give or take a margin) at a sensible size. */
export function isWellFramed(face: FaceObservation, params: CameraParameters): boolean {
  const { x, y, width, height } = face.box;
  const mx = width * params.framingMarginOfFace;
  const my = height * params.framingMarginOfFace;
  const inside = x >= -mx && y >= -my && x + width <= 1 + mx && y + height <= 1 + my;
  return inside && width >= params.minFaceWidth && width <= params.maxFaceWidth;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The calibrated "looking at the screen" pose: medians of head pose and iris position over the
 * calibration frames (the user looks at the dot beside the camera). Webcams beside the screen give
 * 15-20° of yaw; without this baseline that would read as always looking away. Undefined when the
 * face was found in too few frames to trust.
 */
export function calibrateBaseline(frames: CameraFrame[], params: CameraParameters): CameraBaseline | undefined {
  const faces = frames.map((f) => visibleFace(f, params)).filter((f): f is FaceObservation => f !== undefined);
  if (faces.length === 0 || faces.length < frames.length * params.calibrationMinFaceShare) return undefined;
  const irisH = faces.map((f) => f.irisH).filter((v): v is number => v !== undefined);
  const irisV = faces.map((f) => f.irisV).filter((v): v is number => v !== undefined);
  return {
    yawDeg: median(faces.map((f) => f.yawDeg)),
    pitchDeg: median(faces.map((f) => f.pitchDeg)),
    ...(irisH.length > 0 ? { irisH: median(irisH) } : {}),
    ...(irisV.length > 0 ? { irisV: median(irisV) } : {}),
  };
}

/** The pose a user has when looking straight into the camera, for answers without calibration. */
export const UNCALIBRATED_BASELINE: CameraBaseline = { yawDeg: 0, pitchDeg: 0 };

/**
 * Where the face looks relative to the baseline: head pitch or the iris moving down is "down",
 * head yaw or the iris moving sideways is "side". Iris offsets are used only when `useEyes`
 * (the iris points were steady enough to trust).
 */
export function attentionOf(face: FaceObservation | undefined, baseline: CameraBaseline, useEyes: boolean, params: CameraParameters): Attention {
  if (!face) return 'no-face';
  const pitch = face.pitchDeg - baseline.pitchDeg;
  const yaw = face.yawDeg - baseline.yawDeg;
  const eyesDown = useEyes && face.irisV !== undefined && baseline.irisV !== undefined ? face.irisV - baseline.irisV : 0;
  const eyesSide = useEyes && face.irisH !== undefined && baseline.irisH !== undefined ? face.irisH - baseline.irisH : 0;
  if (pitch > params.screenPitchDownDeg || eyesDown > params.irisDown) return 'down';
  if (pitch < -params.screenPitchUpDeg) return 'up';
  if (Math.abs(yaw) > params.screenYawDeg || Math.abs(eyesSide) > params.irisSide) return 'side';
  return 'screen';
}

/** Majority vote over a centred window of `size` frames (ties keep the frame's own label). */
export function smoothLabels<T>(labels: T[], size: number): T[] {
  const half = Math.floor(size / 2);
  return labels.map((own, i) => {
    const counts = new Map<T, number>();
    for (let j = Math.max(0, i - half); j <= Math.min(labels.length - 1, i + half); j++) counts.set(labels[j]!, (counts.get(labels[j]!) ?? 0) + 1);
    let best = own;
    for (const [label, count] of counts) if (count > counts.get(best)!) best = label;
    return best;
  });
}

/** Runs of the same label, as time spans: each frame lasts until the next one (the last one `lastSec`). */
export function runsOf<T>(labels: T[], times: number[], endSec: number): Array<Moment & { label: T }> {
  const runs: Array<Moment & { label: T }> = [];
  labels.forEach((label, i) => {
    const end = times[i + 1] ?? endSec;
    const last = runs.at(-1);
    if (last && last.label === label) last.endSec = end;
    else runs.push({ label, startSec: times[i]!, endSec: end });
  });
  return runs;
}

/**
 * Looks away of at least the glance limit, with their direction (the most frequent one in the run).
 * A frame without a face interrupts nothing: it is neither a look away nor a look at the screen.
 */
export function findLookAways(labels: Attention[], times: number[], endSec: number, params: CameraParameters): LookAway[] {
  const away = labels.map((l) => (l === 'screen' ? 'screen' : l === 'no-face' ? 'no-face' : 'away'));
  return runsOf(away, times, endSec)
    .filter((run) => run.label === 'away' && run.endSec - run.startSec >= params.glanceSec)
    .map((run) => ({ startSec: run.startSec, endSec: run.endSec, direction: dominantDirection(labels, times, run) }));
}

function dominantDirection(labels: Attention[], times: number[], run: Moment): LookAway['direction'] {
  const counts: Record<LookAway['direction'], number> = { down: 0, up: 0, side: 0 };
  labels.forEach((label, i) => {
    if (times[i]! >= run.startSec && times[i]! < run.endSec && label !== 'screen' && label !== 'no-face') counts[label]++;
  });
  return (Object.keys(counts) as Array<LookAway['direction']>).reduce((a, b) => (counts[b] > counts[a] ? b : a));
}
