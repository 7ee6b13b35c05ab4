// Every graded answer is an attempt: practice alone is saved, shows in history, progress and the
// suggestion; a mock interview can skip a prompt and end early, over the API and a real SQLite file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { createApp } from '../../src/server/app.js';
import { composeServices } from '../../src/services/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: ReturnType<typeof createApp>;
let store: Store;

beforeAll(async () => {
  const coach = await createCoach({ questionDir: writeQuestionBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-api-attempts-')), 'test.db'));
  const services = await composeServices({ coach, store });
  app = createApp({ coach, catalogue: services.catalogue, sessions: services.sessions, progress: services.progress, tailor: services.tailor });
});

afterAll(() => store?.close());

const post = (path: string, body: unknown = {}) =>
  app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const get = async (path: string) => (await app.request(path)).json();

const SG_PROMPT = 'What is the difference between a security group and a network ACL?';

describe('a question practised alone', () => {
  it('is suggested first, then saved as an attempt that history, progress and the suggestion all see', async () => {
    expect((await get('/api/suggestion')).suggestion.questionId).toBe('sg-vs-nacl');
    const res = await post('/api/practice', {
      questionId: 'sg-vs-nacl',
      answer: 'Security groups are stateful and network ACLs are stateless.',
      startedAt: new Date(Date.now() - 20_000).toISOString(),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ prompt: SG_PROMPT, previous: null, feedback: { score: expect.any(Number) } });
    const history = await get('/api/history');
    expect(history).toEqual([
      expect.objectContaining({
        id: body.sessionId,
        kind: 'practice',
        title: SG_PROMPT,
        status: 'finished',
        answered: 1,
        total: 1,
        score: body.feedback.score,
      }),
    ]);
    expect(Object.keys((await get('/api/progress')).topics)).toEqual(['networking-security']);
    // Answered today: it is no longer today's suggestion.
    expect((await get('/api/suggestion')).suggestion.questionId).not.toBe('sg-vs-nacl');
    const stored = await store.attempts.listBySession(body.sessionId);
    expect(stored).toEqual([expect.objectContaining({ questionId: 'sg-vs-nacl', parentAttemptId: null, score: body.feedback.score })]);
    expect(stored[0]!.durationMs).toBeGreaterThanOrEqual(19_000);
    // Opened from History, a practised answer asks nothing more (no follow-up to a finished practice).
    expect(await get(`/api/sessions/${body.sessionId}`)).toMatchObject({ next: null, session: { kind: 'practice', status: 'finished' } });
  });

  it('"Improve this answer" shows the new attempt beside the previous one, with gains and losses', async () => {
    const res = await post('/api/practice', { questionId: 'sg-vs-nacl', answer: 'Security groups only allow traffic, while network ACLs allow and deny it.' });
    const body = await res.json();
    expect(body.previous).toMatchObject({
      answer: 'Security groups are stateful and network ACLs are stateless.',
      improved: ['Security groups only allow; network ACLs allow and deny.'],
      lost: ['Security groups are stateful; network ACLs are stateless.'],
    });
    const { questions } = await get('/api/progress');
    expect(questions).toEqual([expect.objectContaining({ questionId: 'sg-vs-nacl', prompt: SG_PROMPT, attempts: [expect.any(Object), expect.any(Object)] })]);
    expect(await get('/api/history')).toHaveLength(2);
  });

  it.each([
    ['an unknown question', { questionId: 'nope', answer: 'x' }, 404, 'question_not_found'],
    ['an empty answer', { questionId: 'sg-vs-nacl', answer: '   ' }, 400, 'invalid_input'],
    ['an over-long answer', { questionId: 'sg-vs-nacl', answer: 'a'.repeat(20_001) }, 413, 'answer_too_long'],
    ['an unknown field', { questionId: 'sg-vs-nacl', answer: 'x', score: 100 }, 400, 'invalid_input'],
  ])('refuses %s and saves nothing', async (_name, body, status, code) => {
    const res = await post('/api/practice', body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await get('/api/history')).toHaveLength(2);
  });
});

describe('skipping and ending a mock interview', () => {
  it('skips a question (recorded, not scored, no follow-up) and moves on', async () => {
    const { session } = await (
      await post('/api/sessions', { role: 'solutions-architect', level: 'mid', count: 2, topics: ['networking-security', 'compute-serverless'], seed: 's' })
    ).json();
    const first = (await get(`/api/sessions/${session.id}`)).next;
    const res = await post(`/api/sessions/${session.id}/skip`);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.skipped).toMatchObject({ questionId: first.questionId, parentAttemptId: null });
    expect(body.next).toMatchObject({ position: 2, parentAttemptId: null });
    expect(body.finished).toBe(false);

    // Ending early reports on what was answered, names what was skipped, and finishes the session.
    const ended = await post(`/api/sessions/${session.id}/end`);
    expect(ended.status).toBe(200);
    const view = await ended.json();
    expect(view.session.status).toBe('finished');
    expect(view.report.questions).toEqual([]);
    expect(view.report.skipped).toEqual([{ id: first.questionId, prompt: first.prompt, isFollowUp: false }]);
    // Reopened later, an ended interview shows its report, not the question it stopped at.
    expect((await get(`/api/sessions/${session.id}`)).next).toBeNull();
    expect((await post(`/api/sessions/${session.id}/skip`)).status).toBe(409);
    expect((await post(`/api/sessions/${session.id}/answers`, { answer: 'late' })).status).toBe(409);
    const line = (await get('/api/history')).find((s: { id: string }) => s.id === session.id);
    expect(line).toMatchObject({ kind: 'interview', status: 'finished', answered: 0, skipped: 1, score: null });
  });

  it('skips a follow-up, and the report keeps the answered question with its score', async () => {
    const { session } = await (
      await post('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, topics: ['networking-security'], seed: 'f' })
    ).json();
    const answered = await (
      await post(`/api/sessions/${session.id}/answers`, { answer: 'Security groups are stateful and network ACLs are stateless.' })
    ).json();
    expect(answered.next.parentAttemptId).not.toBeNull();
    const skipped = await (await post(`/api/sessions/${session.id}/skip`)).json();
    expect(skipped.skipped.prompt).toBe(answered.next.prompt);
    const report = skipped.finished ? (await get(`/api/sessions/${session.id}`)).report : (await (await post(`/api/sessions/${session.id}/end`)).json()).report;
    expect(report.questions).toHaveLength(1);
    expect(report.score).toBe(answered.feedback.score);
    expect(report.skipped[0]).toMatchObject({ prompt: answered.next.prompt, isFollowUp: true });
  });

  it('answers skip and end on an unknown session with session_not_found', async () => {
    for (const path of ['/api/sessions/nope/skip', '/api/sessions/nope/end']) {
      const res = await post(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('session_not_found');
    }
  });
});
