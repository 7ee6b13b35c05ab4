import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { LoopCoachError } from '../errors.js';
import type { AccountService } from '../services/account.service.js';
import type { UserRecord } from '../store/team.repository.js';
import type { RateLimits } from './rate-limit.js';

/** The sign-in cookie: HTTP-only, SameSite=Lax, its token stored hashed in the database. */
export const SESSION_COOKIE = 'loopcoach_session';
/** Writes by a signed-in browser carry the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

/** API paths that answer without signing in. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/openapi.json',
  '/api/auth/sign-in',
  '/api/auth/me',
  '/api/auth/oidc/start',
  '/api/auth/oidc/callback',
]);
/** The routes whose answers are graded, so count against the grading rate limits. */
export const GRADED_PATHS: ReadonlySet<string> = new Set(['/api/grade', '/api/practice', '/api/sessions/:id/answers', '/api/sessions/:id/preview']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SignedInRequest {
  user: UserRecord;
  csrfToken: string;
  token: string;
}

/** The context variable holding the request's sign-in (the app's Hono is untyped, so it is reached through these two). */
const SIGNED_IN = 'loopcoachSignedIn';

function setSignedIn(c: Context, value: SignedInRequest): void {
  (c.set as (key: string, value: unknown) => void)(SIGNED_IN, value);
}

/** The signed-in user of a request, or undefined before signing in. */
export function signedInOf(c: Context): SignedInRequest | undefined {
  return (c.get as (key: string) => SignedInRequest | undefined)(SIGNED_IN);
}

/** The signed-in user of a request that needed one. */
export function actorOf(c: Context): UserRecord {
  const auth = signedInOf(c);
  if (!auth) throw new LoopCoachError('sign_in_required', 'sign in first');
  return auth.user;
}

/** The client's address: the proxy's X-Forwarded-For (first hop) when trusted, else the socket's. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (trustProxy && forwarded) return forwarded;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export interface TeamAuthOptions {
  accounts: AccountService;
  runAs: <T>(userId: string, task: () => Promise<T>) => Promise<T>;
}

/**
 * Every API route but the public ones needs a signed-in session (401 otherwise); a write needs
 * the session's CSRF token too (403), besides the request guard's Origin check. The rest of the
 * request runs as the user.
 */
export function teamAuth({ accounts, runAs }: TeamAuthOptions): MiddlewareHandler {
  return async (c, next) => {
    // The web app's files are public (its sign-in screen among them); only the API needs a user.
    if (!c.req.path.startsWith('/api/')) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const auth = token ? await accounts.authenticate(token) : undefined;
    if (auth && token) setSignedIn(c, { ...auth, token });
    if (PUBLIC_API_PATHS.has(c.req.path)) return next();
    if (!auth) throw new LoopCoachError('sign_in_required', 'sign in first: your session has ended or you are not signed in');
    if (WRITE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== auth.csrfToken) {
      throw new LoopCoachError('csrf_invalid', `this write needs the ${CSRF_HEADER} header of your signed-in session`);
    }
    await runAs(auth.user.id, next);
  };
}

/** Graded answers count against the account's and the address's limits. */
export function gradingLimit(limits: RateLimits, trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    const auth = signedInOf(c);
    if (auth && c.req.method === 'POST') await limits.grading(auth.user.id, clientAddress(c, trustProxy));
    return next();
  };
}
