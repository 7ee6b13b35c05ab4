import type { SpokenRecord } from '../core/session/spoken.js';
import type { Feedback } from '../core/types.js';
import type { SessionRecord } from './session.repository.js';

export type { SpokenRecord };

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
  /** The client's Idempotency-Key for this answer, when it sent one; unique per session. */
  idempotencyKey?: string | null;
  /** The spoken answer behind the text, when it was spoken; absent or null when typed. */
  spoken?: SpokenRecord | null;
  /** True for a prompt the candidate skipped: no answer and no score, but the session moves on. */
  skipped?: boolean;
}

/** What recording an answer did: saved it, found the same idempotency key already saved, or found the prompt no longer pending. */
export type RecordOutcome = { status: 'saved' } | { status: 'replayed'; attempt: AttemptRecord } | { status: 'conflict' };

/** Stores attempts; saving one is a single transaction that also touches its session. */
export interface AttemptRepository {
  save(attempt: AttemptRecord): Promise<void>;
  /** Saves a new session and its one attempt in one transaction (a question practised alone): both or neither. */
  saveWithSession(session: SessionRecord, attempt: AttemptRecord): Promise<void>;
  /**
   * Saves the attempt exactly once, in one transaction that first locks its session: reads the
   * session's attempts, returns the earlier attempt with the same idempotency key if there is
   * one, refuses (conflict) when `isStillPending(attempts)` says another answer took the prompt,
   * and otherwise saves it with the next seq. Throws session_not_found for an unknown session.
   */
  record(attempt: AttemptRecord, isStillPending: (saved: AttemptRecord[]) => boolean): Promise<RecordOutcome>;
  /** A session's attempts in the order they were saved. */
  listBySession(sessionId: string): Promise<AttemptRecord[]>;
  /** Every attempt, oldest first. */
  listAll(): Promise<AttemptRecord[]>;
  /** One attempt, or undefined. */
  find(id: string): Promise<AttemptRecord | undefined>;
  /**
   * Deletes an attempt, the follow-up answers that belong to it and their recordings, in one
   * transaction (a question practised alone loses its one-question session too); false when
   * there is no such attempt.
   */
  delete(id: string): Promise<boolean>;
}
