/** Team mode's routes of the JSON API; the shapes come from the server's own types. */
import type { CandidateSummary } from '../../src/core/team/dashboard';
import type { ExerciseLine } from '../../src/api/team.contract';
import type { Feedback } from '../../src/core/types';
import type { AssignmentRecord, AssignmentSpec, CohortRecord, CommentRecord, Sharing, UserRecord } from '../../src/store/team.repository';
import { setCsrfToken, withCsrf } from './team-session';

export type { AssignmentSpec, Sharing, UserRecord };

export interface Me {
  mode: 'team' | 'single-user';
  user: UserRecord | null;
  csrfToken: string | null;
  /** Team mode: sign-in with the organisation's identity provider is offered. */
  identityProvider?: boolean;
}

export interface DashboardRow {
  userId: string;
  name: string;
  email: string;
  sharing: Sharing;
  summary: CandidateSummary;
  attempts: Array<{ id: string; sessionId: string; questionId: string; prompt: string; score: number; answeredAt: string }>;
  exercises: ExerciseLine[];
}

export type Comment = CommentRecord & { authorName: string };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, withCsrf(init));
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `request failed (${response.status})`);
  return body as T;
}

const send = <T>(method: string, path: string, body: unknown = {}) =>
  call<T>(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const teamApi = {
  async me(): Promise<Me> {
    const me = await call<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  async signIn(email: string, password: string): Promise<Me> {
    const signed = await send<{ user: UserRecord; csrfToken: string }>('POST', '/api/auth/sign-in', { email, password });
    setCsrfToken(signed.csrfToken);
    return { mode: 'team', user: signed.user, csrfToken: signed.csrfToken };
  },
  signOut: () => send<{ signedOut: number }>('POST', '/api/auth/sign-out'),
  signOutEverywhere: () => send<{ signedOut: number }>('POST', '/api/auth/sign-out-everywhere'),
  users: () => call<UserRecord[]>('/api/users'),
  addUser: (user: { email: string; name: string; role: string; password: string }) => send<UserRecord>('POST', '/api/users', user),
  resetPassword: (userId: string, password: string) => send<unknown>('POST', `/api/users/${encodeURIComponent(userId)}/password`, { password }),
  cohorts: () => call<{ coaching: CohortRecord[]; memberOf: Array<{ cohortId: string; cohortName: string; sharing: Sharing }> }>('/api/cohorts'),
  createCohort: (name: string) => send<CohortRecord>('POST', '/api/cohorts', { name }),
  join: (code: string, sharing: Sharing) => send<{ cohortId: string; name: string; sharing: Sharing }>('POST', '/api/cohorts/join', { code, sharing }),
  changeSharing: (id: string, sharing: Sharing) =>
    send<{ cohortId: string; name: string; sharing: Sharing }>('PUT', `/api/cohorts/${encodeURIComponent(id)}/sharing`, { sharing }),
  leave: (id: string) => send<{ left: string }>('DELETE', `/api/cohorts/${encodeURIComponent(id)}/membership`),
  dashboard: (id: string) => call<{ cohort: CohortRecord; candidates: DashboardRow[] }>(`/api/cohorts/${encodeURIComponent(id)}/dashboard`),
  removeMember: (id: string, userId: string) => send<unknown>('DELETE', `/api/cohorts/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`),
  attempt: (id: string, attemptId: string) =>
    call<{
      attempt: { id: string; prompt: string; answer: string; score: number; feedback: Feedback; answeredAt: string };
      sentences: string[];
      comments: Comment[];
    }>(`/api/cohorts/${encodeURIComponent(id)}/attempts/${encodeURIComponent(attemptId)}`),
  comment: (id: string, attemptId: string, sentence: string, body: string) =>
    send<Comment>('POST', `/api/cohorts/${encodeURIComponent(id)}/attempts/${encodeURIComponent(attemptId)}/comments`, { sentence, body }),
  assign: (id: string, input: { title: string; dueAt: string; spec: AssignmentSpec }) =>
    send<AssignmentRecord>('POST', `/api/cohorts/${encodeURIComponent(id)}/assignments`, input),
  cohortAssignments: (id: string) => call<AssignmentRecord[]>(`/api/cohorts/${encodeURIComponent(id)}/assignments`),
  myAssignments: () => call<Array<AssignmentRecord & { cohortName: string; done: boolean }>>('/api/assignments'),
  myComments: () => call<Comment[]>('/api/comments'),
  myAnswers: () => call<Array<{ id: string; questionId: string; prompt: string; score: number; answeredAt: string; shared: boolean }>>('/api/my-answers'),
  share: (attemptId: string, shared: boolean) => send<unknown>('PUT', `/api/attempts/${encodeURIComponent(attemptId)}/share`, { shared }),
  deleteAccount: (email: string) => send<unknown>('DELETE', '/api/account', { email }),
};
