import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { OidcChallenge, OidcClient } from '../store/oidc.client.js';
import { errorResponse } from './errors.js';
import { LoopCoachError } from '../errors.js';
import type { AccountService, SignedIn } from '../services/account.service.js';
import type { CohortService } from '../services/cohort.service.js';
import {
  assignmentBodySchema,
  cohortBodySchema,
  commentBodySchema,
  deleteAccountBodySchema,
  joinBodySchema,
  newUserBodySchema,
  passwordBodySchema,
  shareBodySchema,
  sharingBodySchema,
  signInBodySchema,
} from '../api/team.contract.js';
import type { RateLimits } from './rate-limit.js';
import { actorOf, clientAddress, SESSION_COOKIE, signedInOf } from './team-auth.js';
import { parseJsonBody } from './validate.js';

export interface TeamRouteDeps {
  accounts: AccountService;
  cohorts: CohortService;
  limits: RateLimits;
  /** Cookies marked Secure (the public origin is https). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** The public origin: the OIDC callback URL is built on it (the proxy may rewrite the request's). */
  publicOrigin: string;
  /** Sign-in with the organisation's identity provider, when configured. */
  oidc?: OidcClient;
}

/** Holds one OIDC sign-in's state, nonce and PKCE verifier between the start and the callback. */
const OIDC_COOKIE = 'loopcoach_oidc';

function readChallenge(value: string | undefined): OidcChallenge | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcChallenge>;
    return typeof parsed.state === 'string' && typeof parsed.nonce === 'string' && typeof parsed.verifier === 'string' ? (parsed as OidcChallenge) : undefined;
  } catch {
    return undefined;
  }
}

function startSession(c: Context, signed: SignedIn, secure: boolean) {
  setCookie(c, SESSION_COOKIE, signed.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: new Date(signed.expiresAt) });
  return { user: signed.user, csrfToken: signed.csrfToken, expiresAt: signed.expiresAt };
}

function requireAdmin(c: Context) {
  const actor = actorOf(c);
  if (actor.role !== 'admin') throw new LoopCoachError('forbidden', 'only an admin can manage accounts');
  return actor;
}

