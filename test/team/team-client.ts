// A browser-like client for the team API: keeps its sign-in cookie and sends its CSRF token on writes.
import type { Hono } from 'hono';

export const ORIGIN = 'http://coach.test';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export class TeamClient {
  cookie = '';
  csrf = '';

  constructor(private readonly app: Hono) {}

  async call(method: string, path: string, body?: unknown, { csrf = true } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrf && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body: unknown = {}) => this.call('POST', path, body);
  put = (path: string, body: unknown) => this.call('PUT', path, body);
  delete = (path: string, body?: unknown) => this.call('DELETE', path, body);

  async signIn(email: string, password: string): Promise<Reply> {
    const reply = await this.post('/api/auth/sign-in', { email, password });
    if (reply.status === 200) this.csrf = reply.body.csrfToken;
    return reply;
  }
}
