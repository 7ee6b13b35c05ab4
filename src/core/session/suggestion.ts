import { topicInSentence } from '../topics.js';
import type { Topic } from '../types.js';
import { MASTERED_AT, WEAK_BELOW } from './plan.js';

export interface SuggestionAttempt {
  questionId: string;
  score: number;
  /** ISO timestamp. */
  answeredAt: string;
}

export interface SuggestableQuestion {
  id: string;
  topic: Topic;
}

/** Today's practice: a question and why it is the one. */
export interface Suggestion {
  questionId: string;
  reason: string;
}

/** A checked exercise submission, as re-practice reads it. */
export interface SuggestionExerciseAttempt {
  exerciseId: string;
  passed: boolean;
  score: number;
  /** ISO timestamp. */
  checkedAt: string;
}

/** An exercise to do again today and why. */
export interface ExerciseSuggestion {
  exerciseId: string;
  reason: string;
}

/**
 * Days to wait before answering a question again, by its latest score: a weak answer comes back
 * the next day, a fair one after three, a mastered one after three weeks (spaced re-practice).
 */
export function reviewInterval(score: number): number {
  if (score < WEAK_BELOW) return 1;
  if (score < MASTERED_AT) return 3;
  return 21;
}

/**
 * Days before an exercise comes back, by its latest attempt: a failed one the next day (a check
 * still fails, however many passed: it is not done), a passed one after three weeks, as a mastered answer.
 */
export function exerciseReviewInterval(passed: boolean): number {
  return passed ? reviewInterval(100) : 1;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, today: string) => Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/**
 * The question most worth practising today (`today` is YYYY-MM-DD): the most overdue re-practice
 * (lowest score first), else the first question of a topic never practised, else null. Attempts
 * are main-question attempts, any order.
 */
export function suggestPractice(attempts: readonly SuggestionAttempt[], questions: readonly SuggestableQuestion[], today: string): Suggestion | null {
  const due = dueQuestion(attempts, questions, today);
  if (due) return due.suggestion;
  const practised = new Set(attempts.map((a) => a.questionId));
  const practisedTopics = new Set(questions.filter((q) => practised.has(q.id)).map((q) => q.topic));
  const fresh = questions.find((q) => !practisedTopics.has(q.topic));
  if (fresh)
    return {
      questionId: fresh.id,
      reason: practisedTopics.size === 0 ? 'A first question to start with.' : `You have not practised ${topicInSentence(fresh.topic)} yet.`,
    };
  return null;
}

/** The most overdue question to answer again (lowest latest score first), with that score. */
function dueQuestion(
  attempts: readonly SuggestionAttempt[],
  questions: readonly SuggestableQuestion[],
  today: string,
): { suggestion: Suggestion; score: number } | null {
  const known = new Set(questions.map((q) => q.id));
  const latest = new Map<string, SuggestionAttempt>();
  for (const a of attempts) {
    if (!known.has(a.questionId)) continue;
    const seen = latest.get(a.questionId);
    if (!seen || a.answeredAt > seen.answeredAt) latest.set(a.questionId, a);
  }
  const due = [...latest.values()]
    .map((a) => ({ a, ago: daysBetween(a.answeredAt, today) }))
    .filter(({ a, ago }) => ago >= reviewInterval(a.score))
    .sort((x, y) => x.a.score - y.a.score || y.ago - x.ago || x.a.questionId.localeCompare(y.a.questionId));
  const first = due[0];
  if (!first) return null;
  const when = first.ago === 1 ? 'yesterday' : `${first.ago} days ago`;
  const why = first.a.score >= MASTERED_AT ? 'a quick refresh keeps it that way' : 'answering it again now is what makes it stick';
  return { suggestion: { questionId: first.a.questionId, reason: `You scored ${Math.round(first.a.score)} on this ${when}; ${why}.` }, score: first.a.score };
}

/**
 * The exercise most worth doing again today: the due one whose latest attempt failed with the
 * fewest checks passed, then the most overdue; a passed one only for its three-week refresh.
 * Exercises no longer known (`known`) are skipped.
 */
export function suggestExercise(
  attempts: readonly SuggestionExerciseAttempt[],
  known: ReadonlySet<string>,
  today: string,
): (ExerciseSuggestion & { score: number }) | null {
  const latest = new Map<string, SuggestionExerciseAttempt>();
  for (const a of attempts) {
    if (!known.has(a.exerciseId)) continue;
    const seen = latest.get(a.exerciseId);
    if (!seen || a.checkedAt >= seen.checkedAt) latest.set(a.exerciseId, a);
  }
  const due = [...latest.values()]
    .map((a) => ({ a, ago: daysBetween(a.checkedAt, today) }))
    .filter(({ a, ago }) => ago >= exerciseReviewInterval(a.passed))
    .sort((x, y) => Number(x.a.passed) - Number(y.a.passed) || x.a.score - y.a.score || y.ago - x.ago || x.a.exerciseId.localeCompare(y.a.exerciseId));
  const first = due[0];
  if (!first) return null;
  const when = first.ago === 1 ? 'yesterday' : `${first.ago} days ago`;
  const reason = first.a.passed
    ? `You passed this exercise ${when}; doing it again keeps it fresh.`
    : `This exercise did not pass ${when} (${first.a.score}% of its checks); try it again now.`;
  return { exerciseId: first.a.exerciseId, reason, score: first.a.passed ? 100 : first.a.score };
}

/**
 * Today's practice across questions and exercises: a due exercise whose latest attempt failed
 * comes first unless a due question scored lower; then a due question; then a passed exercise's
 * refresh; then a topic never practised.
 */
export function suggestAnyPractice(
  attempts: readonly SuggestionAttempt[],
  questions: readonly SuggestableQuestion[],
  exerciseAttempts: readonly SuggestionExerciseAttempt[],
  exerciseIds: ReadonlySet<string>,
  today: string,
): Suggestion | ExerciseSuggestion | null {
  const exercise = suggestExercise(exerciseAttempts, exerciseIds, today);
  const question = dueQuestion(attempts, questions, today);
  const exerciseSuggestion = exercise ? { exerciseId: exercise.exerciseId, reason: exercise.reason } : null;
  if (exercise && exercise.score < 100 && (!question || exercise.score <= question.score)) return exerciseSuggestion;
  if (question) return question.suggestion;
  return exerciseSuggestion ?? suggestPractice(attempts, questions, today);
}
