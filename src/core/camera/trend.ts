import type { CameraReport } from './types.js';

/**
 * The camera measures followed over time, each a percentage (0–100): looking at the screen (of the
 * time the face was visible), face visible and well framed (of the answer's time), and fidgeting
 * (share of 2 s windows with more head movement than a still speaker).
 */
export interface CameraMeasures {
  lookingAtScreenPct: number;
  faceVisiblePct: number;
  wellFramedPct: number;
  fidgetingPct: number;
}

/** A spoken answer recorded on camera, with its measures at the time it was saved. */
export interface DatedCamera extends CameraMeasures {
  attemptId: string;
  questionId: string;
  answeredAt: string;
  /** True when the report itself said the signal could not be trusted (too dark, too slow, face rarely found). */
  isUnreliable: boolean;
}

/** The camera over time: each answer recorded on camera, oldest first, and the mean over all of them. */
export interface CameraTrend {
  answers: DatedCamera[];
  /** Null when no answer was recorded on camera. */
  mean: CameraMeasures | null;
}

const round = (x: number) => Math.round(x);

/** The followed measures of one camera report. */
export function cameraMeasures(report: Pick<CameraReport, keyof CameraMeasures>): CameraMeasures {
  return {
    lookingAtScreenPct: round(report.lookingAtScreenPct),
    faceVisiblePct: round(report.faceVisiblePct),
    wellFramedPct: round(report.wellFramedPct),
    fidgetingPct: round(report.fidgetingPct),
  };
}

/** The mean of several answers' camera measures (whole percentages); null for none. */
export function meanCameraMeasures(measures: readonly CameraMeasures[]): CameraMeasures | null {
  if (measures.length === 0) return null;
  const mean = (pick: (m: CameraMeasures) => number) => round(measures.reduce((n, m) => n + pick(m), 0) / measures.length);
  return {
    lookingAtScreenPct: mean((m) => m.lookingAtScreenPct),
    faceVisiblePct: mean((m) => m.faceVisiblePct),
    wellFramedPct: mean((m) => m.wellFramedPct),
    fidgetingPct: mean((m) => m.fidgetingPct),
  };
}

/** Answers recorded on camera in time order, with their measures and the mean. */
export function cameraTrend(recorded: ReadonlyArray<{ attemptId: string; questionId: string; answeredAt: string; camera: CameraReport }>): CameraTrend {
  const answers = [...recorded]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((r) => ({
      attemptId: r.attemptId,
      questionId: r.questionId,
      answeredAt: r.answeredAt,
      isUnreliable: r.camera.reliability.isUnreliable,
      ...cameraMeasures(r.camera),
    }));
  return { answers, mean: meanCameraMeasures(answers) };
}
