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
  source: string;
  question: string;
  created_at: string;
  updated_at: string;
}

/** A job posting or résumé whose extracted text the user chose to save. */
export interface DocumentsTable {
  id: string;
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
}

/** An exercise the user imported (schema 0006): the text they wrote and the validated exercise as JSON. */
export interface UserExercisesTable {
  id: string;
  source: string;
  exercise: string;
  created_at: string;
  updated_at: string;
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
}
