import { describe, expect, it } from 'vitest';
import { calibrateBaseline, defaultCameraParameters, measureCamera, type CameraFrame, type FaceObservation } from './index.js';

const params = defaultCameraParameters();

/** Deterministic noise in [-1, 1] (a linear congruential generator). */
function noise(seed = 7): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 1073741824 - 1;
  };
}

/** A frontal, well lit, well framed face looking into the camera (with landmark noise). */
function face(overrides: Partial<FaceObservation> = {}, jitter = noise()): FaceObservation {
  return {
    box: { x: 0.35 + 0.002 * jitter(), y: 0.25, width: 0.3, height: 0.4 },
    confidence: 0.95,
    yawDeg: 0.3 * jitter(),
    pitchDeg: 0.3 * jitter(),
    rollDeg: 0.3 * jitter(),
    irisH: 0.5 + 0.01 * jitter(),
    irisV: 0.5 + 0.01 * jitter(),
    brightness: 120,
    ...overrides,
  };
}

/** `seconds` of frames at `fps`, each made by `make(t)` (undefined: nobody in the frame). */
function stream(seconds: number, fps: number, make: (t: number) => FaceObservation | undefined): CameraFrame[] {
  const frames: CameraFrame[] = [];
  for (let i = 0; i < seconds * fps; i++) {
    const atSec = i / fps;
    const f = make(atSec);
    frames.push(f ? { atSec, face: f } : { atSec });
  }
  return frames;
}

const straight = { yawDeg: 0, pitchDeg: 0, irisH: 0.5, irisV: 0.5 };
const codes = (frames: CameraFrame[], baseline = straight) =>
  measureCamera({ frames, durationSec: frames.length > 0 ? frames.at(-1)!.atSec + 0.125 : 0, baseline }).findings.map((f) => f.code);

