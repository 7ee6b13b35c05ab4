import { explainScore } from '../score.js';
import { FINDING_CODES, type Feedback, type FindingCode, type Topic } from '../types.js';
import { MASTERED_AT } from './plan.js';

export interface AnsweredPrompt {
  prompt: string;
  answer: string;
  feedback: Feedback;
}

export interface AnsweredQuestion extends AnsweredPrompt {
  id: string;
  topic: Topic;
  followUps: AnsweredPrompt[];
}

/** One habit to work on: a finding code and how often it was raised in the session. */
export interface HabitCount {
  code: FindingCode;
  count: number;
}

/** A topic to practise next, weakest first, with its mean score in the session. */
export interface NextTopic {
  topic: Topic;
  score: number;
}

/** The session report; its JSON shape is the public contract of `practice --json`. */
export interface SessionReport {
  id: string;
  questions: Array<{ id: string; prompt: string; answer: string; feedback: Feedback; followUps: AnsweredPrompt[] }>;
  score: number;
  dimensions: { substance: number; structure: number; habits: number };
  habits: HabitCount[];
  next: NextTopic[];
  /** Prompts the candidate skipped (questions and follow-ups), in the order asked; not scored. */
  skipped?: Array<{ id: string; prompt: string; isFollowUp: boolean }>;
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** The three most frequent findings over every answer, ties in the fixed finding order. */
export function habitsToWorkOn(feedbacks: readonly Feedback[], limit = 3): HabitCount[] {
  const counts = new Map<FindingCode, number>();
  for (const f of feedbacks) for (const finding of f.findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code))
    .slice(0, limit);
}

/** Topics whose mean score (main answers and their follow-ups) is below mastery, weakest first (at most three). */
export function topicsToPractise(questions: readonly AnsweredQuestion[]): NextTopic[] {
  const byTopic = new Map<Topic, number[]>();
  // A weak follow-up is a weak spot too: "How did you measure that?" answered at 46 is worth practising.
  for (const q of questions) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q.feedback.score, ...q.followUps.map((f) => f.feedback.score)]);
  return [...byTopic.entries()]
    .map(([topic, scores]) => ({ topic, score: Math.round(mean(scores)) }))
    .filter((t) => t.score < MASTERED_AT)
    .sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic))
    .slice(0, 3);
}

/** Builds the report: overall score and dimensions from the main answers, habits from every answer. */
export function buildReport(id: string, questions: readonly AnsweredQuestion[]): SessionReport {
  const parts = questions.map((q) => explainScore(q.feedback));
  const all = questions.flatMap((q) => [q.feedback, ...q.followUps.map((f) => f.feedback)]);
  return {
    id,
    questions: questions.map((q) => ({ id: q.id, prompt: q.prompt, answer: q.answer, feedback: q.feedback, followUps: q.followUps })),
    score: Math.round(mean(questions.map((q) => q.feedback.score))),
    dimensions: {
      substance: Math.round(100 * mean(parts.map((p) => p.substance))),
      structure: Math.round(100 * mean(parts.map((p) => p.structure))),
      habits: Math.round(100 * mean(parts.map((p) => p.habits))),
    },
    habits: habitsToWorkOn(all),
    next: topicsToPractise(questions),
  };
}
