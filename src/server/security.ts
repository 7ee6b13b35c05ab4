import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

/** Who may talk to the server: the hosts a request may name and the origins that may write. */
export interface RequestPolicy {
  /** The port the server listens on; when given, a Host header must name it. */
  port?: number;
  /**
   * Team mode: the one public origin (e.g. https://coach.example.com). Without it, only the
   * loopback names (localhost, 127.0.0.1, [::1]) are accepted, so DNS rebinding cannot reach us.
   */
  publicOrigin?: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The page may load only its own scripts (no inline script, no eval; WebAssembly allowed for
 * speech), talk only to its own server, and never be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Sets the security headers on every response, errors and web app files included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

/** True when the Host header names this server: a loopback name (single-user) or the public origin's host (team). */
function isAllowedHost(url: URL, policy: RequestPolicy): boolean {
  if (policy.publicOrigin) return url.host === new URL(policy.publicOrigin).host;
  if (!LOOPBACK_NAMES.has(url.hostname)) return false;
  return policy.port === undefined || url.port === String(policy.port);
}

/** True when a browser says the request comes from another site (Origin, or Sec-Fetch-Site when Origin is absent). */
function isCrossSite(c: Context, url: URL, policy: RequestPolicy): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin !== url.origin && origin !== policy.publicOrigin;
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/** Routes whose body is a file, with the media types they take (none of them a page can send cross-site without asking). */
const AUDIO_TYPES = ['audio/wav', 'audio/wave', 'audio/x-wav', 'audio/vnd.wave', 'audio/webm', 'audio/ogg', 'application/octet-stream'];
const BINARY_BODIES: Array<{ path: RegExp; types: readonly string[] }> = [
  { path: /^\/api\/transcribe$/, types: AUDIO_TYPES },
  { path: /^\/api\/attempts\/[^/]+\/recording$/, types: AUDIO_TYPES },
];

function isAcceptedBinary(path: string, contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return BINARY_BODIES.some((b) => b.path.test(path) && b.types.includes(mediaType));
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * Refuses what a web page on another site (or a DNS-rebinding page) could send: a foreign Host
 * (403), a cross-site write (403), and a write whose body is not JSON (415; text/plain and form
 * bodies are what a page can send without asking). Scripts and the CLI send no Origin and pass.
 */
export function requestGuard(policy: RequestPolicy = {}): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!isAllowedHost(url, policy)) {
      return errorResponse(
        c,
        'host_not_allowed',
        `this server answers only to ${policy.publicOrigin ?? 'localhost, 127.0.0.1 or [::1]'}, not to "${url.host}"`,
        403,
      );
    }
    if (!WRITE_METHODS.has(c.req.method)) return next();
    if (isCrossSite(c, url, policy)) return errorResponse(c, 'origin_not_allowed', 'requests from another site are refused', 403);
    if (JSON_BODY_METHODS.has(c.req.method) && !isJson(c.req.header('content-type')) && !isAcceptedBinary(url.pathname, c.req.header('content-type'))) {
      return errorResponse(c, 'unsupported_media_type', 'send the body as JSON with the header Content-Type: application/json', 415);
    }
    return next();
  };
}
