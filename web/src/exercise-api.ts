/** The exercise routes of the JSON API; types come from the API contract (src/api), never restated. */
import type { ExerciseResult, PublicExercise } from '../../src/api/exercises.contract';
import { withCsrf } from './team-session';

/** An exercise as the API shows it (without the wrong answers kept for content tests). */
export type Exercise = PublicExercise;
export type { CheckResult, ExerciseResult } from '../../src/api/exercises.contract';
import type { ExerciseAttemptRecord } from '../../src/store/exercise.repository';
export type { ExerciseAttemptRecord } from '../../src/store/exercise.repository';

/** An exercise as listed: shipped (bank) or one the user imported (yours). */
export type ListedExercise = Exercise & { source?: 'bank' | 'yours' };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, withCsrf(init));
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `request failed (${response.status})`);
  return body as T;
}

const post = <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const exerciseApi = {
  list: (kind: string) => call<ListedExercise[]>(`/api/exercises${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`),
  get: (id: string) => call<ListedExercise>(`/api/exercises/${encodeURIComponent(id)}`),
  validate: (exercise: string) => post<Exercise>('/api/exercises/validate', { exercise }),
  checkOwn: (exercise: string, submission: string) => post<ExerciseResult>('/api/exercises/check', { exercise, submission }),
  check: (id: string, submission: string) => post<ExerciseResult>(`/api/exercises/${encodeURIComponent(id)}/check`, { submission }),
  /** Every saved attempt, newest first. */
  attempts: () => call<ExerciseAttemptRecord[]>('/api/exercise-attempts'),
  /** The user's own exercises: list, import (stored), delete. */
  mine: () => call<ListedExercise[]>('/api/my-exercises'),
  import: (exercise: string) => post<ListedExercise>('/api/my-exercises', { exercise }),
  remove: (id: string) => call<{ deleted: string }>(`/api/my-exercises/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** Checks the submission to an interview's exercise (saved with the interview). */
  checkInSession: (sessionId: string, submission: string) => post<ExerciseResult>(`/api/sessions/${encodeURIComponent(sessionId)}/exercise`, { submission }),
};
