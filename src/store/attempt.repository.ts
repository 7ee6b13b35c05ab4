import type { Feedback } from '../core/types.js';

/** One answer to a question or to a follow-up, with its feedback. */
export interface AttemptRecord {
  id: string;
  sessionId: string;
  questionId: string;
  /** The main attempt this follow-up answer belongs to, or null for a main question. */
  parentAttemptId: string | null;
  prompt: string;
  answer: string;
  feedback: Feedback;
  score: number;
  startedAt: string;
  answeredAt: string;
  durationMs: number;
}

/** Stores attempts; saving one is a single transaction that also touches its session. */
export interface AttemptRepository {
  save(attempt: AttemptRecord): Promise<void>;
  /** A session's attempts in the order they were saved. */
  listBySession(sessionId: string): Promise<AttemptRecord[]>;
  /** Every attempt, oldest first. */
  listAll(): Promise<AttemptRecord[]>;
}
