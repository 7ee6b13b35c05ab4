// Sign-in sessions end on their own (and expired ones are swept), and the single-user server stays sign-in free.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { loadConfig } from '../../src/config.js';
import { composeServerApp, composeTeamServerApp } from '../../src/server/compose.js';
import { composeAccountService } from '../../src/services/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { hashToken } from '../../src/store/tokens.js';
import { ORIGIN, TeamClient } from './team-client.js';

const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
});

async function freshStore(): Promise<{ store: Store; db: string }> {
  const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-team-session-')), 'team.db');
  const store = await openStore(db);
  stores.push(store);
  return { store, db };
}

describe('sign-in sessions', () => {
  it('expire: after their lifetime the cookie no longer signs in, and the row is gone', async () => {
    const { store, db } = await freshStore();
    await composeAccountService(store).addUser({ email: 'kim@school.test', name: 'Kim', role: 'candidate', password: 'long enough password' });
    const { app, close } = await composeTeamServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store,
      policy: { publicOrigin: ORIGIN },
      databaseLocation: db,
      accountParams: { sessionTtlMs: 400, minPasswordLength: 8 },
    });
    const kim = new TeamClient(app);
    expect((await kim.signIn('kim@school.test', 'long enough password')).status).toBe(200);
    expect((await kim.get('/api/history')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const expired = await kim.get('/api/history');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('sign_in_required');
    expect(await store.team.deleteAuthSessionsOf((await store.team.findUserByEmail('kim@school.test'))!.id)).toBe(0);
    await close();
  });
});

describe('expired sign-in sessions', () => {
  it('are swept at the next sign-in of anyone, not only when their cookie comes back', async () => {
    const { store } = await freshStore();
    const accounts = composeAccountService(store, { sessionTtlMs: 300, minPasswordLength: 8 });
    const kim = await accounts.addUser({ email: 'kim@school.test', name: 'Kim', role: 'candidate', password: 'long enough password' });
    const lee = await accounts.addUser({ email: 'lee@school.test', name: 'Lee', role: 'candidate', password: 'long enough password' });
    const abandoned = await accounts.signIn('kim@school.test', 'long enough password');
    const leesEarlier = await accounts.signIn('lee@school.test', 'long enough password');
    await new Promise((r) => setTimeout(r, 400));
    const fresh = await composeAccountService(store).signIn('lee@school.test', 'long enough password');
    // Kim's cookie never came back, yet its row is gone; Lee's expired one too, the new one stays.
    expect(await store.team.findAuthSession(hashToken(abandoned.token))).toBeUndefined();
    expect(await store.team.findAuthSession(hashToken(leesEarlier.token))).toBeUndefined();
    expect(await store.team.findAuthSession(hashToken(fresh.token))).toMatchObject({ userId: lee.id });
    expect(await store.team.deleteAuthSessionsOf(kim.id)).toBe(0);
  });
});

describe('grading rate limit', () => {
  it('refuses graded answers past the per-account limit with 429, and counts each account apart', async () => {
    const { store, db } = await freshStore();
    const accounts = composeAccountService(store);
    for (const email of ['lee@school.test', 'max@school.test'])
      await accounts.addUser({ email, name: email, role: 'candidate', password: 'long enough password' });
    const limits = {
      signInPerAccount: { points: 5, duration: 900 },
      signInPerAddress: { points: 100, duration: 900 },
      gradingPerAccount: { points: 2, duration: 60 },
      gradingPerAddress: { points: 100, duration: 60 },
    };
    const { app, close } = await composeTeamServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store,
      policy: { publicOrigin: ORIGIN },
      databaseLocation: db,
      rateLimits: limits,
    });
    const lee = new TeamClient(app);
    const max = new TeamClient(app);
    await lee.signIn('lee@school.test', 'long enough password');
    await max.signIn('max@school.test', 'long enough password');
    const grade = (who: TeamClient) => who.post('/api/grade', { questionId: 'sg-vs-nacl', answer: 'Security groups are stateful.' });
    expect([(await grade(lee)).status, (await grade(lee)).status]).toEqual([200, 200]);
    const refused = await grade(lee);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds/) });
    expect((await grade(max)).status).toBe(200);
    await close();
  });
});

describe('single-user mode', () => {
  it('needs no sign-in and says so to the web app', async () => {
    const { store } = await freshStore();
    const app = await composeServerApp({ coach: await createCoach({ questionDir: writeQuestionBank() }), store });
    expect(await (await app.request('/api/auth/me')).json()).toEqual({ mode: 'single-user', user: null, csrfToken: null });
    const started = await app.request('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'solutions-architect', level: 'entry', count: 1 }),
    });
    expect(started.status).toBe(201);
    expect((await app.request('/api/cohorts')).status).toBe(404);
  });

  it('team mode is asked for with --team or LOOPCOACH_TEAM and needs the public origin', () => {
    expect(loadConfig({}, {}).team).toBe(false);
    expect(() => loadConfig({ team: true }, {})).toThrow(/LOOPCOACH_ORIGIN/);
    expect(loadConfig({}, { LOOPCOACH_TEAM: '1', LOOPCOACH_ORIGIN: 'https://coach.example.com' })).toMatchObject({
      team: true,
      publicOrigin: 'https://coach.example.com',
    });
  });
});
