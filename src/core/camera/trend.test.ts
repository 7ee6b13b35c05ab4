import { describe, expect, it } from 'vitest';
import { cameraTrend, measureCamera, type CameraFrame, type FaceObservation } from './index.js';

const straight = { yawDeg: 0, pitchDeg: 0, irisH: 0.5, irisV: 0.5 };
const face = (overrides: Partial<FaceObservation> = {}): FaceObservation => ({
  box: { x: 0.35, y: 0.25, width: 0.3, height: 0.4 },
  confidence: 0.95,
  yawDeg: 0,
  pitchDeg: 0,
  rollDeg: 0,
  irisH: 0.5,
  irisV: 0.5,
  brightness: 120,
  ...overrides,
});
const stream = (seconds: number, make: (t: number) => FaceObservation | undefined): CameraFrame[] =>
  Array.from({ length: seconds * 8 }, (_, i) => {
    const f = make(i / 8);
    return f ? { atSec: i / 8, face: f } : { atSec: i / 8 };
  });

/** 20 s looking at the camera. */
const steady = measureCamera({ frames: stream(20, () => face()), durationSec: 20, baseline: straight });
/** 20 s: the first 10 s reading notes (head down), then 5 s out of the frame, then back. */
const distracted = measureCamera({
  frames: stream(20, (t) => (t < 10 ? face({ pitchDeg: 22, irisV: 0.62 }) : t < 15 ? undefined : face())),
  durationSec: 20,
  baseline: straight,
});

describe('the camera over time', () => {
  it('lists each answer recorded on camera oldest first with its four measures, and their mean', () => {
    const trend = cameraTrend([
      { attemptId: 'b', questionId: 'q1', answeredAt: '2026-11-02T10:00:00.000Z', camera: steady },
      { attemptId: 'a', questionId: 'q1', answeredAt: '2026-11-01T10:00:00.000Z', camera: distracted },
    ]);
    expect(trend.answers.map((a) => a.attemptId)).toEqual(['a', 'b']);
    expect(trend.answers[1]).toEqual({
      attemptId: 'b',
      questionId: 'q1',
      answeredAt: '2026-11-02T10:00:00.000Z',
      isUnreliable: false,
      lookingAtScreenPct: 100,
      faceVisiblePct: 100,
      wellFramedPct: 100,
      fidgetingPct: 0,
    });
    const first = trend.answers[0]!;
    expect(first.faceVisiblePct).toBe(75);
    expect(first.lookingAtScreenPct).toBeLessThan(50);
    expect(trend.mean).toEqual({
      lookingAtScreenPct: Math.round((first.lookingAtScreenPct + 100) / 2),
      faceVisiblePct: Math.round((75 + 100) / 2),
      wellFramedPct: Math.round((first.wellFramedPct + 100) / 2),
      fidgetingPct: Math.round(first.fidgetingPct / 2),
    });
  });

  it('has no mean when no answer was recorded on camera', () => {
    expect(cameraTrend([])).toEqual({ answers: [], mean: null });
  });
});
