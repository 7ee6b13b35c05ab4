// Sign-in with an organisation's identity provider: a real OpenID Connect provider (oidc-provider)
// started here, the authorization code flow with PKCE through our start and callback routes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { composeTeamServerApp } from '../../src/server/compose.js';
import { composeAccountService } from '../../src/services/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { ORIGIN, TeamClient } from './team-client.js';

const CLIENT = { client_id: 'loopcoach', client_secret: 'a-client-secret-for-tests', redirect_uris: [`${ORIGIN}/api/auth/oidc/callback`] };

/** A cookie jar for the provider's own pages (its interaction cookies). */
class Browser {
  private cookies = new Map<string, string>();

  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  }

  /** Follows the provider's redirects until one leaves for our callback; fills its login and consent forms. */
  async signInAt(url: string, login: string): Promise<string> {
    let next = url;
    for (let step = 0; step < 12; step++) {
      if (next.startsWith(ORIGIN)) return next;
      const res = await this.go(next);
      if (res.status >= 300 && res.status < 400) {
        next = new URL(res.headers.get('location')!, next).href;
        continue;
      }
      const html = await res.text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form at ${next}: ${html.slice(0, 200)}`);
      const fields: Record<string, string> = html.includes('name="login"') ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' };
      const posted = await this.go(new URL(action, next).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      next = new URL(posted.headers.get('location')!, next).href;
    }
    throw new Error('the provider never redirected back');
  }
}

describe('OpenID Connect sign-in against a real provider', () => {
  let provider: Server;
  let issuer: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof composeTeamServerApp>>['app'];

  beforeAll(async () => {
    provider = createServer();
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const oidc = new Provider(issuer, {
      clients: [CLIENT],
      pkce: { required: () => true },
      claims: { email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@school.test`, email_verified: true, name: `Person ${id}` }) }),
    });
    provider.on('request', oidc.callback());
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-oidc-')), 'team.db');
    store = await openStore(db);
    await composeAccountService(store).addUser({ email: 'coach@school.test', name: 'Known Coach', role: 'coach', password: 'a long password' });
    ({ app } = await composeTeamServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store,
      policy: { publicOrigin: ORIGIN },
      databaseLocation: db,
      oidc: { issuer, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret },
    }));
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => provider?.close(resolve));
    await store?.close();
  });

  /** Our start route → the provider's pages → our callback; returns the signed-in client. */
  async function signIn(login: string): Promise<{ client: TeamClient; landing: Response }> {
    const client = new TeamClient(app);
    const start = await app.request(`${ORIGIN}/api/auth/oidc/start`);
    expect(start.status).toBe(302);
    const challengeCookie = start.headers.get('set-cookie')!.split(';')[0]!;
    expect(start.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const callback = await new Browser().signInAt(start.headers.get('location')!, login);
    const landing = await app.request(callback, { headers: { cookie: challengeCookie } });
    const session = landing.headers.getSetCookie().find((c) => c.startsWith('loopcoach_session='));
    if (session) client.cookie = session.split(';')[0]!;
    return { client, landing };
  }

  it('creates a candidate account for a new person and signs them in', async () => {
    const { client, landing } = await signIn('newcomer');
    expect(landing.status, await landing.clone().text()).toBe(302);
    expect(landing.headers.get('location')).toBe('/');
    const me = await client.get('/api/auth/me');
    expect(me.body).toMatchObject({
      mode: 'team',
      identityProvider: true,
      user: { email: 'newcomer@school.test', name: 'Person newcomer', role: 'candidate' },
    });
    expect((await client.get('/api/history')).status).toBe(200);
  });

  it('signs an existing account in by its email, then by its linked subject', async () => {
    const first = await signIn('coach');
    expect((await first.client.get('/api/auth/me')).body.user).toMatchObject({ email: 'coach@school.test', role: 'coach', name: 'Known Coach' });
    expect((await store.team.findUserByEmail('coach@school.test'))!.oidcSubject).toBe('coach');
    const again = await signIn('coach');
    expect((await again.client.get('/api/auth/me')).body.user.role).toBe('coach');
  });

  it('refuses a callback that was not started here, or whose state was tampered with', async () => {
    const start = await app.request(`${ORIGIN}/api/auth/oidc/start`);
    const callback = await new Browser().signInAt(start.headers.get('location')!, 'mallory');
    const noCookie = await app.request(callback);
    expect(noCookie.status).toBe(401);
    expect((await noCookie.json()).error.code).toBe('sign_in_failed');
    const otherStart = await app.request(`${ORIGIN}/api/auth/oidc/start`);
    const wrongChallenge = await app.request(callback, { headers: { cookie: otherStart.headers.get('set-cookie')!.split(';')[0]! } });
    expect(wrongChallenge.status).toBe(401);
    expect(await store.team.findUserByEmail('mallory@school.test')).toBeUndefined();
  });
});
