// Mock-interview sessions through the API, on a real SQLite file: start, answer to the end, history, bad input.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { createApp } from '../../src/server/app.js';
import { ProgressService } from '../../src/services/progress.service.js';
import { SessionService } from '../../src/services/session.service.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: ReturnType<typeof createApp>;
let store: Store;

beforeAll(async () => {
  const coach = await createCoach({ questionDir: writeQuestionBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-api-sessions-')), 'test.db'));
  const sessions = new SessionService({ sessions: store.sessions, attempts: store.attempts, coach });
  app = createApp({ coach, sessions, progress: new ProgressService({ answers: sessions, coach }) });
});

afterAll(() => store?.close());

const json = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('session API', () => {
  let sessionId = '';

  it('starts a session and says what to ask first', async () => {
    const res = await json('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' });
    expect(res.status).toBe(201);
    const body = await res.json();
    sessionId = body.session.id;
    expect(body.session.plan.questionIds).toEqual(['sg-vs-nacl']);
    expect(body.next).toMatchObject({ questionId: 'sg-vs-nacl', position: 1, total: 1, parentAttemptId: null });
  });

  it('keeps what was saved when an answer is refused', async () => {
    const tooLong = await json(`/api/sessions/${sessionId}/answers`, { answer: 'a'.repeat(20_001) });
    expect(tooLong.status).toBe(413);
    expect((await tooLong.json()).error.code).toBe('answer_too_long');
    const malformed = await json(`/api/sessions/${sessionId}/answers`, '{"answer": ');
    expect(malformed.status).toBe(400);
    const history = await (await app.request('/api/history')).json();
    expect(history).toEqual([expect.objectContaining({ id: sessionId, answered: 0, status: 'in-progress' })]);
  });

  it('grades the pending prompt live without saving anything', async () => {
    const res = await json(`/api/sessions/${sessionId}/preview`, { answer: 'Security groups are stateful and network ACLs are stateless.' });
    expect(res.status).toBe(200);
    const feedback = await res.json();
    expect(feedback.rubric[0]).toMatchObject({ covered: true, evidence: 'Security groups are stateful and network ACLs are stateless.' });
    expect((await json(`/api/sessions/${sessionId}/preview`, { answer: 'a'.repeat(20_001) })).status).toBe(413);
    expect((await json(`/api/sessions/${sessionId}/preview`, '{"answer"')).status).toBe(400);
    expect((await json('/api/sessions/nope/preview', { answer: 'x' })).status).toBe(404);
    expect(await store.attempts.listBySession(sessionId)).toEqual([]);
    const session = await (await app.request(`/api/sessions/${sessionId}`)).json();
    expect(session.next).toMatchObject({ questionId: 'sg-vs-nacl', parentAttemptId: null });
  });

  it('grades each answer, asks follow-ups, and finishes', async () => {
    const first = await json(`/api/sessions/${sessionId}/answers`, {
      answer: 'Security groups are stateful and network ACLs are stateless.',
      startedAt: new Date(Date.now() - 30_000).toISOString(),
    });
    expect(first.status).toBe(201);
    let body = await first.json();
    expect(body.feedback.rubric[0].covered).toBe(true);
    expect(body.finished).toBe(false); // two points were left out: a follow-up asks for them
    for (let i = 0; i < 5 && !body.finished; i++) {
      expect(body.next.parentAttemptId).not.toBeNull(); // a follow-up of the main answer
      const live = await (await json(`/api/sessions/${sessionId}/preview`, { answer: 'Ephemeral ports must be open.' })).json();
      expect(live.rubric.map((r: { point: string }) => r.point)).not.toContain('Security groups are stateful; network ACLs are stateless.');
      body = await (await json(`/api/sessions/${sessionId}/answers`, { answer: 'Ephemeral ports must be open in the NACL for return traffic.' })).json();
    }
    expect(body).toMatchObject({ finished: true, next: null });
    const again = await json(`/api/sessions/${sessionId}/answers`, { answer: 'one more' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('session_finished');
    expect((await json(`/api/sessions/${sessionId}/preview`, { answer: 'one more' })).status).toBe(409);
  });

  it('shows the session with its report and lists it in history', async () => {
    const res = await app.request(`/api/sessions/${sessionId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.session.status).toBe('finished');
    expect(body.next).toBeNull();
    expect(body.report).toEqual(expect.any(Object));
    expect(body.modelAnswers).toEqual({ 'sg-vs-nacl': expect.stringContaining('security groups were stateful') });
    const history = await (await app.request('/api/history')).json();
    expect(history[0]).toMatchObject({ id: sessionId, answered: 1, status: 'finished', score: expect.any(Number) });
  });

  it('suggests a topic not practised yet while the only answer is fresh', async () => {
    const body = await (await app.request('/api/suggestion')).json();
    expect(body).toEqual({
      suggestion: {
        questionId: 'sqs-decoupling',
        prompt: 'Why would you put an SQS queue between two services?',
        topic: 'compute-serverless',
        reason: 'You have not practised compute and serverless yet.',
      },
    });
  });

  it('shows progress built from the saved answers', async () => {
    const res = await app.request('/api/progress');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body.topics)).toEqual(['networking-security']);
    expect(body.streak.daysPractised).toBe(1);
  });

  it('compares a repeated question by its prompt, with what the latest attempt lost as well as gained', async () => {
    const again = await (await json('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' })).json();
    await json(`/api/sessions/${again.session.id}/answers`, { answer: 'Security groups only allow traffic, while network ACLs allow and deny it.' });
    const { questions } = await (await app.request('/api/progress')).json();
    expect(questions).toEqual([
      expect.objectContaining({
        questionId: 'sg-vs-nacl',
        prompt: 'What is the difference between a security group and a network ACL?',
        improved: ['Security groups only allow; network ACLs allow and deny.'],
        lost: ['Security groups are stateful; network ACLs are stateless.'],
        habitsAdded: expect.any(Array),
      }),
    ]);
  });

  it.each([
    ['an unknown session', () => app.request('/api/sessions/nope'), 404, 'session_not_found'],
    ['an answer to an unknown session', () => json('/api/sessions/nope/answers', { answer: 'x' }), 404, 'session_not_found'],
    ['an unknown role', () => json('/api/sessions', { role: 'astronaut', level: 'entry' }), 400, 'invalid_input'],
    ['a missing level', () => json('/api/sessions', { role: 'sre' }), 400, 'invalid_input'],
    ['a count of zero', () => json('/api/sessions', { role: 'sre', level: 'entry', count: 0 }), 400, 'invalid_input'],
  ])('answers %s with a clear error', async (_name, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  });
});
