import { attentionOf, findLookAways, isWellFramed, runsOf, smoothLabels, UNCALIBRATED_BASELINE, visibleFace } from './attention.js';
import { fidgetWindows, jitteryIrisWindows, mergeMoments, type TimedFace } from './movement.js';
import { defaultCameraParameters, type CameraParameters } from './params.js';
import type {
  Attention,
  CameraBaseline,
  CameraCode,
  CameraFinding,
  CameraFrame,
  CameraReliability,
  CameraReport,
  FaceObservation,
  LookAway,
  Moment,
} from './types.js';

/** What the camera report is computed from. */
export interface CameraInput {
  /** Analysed frames in time order, seconds from the start of the answer. */
  frames: CameraFrame[];
  /** Length of the answer; defaults to just after the last frame. */
  durationSec?: number;
  /** From the calibration; without it the camera is assumed straight ahead (and the report says so). */
  baseline?: CameraBaseline;
}

/** Everything the checks look at, measured once. */
interface CameraFacts {
  params: CameraParameters;
  report: Omit<CameraReport, 'findings'>;
  hidden: Moment[];
  unframed: Moment[];
  dim: Moment[];
  fidgety: Moment[];
  framingProblem: 'cut off' | 'too far' | 'too close';
}

/** Measures framing, where the user looked and how still they were, and says what to change, with the moments. */
export function measureCamera(input: CameraInput, params: CameraParameters = defaultCameraParameters()): CameraReport {
  const facts = cameraFacts(input, params);
  const findings = CAMERA_CHECKS.flatMap((check) => check(facts) ?? []);
  return { ...facts.report, findings };
}

/** The frames in time order, each with the time it stands for and its face (if one was found). */
interface Timeline {
  times: number[];
  durationSec: number;
  weights: number[];
  total: number;
  faces: Array<FaceObservation | undefined>;
  timed: TimedFace[];
  visibleTime: number;
}

function timelineOf(input: CameraInput, params: CameraParameters): Timeline {
  const frames = [...input.frames].sort((a, b) => a.atSec - b.atSec);
  const times = frames.map((f) => f.atSec);
  const durationSec = input.durationSec ?? (frames.length > 0 ? frames.at(-1)!.atSec + params.maxFrameGapSec / 2 : 0);
  // each frame stands for the time until the next one, capped, so a stalled camera is not minutes of one pose
  const weights = times.map((t, i) => Math.max(0, Math.min(params.maxFrameGapSec, (times[i + 1] ?? durationSec) - t)));
  const faces = frames.map((f) => visibleFace(f, params));
  return {
    times,
    durationSec,
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    faces,
    timed: faces.flatMap((face, i) => (face ? [{ atSec: times[i]!, face }] : [])),
    visibleTime: sumWhere(weights, (i) => faces[i] !== undefined),
  };
}

/** Where the user looked: eyes used only when their points are steady; look-aways of at least the glance limit. */
interface Gaze {
  hasIris: boolean;
  useEyes: boolean;
  rawLabels: Attention[];
  lookAways: LookAway[];
  awayTime: number;
  downTime: number;
}

function gazeOf(line: Timeline, baseline: CameraBaseline, params: CameraParameters): Gaze {
  const jitter = jitteryIrisWindows(line.timed, line.durationSec, params);
  const hasIris = line.timed.some((f) => f.face.irisH !== undefined);
  const useEyes = hasIris && jitter.jittery.length <= jitter.judged * params.jitteryWindowsShare;
  const rawLabels = line.faces.map((face) => attentionOf(face, baseline, useEyes, params));
  const lookAways = findLookAways(smoothLabels<Attention>(rawLabels, params.smoothingFrames), line.times, line.durationSec, params);
  const timeIn = (direction?: LookAway['direction']) =>
    sumWhere(
      line.weights,
      (i) =>
        line.faces[i] !== undefined &&
        lookAways.some((l) => line.times[i]! >= l.startSec && line.times[i]! < l.endSec && (direction === undefined || l.direction === direction)),
    );
  return { hasIris, useEyes, rawLabels, lookAways, awayTime: timeIn(), downTime: timeIn('down') };
}

