// Team mode through the API on a real database (SQLite always, PostgreSQL when it answers):
// sign-in, CSRF, the authorization matrix, cohorts, comments, assignments, export and deletion.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { composeTeamServerApp } from '../../src/server/compose.js';
import { composeAccountService } from '../../src/services/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { ORIGIN, TeamClient } from './team-client.js';

const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
async function postgresReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
const pgSkip = await postgresReason();
if (pgSkip) console.warn(`team API tests on PostgreSQL skipped: cannot connect to ${PG_URL} (${pgSkip})`);

const PASSWORD = 'correct horse battery';
const ANSWER = 'Security groups are stateful. Network ACLs are stateless and apply to a whole subnet.';

const backends = [
  {
    name: 'SQLite',
    skip: null as string | null,
    location: () => join(mkdtempSync(join(tmpdir(), 'loopcoach-team-')), 'team.db'),
    schema: undefined as string | undefined,
  },
  { name: 'PostgreSQL', skip: pgSkip, location: () => PG_URL, schema: `team_${process.pid}_${Date.now() % 100000}` },
];

describe.each(backends)('team mode on $name', ({ skip, location, schema }) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof composeTeamServerApp>>['app'];
  let close: () => Promise<void>;
  const client = () => new TeamClient(app);
  let admin: TeamClient, coach: TeamClient, ann: TeamClient, bob: TeamClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (skip) return;
    const db = location();
    store = await openStore(db, schema ? { schema } : {});
    const coachBank = await createCoach({ questionDir: writeQuestionBank() });
    const accounts = composeAccountService(store);
    ids.admin = (await accounts.addUser({ email: 'admin@school.test', name: 'Ada Admin', role: 'admin', password: PASSWORD })).id;
    ({ app, close } = await composeTeamServerApp({
      coach: coachBank,
      store,
      policy: { publicOrigin: ORIGIN },
      databaseLocation: db,
      ...(schema ? { schema } : {}),
      rateLimits: {
        signInPerAccount: { points: 5, duration: 900 },
        signInPerAddress: { points: 1000, duration: 900 },
        gradingPerAccount: { points: 1000, duration: 60 },
        gradingPerAddress: { points: 1000, duration: 60 },
      },
    }));
    admin = client();
    expect((await admin.signIn('admin@school.test', PASSWORD)).status).toBe(200);
    for (const [key, email, role] of [
      ['coach', 'coach@school.test', 'coach'],
      ['ann', 'ann@school.test', 'candidate'],
      ['bob', 'bob@school.test', 'candidate'],
      ['eve', 'eve@school.test', 'candidate'],
    ] as const) {
      const created = await admin.post('/api/users', { email, name: key, role, password: PASSWORD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[key] = created.body.id;
    }
    coach = client();
    ann = client();
    bob = client();
    await coach.signIn('coach@school.test', PASSWORD);
    await ann.signIn('ann@school.test', PASSWORD);
    await bob.signIn('bob@school.test', PASSWORD);
  });

  afterAll(async () => {
    await close?.();
    if (store && schema) await store.close();
    else await store?.close();
    if (schema && !skip) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  });

  it.skipIf(skip)(`needs a sign-in for every API route but the public ones${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const anonymous = client();
    expect((await anonymous.get('/api/health')).status).toBe(200);
    expect((await anonymous.get('/api/auth/me')).body).toEqual({ mode: 'team', user: null, csrfToken: null, identityProvider: false });
    for (const path of ['/api/history', '/api/progress', '/api/my-questions', '/api/documents', '/api/cohorts', '/api/assignments', '/api/account/export']) {
      const reply = await anonymous.get(path);
      expect(reply.status, path).toBe(401);
      expect(reply.body.error.code).toBe('sign_in_required');
    }
    expect((await anonymous.post('/api/sessions', { role: 'solutions-architect', level: 'entry' })).status).toBe(401);
  });

  it.skipIf(skip)('signs in with an HTTP-only SameSite cookie and refuses a wrong password alike for unknown emails', async () => {
    const c = client();
    const wrong = await c.signIn('ann@school.test', 'not the password');
    const unknown = await c.signIn('nobody@school.test', 'not the password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    const ok = await c.signIn('ANN@school.test', PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/);
    expect(ok.body.user).toMatchObject({ email: 'ann@school.test', role: 'candidate' });
    expect(ok.body.user.passwordHash).toBeUndefined();
    expect((await c.get('/api/auth/me')).body.user.email).toBe('ann@school.test');
  });

  it.skipIf(skip)('refuses a write without the session CSRF token, even with the cookie', async () => {
    const reply = await ann.call('POST', '/api/sessions', { role: 'solutions-architect', level: 'entry' }, { csrf: false });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf_invalid');
  });

  it.skipIf(skip)("keeps each user's practice their own: another user's ids read as not found", async () => {
    const started = await ann.post('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' });
    expect(started.status).toBe(201);
    ids.annSession = started.body.session.id;
    const answered = await ann.post(`/api/sessions/${ids.annSession}/answers`, { answer: ANSWER });
    expect(answered.status).toBe(201);
    ids.annAttempt = (await store.forUser(ids.ann!).attempts.listAll())[0]!.id;
    const imported = await ann.post('/api/my-questions', { yaml: ownQuestion('shared-id') });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect((await bob.post('/api/my-questions', { yaml: ownQuestion('shared-id') })).status).toBe(201);
    await store
      .forUser(ids.ann!)
      .documents.save({ id: 'ann-doc', kind: 'posting', name: 'job.txt', text: 'SRE at a bank', createdAt: new Date().toISOString() });

    const s = ids.annSession;
    const notFound = [
      await bob.get(`/api/sessions/${s}`),
      await bob.post(`/api/sessions/${s}/answers`, { answer: 'mine now' }),
      await bob.post(`/api/sessions/${s}/preview`, { answer: 'peek' }),
      await bob.delete('/api/documents/ann-doc'),
      await bob.put(`/api/attempts/${ids.annAttempt}/share`, { shared: true }),
    ];
    expect(notFound.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect((await bob.get('/api/history')).body).toEqual([]);
    expect((await bob.get('/api/progress')).body.topics).toEqual({});
    expect((await bob.get('/api/documents')).body).toEqual([]);
    expect((await bob.get('/api/my-questions')).body.map((q: { id: string }) => q.id)).toEqual(['shared-id']);
    expect((await bob.delete('/api/my-questions/shared-id')).status).toBe(200);
    expect((await ann.get('/api/my-questions')).body.map((q: { id: string }) => q.id)).toEqual(['shared-id']);
    expect((await ann.get('/api/history')).body).toHaveLength(1);
    expect((await ann.get('/api/documents')).body).toHaveLength(1);
    // The session is still Ann's alone: Bob's answer was never recorded.
    expect(await store.forUser(ids.ann!).attempts.listBySession(s!)).toHaveLength(1);
  });

  it.skipIf(skip)('lets only an admin manage accounts', async () => {
    expect((await ann.get('/api/users')).status).toBe(403);
    expect((await coach.post('/api/users', { email: 'x@school.test', name: 'x', role: 'admin', password: PASSWORD })).status).toBe(403);
    expect((await ann.post(`/api/users/${ids.bob}/password`, { password: 'another password' })).status).toBe(403);
    expect((await admin.get('/api/users')).body).toHaveLength(5);
    expect((await admin.post('/api/users', { email: 'ann@school.test', name: 'dup', role: 'candidate', password: PASSWORD })).status).toBe(409);
  });

  it.skipIf(skip)('runs a cohort: invite, sharing choices, dashboard, comments on a sentence, assignments, removal', async () => {
    expect((await ann.post('/api/cohorts', { name: 'Not mine' })).status).toBe(403);
    const cohort = await coach.post('/api/cohorts', { name: 'Autumn class' });
    expect(cohort.status).toBe(201);
    const { id, inviteCode } = cohort.body;
    ids.cohort = id;
    expect((await ann.post('/api/cohorts/join', { code: 'not-a-code', sharing: 'all' })).status).toBe(404);
    expect((await ann.post('/api/cohorts/join', { code: inviteCode, sharing: 'all' })).body).toMatchObject({ cohortId: id, sharing: 'all' });
    expect((await bob.post('/api/cohorts/join', { code: inviteCode, sharing: 'shared' })).status).toBe(200);

    // A candidate cannot read the coach's cohort; the coach reads it.
    for (const path of [
      `/api/cohorts/${id}`,
      `/api/cohorts/${id}/dashboard`,
      `/api/cohorts/${id}/attempts/${ids.annAttempt}`,
      `/api/cohorts/${id}/assignments`,
    ]) {
      expect((await ann.get(path)).status, path).toBe(404);
    }
    expect((await ann.post(`/api/cohorts/${id}/attempts/${ids.annAttempt}/comments`, { sentence: 'Security groups are stateful.', body: 'x' })).status).toBe(
      404,
    );
    expect((await ann.delete(`/api/cohorts/${id}/members/${ids.bob}`)).status).toBe(404);

    // Bob practises but shares nothing: the coach sees his line, none of his answers.
    const bobSession = await bob.post('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' });
    await bob.post(`/api/sessions/${bobSession.body.session.id}/answers`, { answer: 'Security groups filter traffic. I am not sure about ACLs.' });
    const bobAttempt = (await store.forUser(ids.bob!).attempts.listAll())[0]!.id;
    let dashboard = (await coach.get(`/api/cohorts/${id}/dashboard`)).body;
    const line = (who: string) => dashboard.candidates.find((c: { userId: string }) => c.userId === ids[who]);
    expect(line('ann').attempts).toHaveLength(1);
    expect(line('ann').summary).toMatchObject({ sessions: 1, practisedThisWeek: 1, stuck: null });
    expect(Object.keys(line('ann').summary.progress.topics)).toEqual(['networking-security']);
    expect(line('bob').attempts).toEqual([]);
    expect(line('bob').summary).toMatchObject({ sessions: 0, answers: 0, stuck: null });
    expect((await coach.get(`/api/cohorts/${id}/attempts/${bobAttempt}`)).status).toBe(404);
    expect((await bob.put(`/api/attempts/${bobAttempt}/share`, { shared: true })).status).toBe(200);
    expect((await bob.get('/api/my-answers')).body).toEqual([expect.objectContaining({ id: bobAttempt, shared: true })]);
    dashboard = (await coach.get(`/api/cohorts/${id}/dashboard`)).body;
    expect(line('bob').attempts.map((a: { id: string }) => a.id)).toEqual([bobAttempt]);
    expect((await coach.get(`/api/cohorts/${id}/attempts/${bobAttempt}`)).body.attempt.feedback.score).toEqual(expect.any(Number));

    // A comment anchored to one sentence of Ann's answer reaches Ann (and no one else).
    const view = (await coach.get(`/api/cohorts/${id}/attempts/${ids.annAttempt}`)).body;
    expect(view.sentences).toContain('Security groups are stateful.');
    expect((await coach.post(`/api/cohorts/${id}/attempts/${ids.annAttempt}/comments`, { sentence: 'A sentence she never wrote.', body: 'x' })).status).toBe(
      400,
    );
    const comment = await coach.post(`/api/cohorts/${id}/attempts/${ids.annAttempt}/comments`, {
      sentence: 'Security groups are stateful.',
      body: 'Say what stateful means for return traffic.',
    });
    expect(comment.status).toBe(201);
    expect((await ann.get('/api/comments')).body).toEqual([
      expect.objectContaining({
        attemptId: ids.annAttempt,
        sentence: 'Security groups are stateful.',
        body: 'Say what stateful means for return traffic.',
        authorName: 'coach',
      }),
    ]);
    expect((await bob.get('/api/comments')).body).toEqual([]);

    // An assignment shows on each member's Home, done once its questions are answered.
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      (await coach.post(`/api/cohorts/${id}/assignments`, { title: 'x', dueAt: due, spec: { kind: 'questions', questionIds: ['no-such-question'] } })).status,
    ).toBe(404);
    const again = await ann.post('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1, seed: 'fixed' });
    expect(
      (await coach.post(`/api/cohorts/${id}/assignments`, { title: 'Bank only', dueAt: due, spec: { kind: 'questions', questionIds: ['shared-id'] } })).status,
    ).toBe(404);
    const assigned = await coach.post(`/api/cohorts/${id}/assignments`, {
      title: 'Networking basics',
      dueAt: due,
      spec: { kind: 'mock', role: 'solutions-architect', level: 'entry', count: 1, topics: ['networking-security'] },
    });
    expect(assigned.status).toBe(201);
    expect((await ann.get('/api/assignments')).body).toEqual([
      expect.objectContaining({ title: 'Networking basics', cohortName: 'Autumn class', done: false }),
    ]);
    await ann.post(`/api/sessions/${again.body.session.id}/answers`, { answer: ANSWER });
    expect((await ann.get('/api/assignments')).body[0].done).toBe(true);
    const eve = client();
    await eve.signIn('eve@school.test', PASSWORD);
    expect((await eve.get('/api/assignments')).body).toEqual([]);

    // A removed member's answers are out of the coach's reach at once.
    expect((await coach.delete(`/api/cohorts/${id}/members/${ids.ann}`)).status).toBe(200);
    expect((await coach.get(`/api/cohorts/${id}/attempts/${ids.annAttempt}`)).status).toBe(404);
    expect(
      (await coach.post(`/api/cohorts/${id}/attempts/${ids.annAttempt}/comments`, { sentence: 'Security groups are stateful.', body: 'more' })).status,
    ).toBe(404);
    dashboard = (await coach.get(`/api/cohorts/${id}/dashboard`)).body;
    expect(dashboard.candidates.map((c: { userId: string }) => c.userId)).toEqual([ids.bob]);
    expect((await ann.get('/api/assignments')).body).toEqual([]);
  });

  it.skipIf(skip)('signs out everywhere, and an admin reset ends every sign-in of that user', async () => {
    const laptop = client();
    const phone = client();
    await laptop.signIn('eve@school.test', PASSWORD);
    await phone.signIn('eve@school.test', PASSWORD);
    expect((await laptop.post('/api/auth/sign-out-everywhere')).body.signedOut).toBeGreaterThanOrEqual(2);
    expect((await phone.get('/api/history')).status).toBe(401);
    expect((await laptop.get('/api/history')).status).toBe(401);

    const tablet = client();
    await tablet.signIn('eve@school.test', PASSWORD);
    expect((await admin.post(`/api/users/${ids.eve}/password`, { password: 'short' })).status).toBe(400);
    expect((await admin.post(`/api/users/${ids.eve}/password`, { password: 'a brand new password' })).status).toBe(200);
    expect((await tablet.get('/api/history')).status).toBe(401);
    expect((await client().signIn('eve@school.test', PASSWORD)).status).toBe(401);
    expect((await client().signIn('eve@school.test', 'a brand new password')).status).toBe(200);
    expect((await admin.post('/api/users/no-such-user/password', { password: 'a brand new password' })).status).toBe(404);

    const once = client();
    await once.signIn('bob@school.test', PASSWORD);
    expect((await once.post('/api/auth/sign-out')).status).toBe(200);
    expect((await once.get('/api/history')).status).toBe(401);
    expect((await bob.get('/api/history')).status).toBe(200);
  });

  it.skipIf(skip)('rate-limits wrong passwords per account: the right one is refused too until the window passes', async () => {
    const c = client();
    for (let i = 0; i < 5; i++) expect((await c.signIn('coach@school.test', `wrong ${i}`)).status).toBe(401);
    const blocked = await c.signIn('coach@school.test', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect((await coach.get('/api/cohorts')).status).toBe(200);
  });

  it.skipIf(skip)('exports all of a user’s data and deletes the account with everything in it', async () => {
    const exported = await ann.get('/api/account/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    expect(exported.body.account.email).toBe('ann@school.test');
    expect(exported.body.sessions).toHaveLength(2);
    expect(exported.body.attempts.length).toBeGreaterThanOrEqual(2);
    expect(exported.body.commentsOnMyAnswers).toHaveLength(1);
    expect(exported.body.questions.map((q: { id: string }) => q.id)).toEqual(['shared-id']);
    expect(exported.body.documents[0]).toMatchObject({ id: 'ann-doc', text: 'SRE at a bank' });

    expect((await ann.delete('/api/account', { email: 'bob@school.test' })).status).toBe(400);
    expect((await ann.delete('/api/account', { email: 'ann@school.test' })).status).toBe(200);
    expect((await ann.get('/api/history')).status).toBe(401);
    expect((await client().signIn('ann@school.test', PASSWORD)).status).toBe(401);
    const own = store.forUser(ids.ann!);
    expect([await own.sessions.list(), await own.attempts.listAll(), await own.userQuestions.list(), await own.documents.list()]).toEqual([[], [], [], []]);
    expect(await store.team.listComments(ids.annAttempt!)).toEqual([]);
    expect((await bob.get('/api/my-questions')).status).toBe(200);
  });
});

function ownQuestion(id: string): string {
  return `id: ${id}
topic: networking-security
levels: [entry]
kind: concept
prompt: Why use a VPC endpoint?
rubric:
  - Traffic stays on the AWS network.
  - No NAT gateway is needed.
  - An endpoint policy limits access.
modelAnswer: Traffic stays on the AWS network, no NAT gateway is needed, and an endpoint policy limits access.
pitfalls:
  - claim: Endpoints need public IPs.
    correction: They do not.
followUps:
  - prompt: How would you restrict an endpoint to one bucket?
    when: { missed: 3 }
  - prompt: What does an interface endpoint cost?
    when: { finding: no-tradeoff }
services: [Amazon VPC]
`;
}