describe('camera report on synthetic frame streams', () => {
  it('a still, framed, well lit face looking at the camera gets full marks and no advice', () => {
    const j = noise();
    const report = measureCamera({ frames: stream(30, 8, () => face({}, j)), durationSec: 30, baseline: straight });
    expect(report).toMatchObject({
      faceVisiblePct: 100,
      wellFramedPct: 100,
      lookingAtScreenPct: 100,
      lookingDownPct: 0,
      headMovement: 'steady',
      tooDimPct: 0,
      longestLookAwaySec: 0,
    });
    expect(report.reliability).toEqual({ gaze: 'eyes-and-head', isUnreliable: false, reasons: [] });
    expect(report.findings).toEqual([]);
    expect(report.framesPerSecond).toBeCloseTo(8, 0);
  });

  it('glances under a second are not look-aways; a 3 s look down is one, at the right moment', () => {
    const j = noise();
    const glancesOnly = stream(30, 8, (t) => face(t % 6 >= 3 && t % 6 < 3.5 ? { pitchDeg: 20, irisV: 0.6 } : {}, j));
    const glances = measureCamera({ frames: glancesOnly, durationSec: 30, baseline: straight });
    expect(glances.lookAways).toEqual([]);
    expect(glances.lookingAtScreenPct).toBe(100);

    const withNotes = stream(30, 8, (t) => face((t % 6 >= 3 && t % 6 < 3.5) || (t >= 17 && t < 20) ? { pitchDeg: 20, irisV: 0.6 } : {}, j));
    const report = measureCamera({ frames: withNotes, durationSec: 30, baseline: straight });
    expect(report.lookAways).toHaveLength(1);
    expect(report.lookAways[0]!.direction).toBe('down');
    expect(report.lookAways[0]!.startSec).toBeCloseTo(17, 0);
    expect(report.lookAways[0]!.endSec).toBeCloseTo(20, 0);
    expect(report.longestLookAwaySec).toBeCloseTo(3, 0);
    expect(report.lookingDownPct).toBeGreaterThanOrEqual(9);
    expect(report.lookingDownPct).toBeLessThanOrEqual(11);
    expect(report.findings.map((f) => f.code)).toEqual([]);
  });

  it('reading notes for a long stretch is flagged as looking down, with the moment to replay', () => {
    const j = noise();
    const frames = stream(30, 8, (t) => face(t >= 10 && t < 20 ? { pitchDeg: 21 } : {}, j));
    const report = measureCamera({ frames, durationSec: 30, baseline: straight });
    const down = report.findings.find((f) => f.code === 'looking-down');
    expect(down?.moments[0]?.startSec).toBeCloseTo(10, 0);
    expect(down?.message).toMatch(/notes/);
    expect(report.findings.map((f) => f.code)).toContain('long-look-away');
    expect(report.lookingAtScreenPct).toBeGreaterThanOrEqual(64);
    expect(report.lookingAtScreenPct).toBeLessThanOrEqual(69);
  });

  it('eyes alone moving down count as looking down when the iris points are steady', () => {
    const j = noise();
    const frames = stream(20, 8, (t) => face(t >= 5 && t < 15 ? { irisV: 0.58 } : {}, j));
    expect(measureCamera({ frames, durationSec: 20, baseline: straight }).lookingDownPct).toBeGreaterThanOrEqual(45);
  });

  it('a camera beside the screen reads as looking away without calibration and as looking at the screen with it', () => {
    const j = noise();
    const beside = () => face({ yawDeg: 18 + 0.3 * j(), pitchDeg: -6 + 0.3 * j(), irisH: 0.42 }, j);
    const calibration = stream(3, 8, beside);
    const answer = stream(20, 8, beside);
    const uncalibrated = measureCamera({ frames: answer, durationSec: 20 });
    expect(uncalibrated.lookingAtScreenPct).toBe(0);
    expect(uncalibrated.reliability.reasons.join()).toMatch(/no calibration/);

    const baseline = calibrateBaseline(calibration, params);
    expect(baseline?.yawDeg).toBeCloseTo(18, 0);
    expect(baseline?.irisH).toBeCloseTo(0.42, 2);
    const calibrated = measureCamera({ frames: answer, durationSec: 20, baseline });
    expect(calibrated.lookingAtScreenPct).toBe(100);
    expect(calibrated.findings).toEqual([]);
  });

  it('calibration without a face in most frames gives no baseline', () => {
    expect(
      calibrateBaseline(
        stream(3, 8, (t) => (t < 1 ? face() : undefined)),
        params,
      ),
    ).toBeUndefined();
  });

  it.each([5, 8, 15, 30])('fidgeting is told from sitting still at %i frames a second', (fps) => {
    const j = noise(fps);
    const still = stream(20, fps, () => face({}, j));
    const fidget = stream(20, fps, (t) => {
      const swing = Math.sin(2 * Math.PI * 0.8 * t);
      return face({ box: { x: 0.35 + 0.04 * swing, y: 0.25, width: 0.3, height: 0.4 }, yawDeg: 8 * swing, rollDeg: 6 * swing }, j);
    });
    expect(measureCamera({ frames: still, durationSec: 20, baseline: straight }).headMovement).toBe('steady');
    const report = measureCamera({ frames: fidget, durationSec: 20, baseline: straight });
    expect(report.headMovement).toBe('fidgeting');
    expect(report.findings.map((f) => f.code)).toContain('fidgeting');
  });

  it('a face lost for 6 s is reported with that moment; the missing time is not a look away', () => {
    const j = noise();
    const frames = stream(30, 8, (t) => (t >= 10 && t < 16 ? undefined : face({}, j)));
    const report = measureCamera({ frames, durationSec: 30, baseline: straight });
    expect(report.faceVisiblePct).toBe(80);
    expect(report.lookingAtScreenPct).toBe(100);
    expect(report.lookAways).toEqual([]);
    const lost = report.findings.find((f) => f.code === 'face-not-visible');
    expect(lost?.moments).toEqual([{ startSec: 10, endSec: 16 }]);
  });

  it('a face half out of the frame or far away is badly framed, with advice that fits', () => {
    const j = noise();
    const half = measureCamera({
      frames: stream(10, 8, () => face({ box: { x: 0.75, y: 0.25, width: 0.46, height: 0.5 } }, j)),
      durationSec: 10,
      baseline: straight,
    });
    expect(half.wellFramedPct).toBe(0);
    expect(half.findings.find((f) => f.code === 'badly-framed')?.message).toMatch(/outside the picture/);
    const far = measureCamera({
      frames: stream(10, 8, () => face({ box: { x: 0.45, y: 0.4, width: 0.08, height: 0.1 } }, j)),
      durationSec: 10,
      baseline: straight,
    });
    expect(far.findings.find((f) => f.code === 'badly-framed')?.message).toMatch(/sit closer/);
  });

  it('dim light is flagged, and jittery eye points switch gaze to head pose only and say so', () => {
    const j = noise();
    const dim = stream(20, 8, () => face({ brightness: 20, irisH: 0.5 + 0.1 * j(), irisV: 0.5 + 0.1 * j() }, j));
    const report = measureCamera({ frames: dim, durationSec: 20, baseline: straight });
    expect(report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['too-dim', 'signal-unreliable']));
    expect(report.reliability.gaze).toBe('head-only');
    // the jittery iris would otherwise read as constant glancing down and sideways
    expect(report.lookingAtScreenPct).toBe(100);
  });

  it('a camera analysed too slowly makes the figures approximate', () => {
    const j = noise();
    const report = measureCamera({ frames: stream(20, 1, () => face({}, j)), durationSec: 20, baseline: straight });
    expect(report.reliability.isUnreliable).toBe(true);
    expect(report.findings.find((f) => f.code === 'signal-unreliable')?.message).toMatch(/1 frames a second/);
  });

  it('smiling is measured when the emotion score is present and never advised on', () => {
    const j = noise();
    const frames = stream(10, 8, (t) => face({ happy: t < 5 ? 0.9 : 0.1 }, j));
    const report = measureCamera({ frames, durationSec: 10, baseline: straight });
    expect(report.smilingPct).toBe(50);
    expect(codes(frames)).toEqual([]);
  });

  it('no frames at all gives an empty report without advice', () => {
    const report = measureCamera({ frames: [], durationSec: 0 });
    expect(report.framesAnalysed).toBe(0);
    expect(report.findings).toEqual([]);
  });
});
