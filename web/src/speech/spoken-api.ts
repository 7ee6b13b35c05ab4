/** The API of spoken answers: answering with a recording's transcript and delivery, kept audio, delivery over time. */
import type { DeliveryMeasures, DeliveryTrend } from '../../../src/core/delivery/trend';
import type { Feedback } from '../../../src/core/types';
import type { PendingPrompt } from '../../../src/core/session/pending';
import type { SessionReportView, SpeechSettings, SpokenAnswerView, SpokenInput } from '../../../src/core/session/spoken';
import type { PractisedAnswer } from '../api';
import { withCsrf } from '../team-session';

export type { DeliveryMeasures, DeliveryTrend, SessionReportView, SpokenAnswerView, SpokenInput, SpeechSettings };

/** Progress as /api/progress returns it, with delivery over time and per repeated question. */
export interface ProgressDelivery {
  delivery: DeliveryTrend;
  questions: Array<{ questionId: string; delivery: Array<DeliveryMeasures | null> }>;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  // Team mode: writes carry the signed-in session's CSRF token, as every other API call does.
  const response = await fetch(path, withCsrf(init));
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `request failed (${response.status})`);
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const speechApi = {
  settings: () => call<SpeechSettings>('/api/settings/speech'),
  setKeepRecordings: (keepRecordings: boolean) => call<SpeechSettings>('/api/settings/speech', json('PUT', { keepRecordings })),
  /** Answers what the session asks next, with the spoken answer behind the text. */
  answer: (sessionId: string, answer: string, startedAt: string, spoken?: SpokenInput) =>
    call<{ attemptId: string; feedback: Feedback; next: PendingPrompt | null; finished: boolean }>(
      `/api/sessions/${encodeURIComponent(sessionId)}/answers`,
      json('POST', { answer, startedAt, ...(spoken ? { spoken } : {}) }),
    ),
  /** Grades and saves an answer to one question practised alone, with the spoken answer behind the text. */
  practise: (questionId: string, answer: string, startedAt: string, spoken: SpokenInput) =>
    call<PractisedAnswer>('/api/practice', json('POST', { questionId, answer, startedAt, spoken })),
  keepRecording: (attemptId: string, audio: Blob) =>
    call<{ attemptId: string; bytes: number }>(`/api/attempts/${encodeURIComponent(attemptId)}/recording`, {
      method: 'PUT',
      headers: { 'content-type': audio.type || 'audio/wav' },
      body: audio,
    }),
  recordingUrl: (attemptId: string) => `/api/attempts/${encodeURIComponent(attemptId)}/recording`,
  recordings: () => call<{ attemptIds: string[] }>('/api/recordings'),
  deleteAllRecordings: () => call<{ deleted: number }>('/api/recordings', { method: 'DELETE' }),
  deleteRecording: (attemptId: string) => call<{ deleted: string }>(`/api/attempts/${encodeURIComponent(attemptId)}/recording`, { method: 'DELETE' }),
  deleteAttempt: (attemptId: string) => call<{ deleted: string }>(`/api/attempts/${encodeURIComponent(attemptId)}`, { method: 'DELETE' }),
};

/** Keeps a spoken answer's audio when the user chose to keep recordings; says whether it was kept. */
export async function keepIfChosen(attemptId: string, audio: Blob): Promise<boolean> {
  // A server without the setting (a team server keeps no audio) shows no Keep recordings switch: nothing was chosen.
  const settings = await speechApi.settings().catch(() => null);
  if (!settings?.keepRecordings) return false;
  await speechApi.keepRecording(attemptId, audio);
  return true;
}

/** The part of a recorded answer the server saves with the attempt: with the camera's summary when it was on (never a frame). */
export function spokenInputOf(
  analysis: { transcript: string; segments: SpokenInput['segments']; delivery: SpokenInput['delivery'] },
  camera?: SpokenInput['camera'],
): SpokenInput {
  return { transcript: analysis.transcript, segments: analysis.segments, delivery: analysis.delivery, ...(camera ? { camera } : {}) };
}
