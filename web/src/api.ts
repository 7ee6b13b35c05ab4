/** The web app talks to the same JSON API scripts use. */
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

export interface Feedback {
  score: number;
  rubric: Array<{ point: string; covered: boolean; strength: number; evidence: string | null }>;
  structure: { framework: 'CCTR' | 'STAR'; parts: Array<{ part: string; present: boolean; evidence: string | null }> };
  findings: Array<{ code: string; message: string; evidence: string | null }>;
  services: string[];
  leadershipPrinciples: Array<{ principle: string; evidence: string }>;
  tips: string[];
}

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
};

export interface PendingPrompt {
  sessionId: string;
  questionId: string;
  prompt: string;
  parentAttemptId: string | null;
  position: number;
  total: number;
}

export interface SessionReport {
  id: string;
  questions: Array<{ id: string; prompt: string; answer: string; feedback: Feedback; followUps: Array<{ prompt: string; answer: string; feedback: Feedback }> }>;
  score: number;
  dimensions: { substance: number; structure: number; habits: number };
  habits: Array<{ code: string; count: number }>;
  next: Array<{ topic: string; score: number }>;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  status: 'in-progress' | 'finished';
  role: string;
  level: string;
  answered: number;
  total: number;
  score: number | null;
}

const postJson = <T,>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const sessionsApi = {
  start: (body: { role: string; level: string; count: number }) => postJson<{ session: { id: string }; next: PendingPrompt | null }>('/api/sessions', body),
  get: (id: string) => call<{ session: { id: string; status: string }; next: PendingPrompt | null; report: SessionReport }>(`/api/sessions/${encodeURIComponent(id)}`),
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
