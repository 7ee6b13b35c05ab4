// What a web page on another site, or a DNS-rebinding page, could send: refused before any work;
// security headers on every response; wrong methods 405; oversize requests in the error shape.
import type { ServerType } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { composeServerApp } from '../../src/server/compose.js';
import { listen } from '../../src/server/listen.js';
import { staticFiles } from '../../src/server/static.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: Awaited<ReturnType<typeof composeServerApp>>;
let store: Store;
const gradeBody = JSON.stringify({ questionId: 'sg-vs-nacl', answer: 'Security groups are stateful.' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-security-'));
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  store = await openStore(join(dir, 'coach.db'));
  app = await composeServerApp({
    coach: await createCoach({ questionDir: writeQuestionBank() }),
    store,
    staticHandler: staticFiles(dist),
    policy: { port: 4173 },
  });
});

afterAll(() => store.close());

const at = (path: string, init: RequestInit = {}, host = 'localhost:4173') => app.request(`http://${host}${path}`, init);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('Host header (DNS rebinding)', () => {
  it.each(['localhost:4173', '127.0.0.1:4173', '[::1]:4173'])('accepts the loopback name %s with the server port', async (host) => {
    expect((await at('/api/health', {}, host)).status).toBe(200);
  });

  it.each(['evil.example:4173', 'localhost:9999', 'localhost.evil.example:4173', '192.168.1.5:4173'])('refuses %s with 403 host_not_allowed', async (host) => {
    const res = await at('/api/health', {}, host);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('host_not_allowed');
  });

  it('in team mode accepts only the configured origin', async () => {
    const team = await composeServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store,
      policy: { publicOrigin: 'https://coach.example.com' },
    });
    expect((await team.request('https://coach.example.com/api/health')).status).toBe(200);
    expect((await team.request('http://localhost:4173/api/health')).status).toBe(403);
    const write = await team.request('https://coach.example.com/api/grade', {
      method: 'POST',
      body: gradeBody,
      headers: { 'content-type': 'application/json', origin: 'https://coach.example.com' },
    });
    expect(write.status).toBe(200);
  });
});

describe('cross-site writes', () => {
  it('refuses a POST from another origin, before grading', async () => {
    const res = await at('/api/grade', { method: 'POST', body: gradeBody, headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('origin_not_allowed');
  });

  it('refuses a cross-site DELETE, and a write marked Sec-Fetch-Site: cross-site', async () => {
    expect((await at('/api/documents/x', { method: 'DELETE', headers: { origin: 'http://localhost:5000' } })).status).toBe(403);
    expect(
      (await at('/api/grade', { method: 'POST', body: gradeBody, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
  });

  it('accepts a same-origin write and a script without Origin', async () => {
    expect(
      (await at('/api/grade', { method: 'POST', body: gradeBody, headers: { 'content-type': 'application/json', origin: 'http://localhost:4173' } })).status,
    ).toBe(200);
    expect((await at('/api/grade', { method: 'POST', body: gradeBody, headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined])(
    'refuses a %s body with 415 in the error shape, recording nothing',
    async (type) => {
      const before = (await store.sessions.list()).length;
      const res = await at('/api/sessions', {
        method: 'POST',
        body: JSON.stringify({ role: 'cloud engineer', level: 'mid' }),
        headers: type ? { 'content-type': type } : {},
      });
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe('unsupported_media_type');
      expect((await store.sessions.list()).length).toBe(before);
    },
  );
});

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/health', {}],
    ['an API error', '/api/questions/nope', {}],
    ['a refused request', '/api/grade', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }],
    ['the web app', '/', {}],
  ] as const)('are on %s', async (_label, path, init) => {
    const res = await at(path, init as RequestInit);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('methods', () => {
  it.each([
    ['PUT', '/api/grade', 'POST'],
    ['DELETE', '/api/questions', 'GET'],
    ['GET', '/api/sessions/abc/answers', 'POST'],
    ['POST', '/api/health', 'GET'],
  ])('%s %s is 405 with Allow', async (method, path, allowed) => {
    const res = await at(path, { method, ...(method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain(allowed);
    expect((await errorOf(res)).code).toBe('method_not_allowed');
  });

  it('an unknown API path stays 404, and a POST to a page is 405', async () => {
    expect((await at('/api/nothing-here')).status).toBe(404);
    const page = await at('/library', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(page.status).toBe(405);
  });
});

describe('oversize requests over real HTTP', () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    server = await listen(app, { port: 0, hostname: '127.0.0.1' });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const raw = (headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/api/grade', method: 'POST', headers: { host: 'localhost:4173', 'content-type': 'application/json', ...headers } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers headers over 16 KB with 431 in the error shape', async () => {
    const res = await raw({ 'x-padding': 'a'.repeat(20_000) }, '{}');
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body).error.code).toBe('headers_too_large');
  });

  it('answers a body over 1 MB with 413 in the error shape', async () => {
    const res = await raw({}, JSON.stringify({ questionId: 'sg-vs-nacl', answer: 'a'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('request_too_large');
  });
});
