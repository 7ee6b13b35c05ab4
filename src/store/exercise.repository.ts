import type { Exercise, ExerciseResult } from '../core/exercises/types.js';

/** One checked submission to an exercise: what was written and what the evaluators said. */
export interface ExerciseAttemptRecord {
  id: string;
  exerciseId: string;
  kind: Exercise['kind'];
  topic: Exercise['topic'];
  /** The exercise's prompt when it was attempted (a user's own exercise may change or go). */
  prompt: string;
  submission: string;
  result: ExerciseResult;
  /** The mock interview this attempt belongs to, or null for practice on its own. */
  sessionId: string | null;
  checkedAt: string;
}

/** Stores exercise attempts. */
export interface ExerciseAttemptRepository {
  save(attempt: ExerciseAttemptRecord): Promise<void>;
  /** Every attempt, oldest first. */
  listAll(): Promise<ExerciseAttemptRecord[]>;
  /** The attempts made inside one interview session, oldest first. */
  listBySession(sessionId: string): Promise<ExerciseAttemptRecord[]>;
}

/** An exercise the user imported: the text they wrote and the validated exercise. */
export interface UserExerciseRecord {
  id: string;
  source: string;
  exercise: Exercise;
  createdAt: string;
  updatedAt: string;
}

/** The user's own exercises. */
export interface UserExerciseRepository {
  /** Every exercise, oldest first. */
  list(): Promise<UserExerciseRecord[]>;
  /** Inserts or replaces the exercise by id. */
  save(record: UserExerciseRecord): Promise<void>;
  /** Removes one exercise; false when there was none with that id. */
  delete(id: string): Promise<boolean>;
}