function cameraFacts(input: CameraInput, params: CameraParameters): CameraFacts {
  const line = timelineOf(input, params);
  const { times, durationSec, weights, total, faces, timed, visibleTime } = line;
  const gaze = gazeOf(line, input.baseline ?? UNCALIBRATED_BASELINE, params);
  const framed = faces.map((face) => face !== undefined && isWellFramed(face, params));
  const isDim = faces.map((face) => face !== undefined && face.brightness < params.dimBrightness);
  // Head movement is judged while facing the screen: turning to look at notes is a look away, not fidgeting.
  const facingScreen: TimedFace[] = faces.flatMap((face, i) => (face && gaze.rawLabels[i] === 'screen' ? [{ atSec: times[i]!, face }] : []));
  const fidget = fidgetWindows(facingScreen, durationSec, params);
  const smiles = timed.filter((f) => f.face.happy !== undefined);
  const fps = durationSec > 0 ? times.length / durationSec : 0;
  const report: Omit<CameraReport, 'findings'> = {
    durationSec: round(durationSec, 2),
    framesAnalysed: times.length,
    framesPerSecond: round(fps, 1),
    faceVisiblePct: pct(visibleTime, total),
    wellFramedPct: pct(
      sumWhere(weights, (i) => framed[i]!),
      total,
    ),
    lookingAtScreenPct: visibleTime > 0 ? pct(visibleTime - gaze.awayTime, visibleTime) : 0,
    lookingAwayPct: pct(gaze.awayTime, visibleTime),
    longestLookAwaySec: round(
      gaze.lookAways.reduce((m, l) => Math.max(m, l.endSec - l.startSec), 0),
      1,
    ),
    lookingDownPct: pct(gaze.downTime, visibleTime),
    fidgetingPct: pct(fidget.fidgety.length, fidget.judged),
    headMovement: fidget.fidgety.length > fidget.judged * (params.tipFidgetingAbovePct / 100) ? 'fidgeting' : 'steady',
    tooDimPct: pct(
      sumWhere(weights, (i) => isDim[i]!),
      visibleTime,
    ),
    ...(smiles.length > 0 ? { smilingPct: pct(smiles.filter((f) => f.face.happy! >= params.smileHappy).length, smiles.length) } : {}),
    lookAways: gaze.lookAways.map((l) => ({ ...l, startSec: round(l.startSec, 2), endSec: round(l.endSec, 2) })),
    reliability: { gaze: 'eyes-and-head', isUnreliable: false, reasons: [] },
  };
  report.reliability = reliabilityOf(report, { useEyes: gaze.useEyes, hasIris: gaze.hasIris, calibrated: input.baseline !== undefined }, params);
  const spans = (flags: boolean[]) => longRuns(flags, times, durationSec, params.glanceSec);
  return {
    params,
    report,
    hidden: spans(faces.map((f) => f === undefined)),
    unframed: spans(faces.map((f, i) => f !== undefined && !framed[i])),
    dim: spans(isDim),
    fidgety: mergeMoments(fidget.fidgety),
    framingProblem: framingProblemOf(
      timed.filter((f) => !isWellFramed(f.face, params)),
      params,
    ),
  };
}

function reliabilityOf(
  report: Omit<CameraReport, 'findings'>,
  gaze: { useEyes: boolean; hasIris: boolean; calibrated: boolean },
  params: CameraParameters,
): CameraReliability {
  const reasons: string[] = [];
  if (report.framesAnalysed > 0 && report.framesPerSecond < params.minFramesPerSecond)
    reasons.push(`the camera was analysed at only ${report.framesPerSecond} frames a second`);
  if (report.faceVisiblePct < 50) reasons.push('your face was found in less than half of the frames');
  if (report.tooDimPct > params.tipTooDimAbovePct) reasons.push('the light was too dim to see your face well');
  if (!gaze.calibrated) reasons.push('there was no calibration, so the camera is assumed to be straight in front of you');
  const eyesNote = gaze.hasIris
    ? 'the eye points were jittery (dim light, glare on glasses or a noisy webcam), so only head pose was used'
    : 'no eye points were found, so only head pose was used';
  if (!gaze.useEyes && report.faceVisiblePct > 0) reasons.push(eyesNote);
  return { gaze: gaze.useEyes ? 'eyes-and-head' : 'head-only', isUnreliable: reasons.length > 0, reasons };
}

function framingProblemOf(unframed: TimedFace[], params: CameraParameters): CameraFacts['framingProblem'] {
  const far = unframed.filter((f) => f.face.box.width < params.minFaceWidth).length;
  const close = unframed.filter((f) => f.face.box.width > params.maxFaceWidth).length;
  const cut = unframed.length - far - close;
  if (far >= close && far >= cut) return 'too far';
  return close > cut ? 'too close' : 'cut off';
}

/** Stretches where `flags` hold for at least `minSec`. */
function longRuns(flags: boolean[], times: number[], endSec: number, minSec: number): Moment[] {
  return runsOf(flags, times, endSec)
    .filter((r) => r.label && r.endSec - r.startSec >= minSec)
    .map((r) => ({ startSec: round(r.startSec, 2), endSec: round(r.endSec, 2) }));
}