/** Sign-in, accounts, cohorts, comments, assignments, export and deletion (team mode only). */
export function registerTeamRoutes(app: Hono, { accounts, cohorts, limits, secureCookies, trustProxy, publicOrigin, oidc }: TeamRouteDeps): void {
  app.get('/api/auth/oidc/start', async (c) => {
    if (!oidc) return errorResponse(c, 'not_found', 'sign-in with an identity provider is not configured on this server', 404);
    const { url, challenge } = await oidc.start();
    setCookie(c, OIDC_COOKIE, Buffer.from(JSON.stringify(challenge)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/api/auth/oidc',
      maxAge: 600,
    });
    return c.redirect(url, 302);
  });
  app.get('/api/auth/oidc/callback', async (c) => {
    if (!oidc) return errorResponse(c, 'not_found', 'sign-in with an identity provider is not configured on this server', 404);
    const challenge = readChallenge(getCookie(c, OIDC_COOKIE));
    if (!challenge) throw new LoopCoachError('sign_in_failed', 'this sign-in was not started here or took over 10 minutes: start again');
    const url = new URL(c.req.url);
    const identity = await oidc.finish(new URL(`${publicOrigin}${url.pathname}${url.search}`), challenge).catch(() => {
      throw new LoopCoachError('sign_in_failed', "the identity provider's answer could not be verified: start the sign-in again");
    });
    startSession(c, await accounts.signInWithIdentity(identity), secureCookies);
    deleteCookie(c, OIDC_COOKIE, { path: '/api/auth/oidc' });
    return c.redirect('/', 302);
  });

  app.post('/api/auth/sign-in', async (c) => {
    const { email, password } = await parseJsonBody(c, signInBodySchema);
    const account = email.trim().toLowerCase();
    const address = clientAddress(c, trustProxy);
    await limits.checkSignIn(account, address);
    try {
      const signed = await accounts.signIn(account, password);
      await limits.succeededSignIn(account);
      return c.json(startSession(c, signed, secureCookies));
    } catch (error) {
      if (error instanceof LoopCoachError && error.code === 'sign_in_failed') await limits.failedSignIn(account, address);
      throw error;
    }
  });
  app.get('/api/auth/me', (c) => {
    const auth = signedInOf(c);
    return c.json({ mode: 'team', user: auth?.user ?? null, csrfToken: auth?.csrfToken ?? null, identityProvider: oidc !== undefined });
  });
  app.post('/api/auth/sign-out', async (c) => {
    await accounts.signOut(signedInOf(c)!.token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signedOut: 1 });
  });
  app.post('/api/auth/sign-out-everywhere', async (c) => {
    const signedOut = await accounts.signOutEverywhere(actorOf(c).id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signedOut });
  });

  app.get('/api/users', async (c) => {
    requireAdmin(c);
    return c.json(await accounts.listUsers());
  });
  app.post('/api/users', async (c) => {
    requireAdmin(c);
    return c.json(await accounts.addUser(await parseJsonBody(c, newUserBodySchema)), 201);
  });
  app.post('/api/users/:id/password', async (c) => {
    await accounts.resetPassword(actorOf(c), c.req.param('id'), (await parseJsonBody(c, passwordBodySchema)).password);
    return c.json({ reset: c.req.param('id') });
  });

  app.get('/api/cohorts', async (c) => c.json(await cohorts.listMine(actorOf(c))));
  app.post('/api/cohorts', async (c) => c.json(await cohorts.create(actorOf(c), (await parseJsonBody(c, cohortBodySchema)).name), 201));
  app.post('/api/cohorts/join', async (c) => {
    const { code, sharing } = await parseJsonBody(c, joinBodySchema);
    return c.json(await cohorts.join(actorOf(c), code, sharing));
  });
  app.get('/api/cohorts/:id', async (c) => c.json(await cohorts.get(actorOf(c), c.req.param('id'))));
  app.get('/api/cohorts/:id/dashboard', async (c) => c.json(await cohorts.dashboard(actorOf(c), c.req.param('id'))));
  app.put('/api/cohorts/:id/sharing', async (c) => {
    const { sharing } = await parseJsonBody(c, sharingBodySchema);
    return c.json(await cohorts.changeSharing(actorOf(c), c.req.param('id'), sharing));
  });
  app.delete('/api/cohorts/:id/membership', async (c) => {
    await cohorts.leave(actorOf(c), c.req.param('id'));
    return c.json({ left: c.req.param('id') });
  });
  app.delete('/api/cohorts/:id/members/:userId', async (c) => {
    await cohorts.removeMember(actorOf(c), c.req.param('id'), c.req.param('userId'));
    return c.json({ removed: c.req.param('userId') });
  });
  app.get('/api/cohorts/:id/attempts/:attemptId', async (c) => c.json(await cohorts.memberAttempt(actorOf(c), c.req.param('id'), c.req.param('attemptId'))));
  app.post('/api/cohorts/:id/attempts/:attemptId/comments', async (c) => {
    const { sentence, body } = await parseJsonBody(c, commentBodySchema);
    return c.json(await cohorts.comment(actorOf(c), c.req.param('id'), c.req.param('attemptId'), sentence, body), 201);
  });
  app.get('/api/cohorts/:id/assignments', async (c) => c.json(await cohorts.assignmentsOf(actorOf(c), c.req.param('id'))));
  app.post('/api/cohorts/:id/assignments', async (c) =>
    c.json(await cohorts.assign(actorOf(c), c.req.param('id'), await parseJsonBody(c, assignmentBodySchema)), 201),
  );

  app.get('/api/assignments', async (c) => c.json(await cohorts.assignmentsForMe(actorOf(c))));
  app.get('/api/comments', async (c) => c.json(await cohorts.commentsForMe(actorOf(c))));
  app.get('/api/my-answers', async (c) => c.json(await cohorts.myAnswers(actorOf(c))));
  app.put('/api/attempts/:id/share', async (c) => {
    const { shared } = await parseJsonBody(c, shareBodySchema);
    await cohorts.share(actorOf(c), c.req.param('id'), shared);
    return c.json({ attemptId: c.req.param('id'), shared });
  });

  app.get('/api/account/export', async (c) => {
    c.header('content-disposition', 'attachment; filename="loopcoach-export.json"');
    return c.json(await accounts.exportData(actorOf(c)));
  });
  app.delete('/api/account', async (c) => {
    const actor = actorOf(c);
    const { email } = await parseJsonBody(c, deleteAccountBodySchema);
    if (email.trim().toLowerCase() !== actor.email) throw new LoopCoachError('invalid_input', 'type your email address to confirm deleting your account');
    await accounts.deleteAccount(actor);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ deleted: actor.id });
  });
}
