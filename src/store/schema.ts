import type { ColumnType } from 'kysely';

/** Row shapes of the Loop Coach database; JSON columns hold text so both dialects store them alike. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SessionsTable {
  id: string;
  created_at: string;
  updated_at: string;
  status: string;
  plan: string;
  /** Added in 0007: the owner in team mode; null in single-user mode. */
  user_id: string | null;
  /** Added in schema version 4: 'interview' or 'practice' (one question practised alone). */
  kind: ColumnType<string, string | undefined, string>;
}

export interface AttemptsTable {
  id: string;
  seq: number;
  session_id: string;
  question_id: string;
  parent_attempt_id: string | null;
  prompt: string;
  answer: string;
  feedback: string;
  score: ColumnType<number, number, number>;
  started_at: string;
  answered_at: string;
  duration_ms: number;
  /** Added in schema version 3; null for answers sent without an Idempotency-Key. */
  idempotency_key: string | null;
  /** Added by 0005-spoken-answers: the spoken answer's transcript, edit mark, segments and delivery as JSON; null when typed. */
  spoken: string | null;
  /** Added in 0007: the owner in team mode; null in single-user mode. */
  user_id: string | null;
  /** Added in schema version 4: 1 for a prompt the candidate skipped (no answer, no score). */
  skipped: ColumnType<number, number | undefined, number>;
}

/** Added by 0005-spoken-answers: the audio of a spoken answer, kept only when the user chose to keep recordings. */
export interface RecordingsTable {
  attempt_id: string;
  media_type: string;
  audio: Uint8Array;
  created_at: string;
}

/** A question the user added: the YAML they wrote (source) and the validated question as JSON. */
export interface UserQuestionsTable {
  id: string;
  /** The owner in team mode (two users may use the same id); null in single-user mode. */
  user_id: string | null;
  source: string;
  question: string;
  created_at: string;
  updated_at: string;
}

/** A job posting or résumé whose extracted text the user chose to save. */
export interface DocumentsTable {
  id: string;
  /** The owner in team mode; null in single-user mode. */
  user_id: string | null;
  kind: string;
  name: string;
  text: string;
  created_at: string;
}

/** A checked exercise submission (schema 0006): the result as JSON, passed as 0/1. */
export interface ExerciseAttemptsTable {
  id: string;
  exercise_id: string;
  kind: string;
  topic: string;
  prompt: string;
  submission: string;
  result: string;
  passed: number;
  score: ColumnType<number, number, number>;
  session_id: string | null;
  checked_at: string;
  /** Team mode: the owner (schema 0008); null for the single user. */
  user_id: string | null;
}

/** An exercise the user imported (schema 0006): the text they wrote and the validated exercise as JSON. */
export interface UserExercisesTable {
  id: string;
  source: string;
  exercise: string;
  /** Team mode: the owner (schema 0008); null for the single user. */
  user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Team mode: an account (local password and/or an identity provider's subject). */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: string;
}

/** A signed-in browser: the SHA-256 of its cookie token (never the token), its CSRF token and expiry. */
export interface AuthSessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface CohortsTable {
  id: string;
  name: string;
  coach_id: string;
  invite_code: string;
  created_at: string;
}

/** A candidate in a cohort and what they let the coach see: 'all' practice or only 'shared' attempts. */
export interface CohortMembersTable {
  cohort_id: string;
  user_id: string;
  sharing: string;
  joined_at: string;
}

/** An attempt its owner shared with their coaches. */
export interface SharedAttemptsTable {
  attempt_id: string;
  user_id: string;
  shared_at: string;
}

/** A coach's comment on one sentence of an answer. */
export interface CommentsTable {
  id: string;
  attempt_id: string;
  cohort_id: string;
  author_id: string;
  sentence: string;
  body: string;
  created_at: string;
}

/** Work a coach set a cohort: questions or a mock-interview spec (JSON), with a due date. */
export interface AssignmentsTable {
  id: string;
  cohort_id: string;
  title: string;
  spec: string;
  due_at: string;
  created_at: string;
}

export interface Database {
  meta: MetaTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  attempts: AttemptsTable;
  user_questions: UserQuestionsTable;
  documents: DocumentsTable;
  recordings: RecordingsTable;
  exercise_attempts: ExerciseAttemptsTable;
  user_exercises: UserExercisesTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  shared_attempts: SharedAttemptsTable;
  comments: CommentsTable;
  assignments: AssignmentsTable;
}
