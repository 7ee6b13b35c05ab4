import type { BankQuestion } from '../content/question.schema.js';

/** A planned interview session as stored. */
export interface SessionPlan {
  role: string;
  level: string;
  topics: string[];
  count: number;
  mix: number;
  questionIds: string[];
  /** Questions written for this session (from a job posting or résumé), kept so a resumed session finds them. */
  tailored?: BankQuestion[];
  /** The hands-on exercise this interview includes, when the role fits and one was asked for. */
  exerciseId?: string;
}

export type SessionStatus = 'in-progress' | 'finished';

/** A mock interview, or one question practised alone (a finished one-question session). */
export type SessionKind = 'interview' | 'practice';

export interface SessionRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: SessionStatus;
  plan: SessionPlan;
  /** Absent in records made before kinds existed: an interview. */
  kind?: SessionKind;
}

/** Stores interview sessions. */
export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  /** All sessions, newest first. */
  list(): Promise<SessionRecord[]>;
  setStatus(id: string, status: SessionStatus, updatedAt: string): Promise<void>;
}
