import type { CameraParameters } from './params.js';
import type { FaceObservation, Moment } from './types.js';

/** A face with the time it was seen. */
export interface TimedFace {
  atSec: number;
  face: FaceObservation;
}

/** Fixed windows of `windowSec` over the answer, each with the faces seen in it. */
export function windowsOf(faces: TimedFace[], durationSec: number, windowSec: number): Array<Moment & { faces: TimedFace[] }> {
  const windows: Array<Moment & { faces: TimedFace[] }> = [];
  for (let start = 0; start < durationSec; start += windowSec) {
    const end = Math.min(durationSec, start + windowSec);
    windows.push({ startSec: start, endSec: end, faces: faces.filter((f) => f.atSec >= start && f.atSec < end) });
  }
  return windows;
}

function spread(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

/**
 * Head movement in one window, as dispersion (not frame-to-frame change, so landmark noise does
 * not grow with the frame rate): σ of the face centre in face widths, and the root mean square of
 * the σs of yaw, pitch and roll.
 */
export function movementOf(faces: TimedFace[]): { centreSpread: number; angleSpreadDeg: number } {
  const width = faces.reduce((sum, f) => sum + f.face.box.width, 0) / faces.length;
  const cx = faces.map((f) => (f.face.box.x + f.face.box.width / 2) / width);
  const cy = faces.map((f) => (f.face.box.y + f.face.box.height / 2) / width);
  const angles = [spread(faces.map((f) => f.face.yawDeg)), spread(faces.map((f) => f.face.pitchDeg)), spread(faces.map((f) => f.face.rollDeg))];
  return {
    centreSpread: Math.hypot(spread(cx), spread(cy)),
    angleSpreadDeg: Math.sqrt(angles.reduce((sum, a) => sum + a * a, 0) / 3),
  };
}

/** Windows (with at least 3 faces) where the head moved more than a still speaker's does. */
export function fidgetWindows(faces: TimedFace[], durationSec: number, params: CameraParameters): { judged: number; fidgety: Moment[] } {
  const windows = windowsOf(faces, durationSec, params.movementWindowSec).filter((w) => w.faces.length >= 3);
  const fidgety = windows.filter((w) => {
    const m = movementOf(w.faces);
    return m.centreSpread > params.fidgetCentreSpread || m.angleSpreadDeg > params.fidgetAngleSpreadDeg;
  });
  return { judged: windows.length, fidgety: fidgety.map(({ startSec, endSec }) => ({ startSec, endSec })) };
}

/**
 * Windows where the iris points jitter (σ of the horizontal iris position above the limit): dim
 * light, glare on glasses or a noisy webcam. Eyes are then not used for gaze.
 */
export function jitteryIrisWindows(faces: TimedFace[], durationSec: number, params: CameraParameters): { judged: number; jittery: Moment[] } {
  const withIris = faces.filter((f) => f.face.irisH !== undefined);
  const windows = windowsOf(withIris, durationSec, params.reliabilityWindowSec).filter((w) => w.faces.length >= 3);
  const jittery = windows.filter((w) => spread(w.faces.map((f) => f.face.irisH!)) > params.irisJitter);
  return { judged: windows.length, jittery: jittery.map(({ startSec, endSec }) => ({ startSec, endSec })) };
}

/** Joins touching or overlapping moments (sorted by start). */
export function mergeMoments(moments: Moment[]): Moment[] {
  const merged: Moment[] = [];
  for (const m of [...moments].sort((a, b) => a.startSec - b.startSec)) {
    const last = merged.at(-1);
    if (last && m.startSec <= last.endSec + 1e-9) last.endSec = Math.max(last.endSec, m.endSec);
    else merged.push({ ...m });
  }
  return merged;
}
