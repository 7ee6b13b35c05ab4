import { createHash, randomBytes } from 'node:crypto';

/** A random token (256 bits, URL-safe) for a sign-in cookie, CSRF token or invite link. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps of a sign-in token: a stolen table holds no usable cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
