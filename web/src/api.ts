/** The web app talks to the same JSON API scripts use. */
import type { Feedback } from '../../src/core/types';
import type { PendingPrompt } from '../../src/core/session/pending';
import type { SessionReport } from '../../src/core/session/report';
import type { Exercise } from '../../src/core/exercises/types';
import type { ExerciseAttemptRecord } from '../../src/store/exercise.repository';

export interface Question {
  id: string;
  topic: string;
  levels: string[];
  kind: string;
  prompt: string;
  rubric: string[];
  modelAnswer: string;
  pitfalls: Array<{ claim: string; correction: string }>;
  followUps: Array<{ prompt: string }>;
  services: string[];
  leadershipPrinciples: string[];
  references: string[];
  /** The shipped bank's, or one the user added. */
  source: 'bank' | 'yours';
}

/** The engine's Feedback, as the API returns it: one definition, in the pure core. */
export type { Feedback } from '../../src/core/types';

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
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

export type { PendingPrompt } from '../../src/core/session/pending';
export type { SessionReport } from '../../src/core/session/report';

export interface SessionSummary {
  id: string;
  createdAt: string;
  status: 'in-progress' | 'finished';
  /** A mock interview, or one question practised alone. */
  kind: 'interview' | 'practice';
  /** The practised question's prompt (null for an interview). */
  title: string | null;
  role: string;
  level: string;
  answered: number;
  skipped: number;
  total: number;
  score: number | null;
}

/** What changed from one answer to a later one at the same question. */
export interface AttemptChanges {
  improved: string[];
  lost: string[];
  habitsDropped: string[];
  habitsAdded: string[];
}

/** An answer to one question practised alone, saved, beside the previous answer to it. */
export interface PractisedAnswer {
  sessionId: string;
  attemptId: string;
  prompt: string;
  feedback: Feedback;
  previous: (AttemptChanges & { answer: string; score: number; answeredAt: string }) | null;
}

type SessionView = { session: { id: string; status: string; kind?: 'interview' | 'practice' }; next: PendingPrompt | null; report: SessionReport; modelAnswers: Record<string, string | null>; exercise?: SessionExercise };

const postJson = <T,>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** An interview's hands-on exercise and the attempts made at it there (GET /api/sessions/:id). */
export interface SessionExercise {
  exercise: Exercise;
  attempts: ExerciseAttemptRecord[];
}

export const sessionsApi = {
  start: (body: { role: string; level: string; count: number; topics?: string[]; exercise?: boolean }) => postJson<{ session: { id: string }; next: PendingPrompt | null }>('/api/sessions', body),
  get: (id: string) => call<SessionView>(`/api/sessions/${encodeURIComponent(id)}`),
  /** Skips what the session asks now (kept as skipped, never scored). */
  skip: (id: string) => postJson<{ skipped: PendingPrompt; next: PendingPrompt | null; finished: boolean }>(`/api/sessions/${encodeURIComponent(id)}/skip`, {}),
  /** Ends the interview now; the report covers what was answered. */
  end: (id: string) => postJson<Omit<SessionView, 'next'>>(`/api/sessions/${encodeURIComponent(id)}/end`, {}),
  /** Grades and saves an answer to one question practised alone. */
  practise: (questionId: string, answer: string, startedAt: string) => postJson<PractisedAnswer>('/api/practice', { questionId, answer, startedAt }),
  answer: (id: string, answer: string, startedAt: string) =>
    postJson<{ feedback: Feedback; next: PendingPrompt | null; finished: boolean }>(`/api/sessions/${encodeURIComponent(id)}/answers`, { answer, startedAt }),
  preview: (id: string, answer: string, signal?: AbortSignal) =>
    call<Feedback>(`/api/sessions/${encodeURIComponent(id)}/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer }), signal }),
  history: () => call<SessionSummary[]>('/api/history'),
};

export const myQuestionsApi = {
  list: () => call<Question[]>('/api/my-questions'),
  import: (yaml: string) => postJson<{ imported: string[] }>('/api/my-questions', { yaml }),
  remove: (id: string) => call<{ deleted: string }>(`/api/my-questions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** A document as the API takes it: pasted text, a file (base64), or one saved before. */
export type DocumentInput = { text: string } | { file: { name: string; data: string } } | { documentId: string };

export interface TailorRequest {
  posting: DocumentInput;
  resume?: DocumentInput;
  count?: number;
  save?: { posting?: boolean; resume?: boolean };
}

export interface TailoredPlan {
  role: string;
  level: string;
  skills: string[];
  services: string[];
  questions: Array<{ id: string; prompt: string; reason: string; generated: boolean }>;
  gaps: Array<{ skill: string; inPosting: boolean; inResume: boolean; historyScore?: number; advice: string }>;
  saved: { posting?: string; resume?: string };
}

export interface SavedDocument {
  id: string;
  kind: 'posting' | 'resume';
  name: string;
  createdAt: string;
  characters: number;
}

export const tailorApi = {
  plan: (request: TailorRequest) => postJson<TailoredPlan>('/api/plans', request),
  start: (request: TailorRequest) => postJson<{ session: { id: string }; next: PendingPrompt | null }>('/api/plans/sessions', request),
  documents: () => call<SavedDocument[]>('/api/documents'),
  deleteDocument: (id: string) => call<{ deleted: string }>(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** A chosen file as the API takes it (base64 of its bytes). */
export async function fileInput(file: File): Promise<DocumentInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { file: { name: file.name, data: btoa(binary) } };
}

export interface Progress {
  topics: Record<string, Array<{ date: string; score: number }>>;
  habits: Record<string, Array<{ date: string; count: number }>>;
  questions: Array<AttemptChanges & {
    questionId: string;
    prompt: string;
    attempts: Array<{ date: string; score: number; answer: string }>;
  }>;
  /** Exercises attempted, each attempt's share of checks passed. */
  exercises: Array<{ exerciseId: string; prompt: string; kind: string; passed: boolean; attempts: Array<{ date: string; score: number; passed: boolean }> }>;
  streak: { current: number; longest: number; daysPractised: number };
}

/** A question (questionId) or an exercise (exerciseId) due for re-practice. */
export interface PracticeSuggestion {
  questionId?: string;
  exerciseId?: string;
  prompt: string;
  topic: string;
  reason: string;
}

export const progressApi = {
  progress: () => call<Progress>('/api/progress'),
  suggestion: () => call<{ suggestion: PracticeSuggestion | null }>('/api/suggestion'),
};
