/**
 * The web app talks to the same JSON API scripts use. Request and response types come from the
 * API contract (src/api), type-only: defined once beside the schemas the server validates with.
 */
import type { Deleted } from '../../src/api/common.contract';
import type { ImportedQuestions } from '../../src/api/my-questions.contract';
import type { PracticeSuggestion, ProgressView, SuggestionResponse } from '../../src/api/progress.contract';
import type { Feedback, QuestionView } from '../../src/api/questions.contract';
import type {
  AnsweredPrompt,
  AttemptChanges,
  EndedSession,
  PractisedAnswer,
  SessionStarted,
  SessionSummary,
  SessionView,
  SkippedPrompt,
} from '../../src/api/sessions.contract';
import type { DocumentInput, SavedDocument, TailoredPlan, TailorRequest } from '../../src/api/tailor.contract';
import { withCsrf } from './team-session';

/** A question as the API shows it (the bank's fields and whose it is). */
export type Question = QuestionView;
/** Progress over time, as GET /api/progress returns it. */
export type Progress = ProgressView;
export type { AttemptChanges, Feedback, PracticeSuggestion, PractisedAnswer, SessionSummary, DocumentInput, SavedDocument, TailoredPlan, TailorRequest };
export type { PendingPrompt, SessionReport } from '../../src/api/sessions.contract';

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, withCsrf(init));
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `request failed (${response.status})`);
  return body as T;
}

export const api = {
  questions: (filter: Record<string, string>) => call<Question[]>(`/api/questions?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}`),
  question: (id: string) => call<Question>(`/api/questions/${encodeURIComponent(id)}`),
  grade: (questionId: string, answer: string, signal?: AbortSignal) =>
    call<Feedback>('/api/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ questionId, answer }), signal }),
  /** Grades an answer to a question given by its prompt alone (the kind is guessed when absent). */
  gradeAny: (question: { prompt: string; kind?: string }, answer: string) =>
    call<Feedback>('/api/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, answer }) }),
};

const postJson = <T>(path: string, body: unknown) =>
  call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** An interview's hands-on exercise and the attempts made at it there (GET /api/sessions/:id). */
export type SessionExercise = NonNullable<SessionView['exercise']>;

export const sessionsApi = {
  start: (body: { role: string; level: string; count: number; topics?: string[]; exercise?: boolean }) => postJson<SessionStarted>('/api/sessions', body),
  get: (id: string) => call<SessionView>(`/api/sessions/${encodeURIComponent(id)}`),
  /** Skips what the session asks now (kept as skipped, never scored). */
  skip: (id: string) => postJson<SkippedPrompt>(`/api/sessions/${encodeURIComponent(id)}/skip`, {}),
  /** Ends the interview now; the report covers what was answered. */
  end: (id: string) => postJson<EndedSession>(`/api/sessions/${encodeURIComponent(id)}/end`, {}),
  /** Grades and saves an answer to one question practised alone. */
  practise: (questionId: string, answer: string, startedAt: string) => postJson<PractisedAnswer>('/api/practice', { questionId, answer, startedAt }),
  answer: (id: string, answer: string, startedAt: string) => postJson<AnsweredPrompt>(`/api/sessions/${encodeURIComponent(id)}/answers`, { answer, startedAt }),
  preview: (id: string, answer: string, signal?: AbortSignal) =>
    call<Feedback>(`/api/sessions/${encodeURIComponent(id)}/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer }),
      signal,
    }),
  history: () => call<SessionSummary[]>('/api/history'),
};

export const myQuestionsApi = {
  list: () => call<Question[]>('/api/my-questions'),
  import: (yaml: string) => postJson<ImportedQuestions>('/api/my-questions', { yaml }),
  remove: (id: string) => call<Deleted>(`/api/my-questions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

export const tailorApi = {
  plan: (request: TailorRequest) => postJson<TailoredPlan>('/api/plans', request),
  start: (request: TailorRequest) => postJson<SessionStarted>('/api/plans/sessions', request),
  documents: () => call<SavedDocument[]>('/api/documents'),
  deleteDocument: (id: string) => call<Deleted>(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** A chosen file as the API takes it (base64 of its bytes). */
export async function fileInput(file: File): Promise<DocumentInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { file: { name: file.name, data: btoa(binary) } };
}

export const progressApi = {
  progress: () => call<Progress>('/api/progress'),
  suggestion: () => call<SuggestionResponse>('/api/suggestion'),
};
