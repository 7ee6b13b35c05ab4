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

/**
 * Days to wait before answering a question again, by its latest score: a weak answer comes back
 * the next day, a fair one after three, a mastered one after three weeks (spaced re-practice).
 */
export function reviewInterval(score: number): number {
  if (score < WEAK_BELOW) return 1;
  if (score < MASTERED_AT) return 3;
  return 21;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, today: string) => Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/**
 * The question most worth practising today (`today` is YYYY-MM-DD): the most overdue re-practice
 * (lowest score first), else the first question of a topic never practised, else null. Attempts
 * are main-question attempts, any order.
 */
export function suggestPractice(attempts: readonly SuggestionAttempt[], questions: readonly SuggestableQuestion[], today: string): Suggestion | null {
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
  if (first) {
    const when = first.ago === 1 ? 'yesterday' : `${first.ago} days ago`;
    const why = first.a.score >= MASTERED_AT ? 'a quick refresh keeps it that way' : 'answering it again now is what makes it stick';
    return { questionId: first.a.questionId, reason: `You scored ${Math.round(first.a.score)} on this ${when}; ${why}.` };
  }
  const practisedTopics = new Set(questions.filter((q) => latest.has(q.id)).map((q) => q.topic));
  const fresh = questions.find((q) => !practisedTopics.has(q.topic));
  if (fresh) return { questionId: fresh.id, reason: latest.size === 0 ? 'A first question to start with.' : `You have not practised ${topicInSentence(fresh.topic)} yet.` };
  return null;
}
