/** Team mode: the signed-in session's CSRF token, sent on every write (single-user mode has none). */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The request with the CSRF header added to a write when signed in. */
export function withCsrf(init: RequestInit = {}): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (!csrfToken || method === 'GET' || method === 'HEAD') return init;
  return { ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'x-csrf-token': csrfToken } };
}
