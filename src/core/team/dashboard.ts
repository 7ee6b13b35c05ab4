import { buildProgress, type Progress, type ProgressAttempt } from '../session/progress.js';

/** Every threshold of the cohort dashboard, named, with its reason. */
export interface DashboardParameters {
  /** Days without practice after which a candidate is stuck: a week is a coaching cycle. */
  idleDays: number;
  /** How many recent main answers show a trend; three is the fewest that is not one bad day. */
  trendWindow: number;
  /** A recent average below this, not rising, is stuck: under 60 the engine calls an answer weak. */
  weakScore: number;
}

export function defaultDashboardParameters(): DashboardParameters {
  return { idleDays: 7, trendWindow: 3, weakScore: 60 };
}

/** A candidate's answer as the dashboard counts it. */
export interface DashboardAttempt extends ProgressAttempt {
  sessionId: string;
  /** Null for a main question, the main attempt's id for a follow-up. */
  parentAttemptId: string | null;
}

export type StuckReason = 'never-practised' | 'idle' | 'not-improving';

/** One candidate's line on the dashboard. */
export interface CandidateSummary {
  sessions: number;
  answers: number;
  /** Main answers in the seven days up to today. */
  practisedThisWeek: number;
  lastPractised: string | null;
  /** Mean of the last `trendWindow` main answers, rounded; null before any. */
  recentScore: number | null;
  stuck: StuckReason | null;
  /** Scores per topic and habit counts over time (the shape of `loopcoach progress --json`). */
  progress: Pick<Progress, 'topics' | 'habits' | 'streak'>;
}

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Stuck: never practised; idle for `idleDays`; or the last `trendWindow` main answers average
 * under `weakScore` and are no better than the `trendWindow` before them.
 */
export function stuckReason(scores: readonly number[], lastPractised: string | null, today: string, params: DashboardParameters): StuckReason | null {
  if (lastPractised === null) return 'never-practised';
  if (daysBetween(lastPractised, today) >= params.idleDays) return 'idle';
  const recent = scores.slice(-params.trendWindow);
  const before = scores.slice(-2 * params.trendWindow, -params.trendWindow);
  if (recent.length < params.trendWindow || mean(recent) >= params.weakScore) return null;
  return before.length === 0 || mean(recent) <= mean(before) ? 'not-improving' : null;
}

/** A candidate's dashboard line from the answers their coach may see, oldest first; `today` is YYYY-MM-DD. */
export function summariseCandidate(attempts: readonly DashboardAttempt[], today: string, params = defaultDashboardParameters()): CandidateSummary {
  const main = attempts.filter((a) => a.parentAttemptId === null);
  const lastPractised = attempts.at(-1)?.answeredAt.slice(0, 10) ?? null;
  const scores = main.map((a) => a.score);
  const { topics, habits, streak } = buildProgress(main, today);
  return {
    sessions: new Set(attempts.map((a) => a.sessionId)).size,
    answers: attempts.length,
    practisedThisWeek: main.filter((a) => daysBetween(a.answeredAt.slice(0, 10), today) < 7).length,
    lastPractised,
    recentScore: scores.length ? Math.round(mean(scores.slice(-params.trendWindow))) : null,
    stuck: stuckReason(scores, lastPractised, today, params),
    progress: { topics, habits, streak },
  };
}