type CameraCheck = (facts: CameraFacts) => CameraFinding | undefined;

const MAX_MOMENTS = 12;

function finding(code: CameraCode, message: string, moments: Moment[]): CameraFinding {
  const kept = moments.slice(0, MAX_MOMENTS).map((m) => ({ startSec: round(m.startSec, 2), endSec: round(m.endSec, 2) }));
  return { code, message, atSec: kept[0]?.startSec ?? 0, moments: kept };
}

const checkFaceVisible: CameraCheck = ({ report, params, hidden }) =>
  report.faceVisiblePct < params.tipFaceVisibleBelowPct && report.framesAnalysed > 0
    ? finding(
        'face-not-visible',
        `The camera could not see your face for ${100 - report.faceVisiblePct}% of the answer. Sit where the camera sees your whole face the whole time; an empty frame reads as distracted.`,
        hidden,
      )
    : undefined;

const FRAMING_ADVICE: Record<CameraFacts['framingProblem'], string> = {
  'cut off': 'part of your face was outside the picture: centre yourself, with a little space above your head',
  'too far': 'you were far from the camera: sit closer, so your head and shoulders fill the picture',
  'too close': 'you were very close to the camera: sit back, so your head and shoulders fit in the picture',
};

const checkFraming: CameraCheck = ({ report, params, unframed, framingProblem }) =>
  report.faceVisiblePct > 0 && report.wellFramedPct < params.tipWellFramedBelowPct
    ? finding('badly-framed', `You were well framed for ${report.wellFramedPct}% of the answer; ${FRAMING_ADVICE[framingProblem]}.`, unframed)
    : undefined;

const checkLookingAway: CameraCheck = ({ report, params }) =>
  report.faceVisiblePct > 0 && report.lookingAtScreenPct < params.tipLookingAtScreenBelowPct
    ? finding(
        'looking-away',
        `You were looking at the screen for ${report.lookingAtScreenPct}% of the time your face was visible. Aim for most of the answer (60-80%); a short glance away to think is fine and is not counted.`,
        report.lookAways,
      )
    : undefined;

const checkLongLookAway: CameraCheck = ({ report, params }) => {
  const long = report.lookAways.filter((l) => l.endSec - l.startSec > params.tipLongestLookAwaySec);
  return long.length > 0
    ? finding(
        'long-look-away',
        `Your longest look away lasted ${report.longestLookAwaySec} s. Come back to the screen within a few seconds, even while thinking; say "let me think for a moment" if you need longer.`,
        long,
      )
    : undefined;
};

const checkLookingDown: CameraCheck = ({ report, params }) =>
  report.lookingDownPct > params.tipLookingDownAbovePct
    ? finding(
        'looking-down',
        `You looked down for ${report.lookingDownPct}% of the time your face was visible, as if reading notes. Keep notes to a few words and put them beside the camera, at eye level.`,
        report.lookAways.filter((l) => l.direction === 'down'),
      )
    : undefined;

const checkFidgeting: CameraCheck = ({ report, params, fidgety }) =>
  report.fidgetingPct > params.tipFidgetingAbovePct
    ? finding(
        'fidgeting',
        `Your head moved a lot in ${report.fidgetingPct}% of the answer. Sit back with both feet on the floor and keep still between gestures; movement on camera is magnified.`,
        fidgety,
      )
    : undefined;

const checkDim: CameraCheck = ({ report, params, dim }) =>
  report.tooDimPct > params.tipTooDimAbovePct
    ? finding(
        'too-dim',
        `Your face was too dimly lit for ${report.tooDimPct}% of the time it was visible. Light your face from the front (a lamp or window behind the screen, not behind you).`,
        dim,
      )
    : undefined;

const checkReliability: CameraCheck = ({ report }) =>
  report.reliability.reasons.length > 0 && report.framesAnalysed > 0
    ? finding('signal-unreliable', `Take the camera figures as approximate: ${report.reliability.reasons.join('; ')}.`, [])
    : undefined;

/** Every camera check, in the order the report shows them. */
const CAMERA_CHECKS: CameraCheck[] = [
  checkFaceVisible,
  checkFraming,
  checkLookingAway,
  checkLongLookAway,
  checkLookingDown,
  checkFidgeting,
  checkDim,
  checkReliability,
];

function sumWhere(weights: number[], keep: (i: number) => boolean): number {
  return weights.reduce((sum, w, i) => (keep(i) ? sum + w : sum), 0);
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
