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
