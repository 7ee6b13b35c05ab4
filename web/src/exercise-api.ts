/** The exercise routes of the JSON API; types come from the pure core, never restated. */
import { withCsrf } from './team-session';
import type { Exercise, ExerciseResult } from '../../src/core/exercises/types';

export type { CheckResult, Exercise, ExerciseResult } from '../../src/core/exercises/types';

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, withCsrf(init));
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `request failed (${response.status})`);
  return body as T;
}

export const exerciseApi = {
  list: (kind: string) => call<Exercise[]>(`/api/exercises${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`),
  get: (id: string) => call<Exercise>(`/api/exercises/${encodeURIComponent(id)}`),
  validate: (exercise: string) => call<Exercise>('/api/exercises/validate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exercise }) }),
  checkOwn: (exercise: string, submission: string) =>
    call<ExerciseResult>('/api/exercises/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exercise, submission }) }),
  check: (id: string, submission: string) =>
    call<ExerciseResult>(`/api/exercises/${encodeURIComponent(id)}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ submission }) }),
};
