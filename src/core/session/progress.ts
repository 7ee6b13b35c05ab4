import type { Feedback, FindingCode, Topic } from '../types.js';

export interface ProgressAttempt {
  questionId: string;
  /** Null when the question is no longer known (removed from the bank): it still counts for habits and streaks. */
  topic: Topic | null;
  /** The prompt as it was asked; the comparison is titled by it (by the question id when absent). */
  prompt?: string;
  /** True for an answer to a follow-up: it counts for habits and streaks, not for topic scores or comparisons. */
  isFollowUp?: boolean;
  score: number;
  answer: string;
  feedback: Feedback;
  /** ISO timestamp. */
  answeredAt: string;
}

export interface DatedScore {
  date: string;
  score: number;
}

export interface DatedCount {
  date: string;
  count: number;
}

/** What changed between an earlier and a later answer to the same question: gains and losses. */
export interface AttemptChanges {
  /** Rubric points covered in the later answer but not the earlier. */
  improved: string[];
  /** Rubric points covered in the earlier answer but not the later. */
  lost: string[];
  /** Findings raised in the earlier answer and gone from the later. */
  habitsDropped: FindingCode[];
  /** Findings raised in the later answer that the earlier did not have. */
  habitsAdded: FindingCode[];
}

/** Two or more attempts at the same question, side by side, titled by its prompt; changes are first → latest. */
export interface QuestionComparison extends AttemptChanges {
  questionId: string;
  prompt: string;
  attempts: Array<{ date: string; score: number; answer: string }>;
}

/** A checked exercise submission, as progress reads it. */
export interface ProgressExerciseAttempt {
  exerciseId: string;
  topic: Topic;
  /** Share of checks passed, 0–100. */
  score: number;
  passed: boolean;
  /** ISO timestamp. */
  checkedAt: string;
}

/** Every attempt at one exercise, oldest first, and whether the latest passed. */
export interface ExerciseProgress {
  exerciseId: string;
  attempts: Array<{ date: string; score: number; passed: boolean }>;
  passed: boolean;
}

/** Progress over time; the JSON shape of `loopcoach progress --json`. */
export interface Progress {
  /** Mean score per topic per day, over answers and exercise attempts alike. */
  topics: Partial<Record<Topic, DatedScore[]>>;
  habits: Partial<Record<FindingCode, DatedCount[]>>;
  questions: QuestionComparison[];
  /** Exercises attempted, in the order first attempted. */
  exercises: ExerciseProgress[];
  streak: { current: number; longest: number; daysPractised: number };
}

const day = (iso: string) => iso.slice(0, 10);

function meanByDate(entries: Array<{ date: string; value: number }>): DatedScore[] {
  const byDate = new Map<string, number[]>();
  for (const e of entries) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e.value]);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, v]) => ({ date, score: Math.round(v.reduce((x, y) => x + y, 0) / v.length) }));
}

function habitSeries(attempts: readonly ProgressAttempt[]): Progress['habits'] {
  const series: Progress['habits'] = {};
  for (const a of attempts) {
    for (const f of a.feedback.findings) {
      const list = (series[f.code] ??= []);
      const last = list.at(-1);
      if (last?.date === day(a.answeredAt)) last.count += 1;
      else list.push({ date: day(a.answeredAt), count: 1 });
    }
  }
  return series;
}

const covered = (f: Feedback) => f.rubric.filter((r) => r.covered).map((r) => r.point);
const codes = (f: Feedback) => [...new Set(f.findings.map((x) => x.code))];

/** The gains and losses from one answer to a later one: points and habits, each list in the answers' order. */
export function compareAnswers(earlier: Feedback, later: Feedback): AttemptChanges {
  const before = new Set(covered(earlier));
  const after = new Set(covered(later));
  const habitsBefore = new Set(codes(earlier));
  const habitsAfter = new Set(codes(later));
  return {
    improved: covered(later).filter((p) => !before.has(p)),
    lost: covered(earlier).filter((p) => !after.has(p)),
    habitsDropped: codes(earlier).filter((c) => !habitsAfter.has(c)),
    habitsAdded: codes(later).filter((c) => !habitsBefore.has(c)),
  };
}

function compare(questionId: string, attempts: readonly ProgressAttempt[]): QuestionComparison {
  const latest = attempts.at(-1)!;
  return {
    questionId,
    prompt: latest.prompt ?? questionId,
    attempts: attempts.map((a) => ({ date: day(a.answeredAt), score: a.score, answer: a.answer })),
    ...compareAnswers(attempts[0]!.feedback, latest.feedback),
  };
}

/** Consecutive practice days: the run ending today (or yesterday, so it is not lost before today's practice) and the longest. */
export function streaks(dates: readonly string[], today: string): Progress['streak'] {
  const days = [...new Set(dates)].sort();
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const d of days) {
    const t = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    run = previous !== null && t - previous === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = t;
  }
  const todayN = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
  const current = previous !== null && todayN - previous <= 1 ? run : 0;
  return { current, longest, daysPractised: days.length };
}

function exerciseSeries(attempts: readonly ProgressExerciseAttempt[]): ExerciseProgress[] {
  const byExercise = new Map<string, ProgressExerciseAttempt[]>();
  for (const a of attempts) byExercise.set(a.exerciseId, [...(byExercise.get(a.exerciseId) ?? []), a]);
  return [...byExercise.entries()].map(([exerciseId, list]) => ({
    exerciseId,
    attempts: list.map((a) => ({ date: day(a.checkedAt), score: a.score, passed: a.passed })),
    passed: list.at(-1)!.passed,
  }));
}

/**
 * Progress from every answered attempt and every exercise attempt, each oldest first; `today` is
 * a YYYY-MM-DD date passed in. Topic scores come from main answers and exercise attempts (an
 * exercise by its share of checks passed); comparisons from main answers; habits and streaks
 * from every answer, follow-ups included, as the session report counts them.
 */
export function buildProgress(attempts: readonly ProgressAttempt[], today: string, exercises: readonly ProgressExerciseAttempt[] = []): Progress {
  const mains = attempts.filter((a) => !a.isFollowUp);
  const scored = [
    ...mains.flatMap((a) => (a.topic ? [{ topic: a.topic, date: day(a.answeredAt), value: a.score }] : [])),
    ...exercises.map((e) => ({ topic: e.topic, date: day(e.checkedAt), value: e.score })),
  ];
  const topics: Progress['topics'] = {};
  for (const topic of new Set(scored.map((a) => a.topic))) {
    topics[topic] = meanByDate(scored.filter((a) => a.topic === topic));
  }
  const byQuestion = new Map<string, ProgressAttempt[]>();
  for (const a of mains) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  const questions = [...byQuestion.entries()].filter(([, list]) => list.length > 1).map(([id, list]) => compare(id, list));
  const days = [...attempts.map((a) => day(a.answeredAt)), ...exercises.map((e) => day(e.checkedAt))];
  return { topics, habits: habitSeries(attempts), questions, exercises: exerciseSeries(exercises), streak: streaks(days, today) };
}
