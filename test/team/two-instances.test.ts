// Two `loopcoach serve --team` processes on one PostgreSQL database, a client alternating between
// them: one sign-in works on both, concurrent answers (with retries sent to the other instance)
// are recorded exactly once, and kill -9 of one instance loses no acknowledged answer.
// Runs the built CLI: `npm run build && npm run build:web` first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'loopcoach.js');
const ADMIN_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = `loopcoach_two_${process.pid}`;
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const HOST = 'coach.test';
const PASSWORD = 'a class password';

async function skipReason(): Promise<string | null> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    return 'run `npm run build && npm run build:web` first';
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return `cannot connect to PostgreSQL at ${ADMIN_URL}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
const skip = await skipReason();
if (skip) console.warn(`two-instance tests skipped: ${skip}`);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const env = { ...process.env, LOOPCOACH_DB: DB_URL, LOOPCOACH_ORIGIN: `http://${HOST}`, HOST: '127.0.0.1' };

function startInstance(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--team', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`instance on ${port} did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Loop Coach is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`instance on ${port} exited (${code}): ${output}`)));
  });
}

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  setCookie?: string;
}

function call(port: number, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: HOST, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? JSON.parse(text) : null,
            ...(res.headers['set-cookie'] ? { setCookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}),
          }),
        );
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

describe.skipIf(skip !== null)(`two team instances on one PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const ports: number[] = [];
  const instances: ChildProcess[] = [];
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
    // The first account comes from the CLI, as the README says.
    const added = spawnSync(process.execPath, [BIN, 'users', 'add', '--role', 'admin', '--email', 'lead@school.test', '--name', 'Lead'], {
      env: { ...env, LOOPCOACH_PASSWORD: undefined },
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
    });
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added admin lead@school.test/);
    const again = spawnSync(process.execPath, [BIN, 'users', 'add', '--email', 'lead@school.test', '--name', 'Lead'], {
      env: { ...env, LOOPCOACH_PASSWORD: PASSWORD },
      encoding: 'utf8',
    });
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toBe('loopcoach: there is already an account for lead@school.test');
    ports.push(await freePort(), await freePort());
    instances.push(...(await Promise.all(ports.map(startInstance))));
    const signed = await call(ports[0]!, 'POST', '/api/auth/sign-in', { email: 'lead@school.test', password: PASSWORD });
    expect(signed.status).toBe(200);
    auth = { cookie: signed.setCookie!, 'x-csrf-token': signed.body.csrfToken };
  }, 120_000);

  afterAll(async () => {
    for (const child of instances) if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (!skip) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  });

  const startSessions = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const started = await call(ports[i % 2]!, 'POST', '/api/sessions', { role: 'solutions-architect', level: 'mid', count: 2, seed: `s${i}` }, auth);
      expect(started.status).toBe(201);
      ids.push(started.body.session.id);
    }
    return ids;
  };

  it('a sign-in on one instance works on the other, and signing out on one ends it on both', async () => {
    expect((await call(ports[1]!, 'GET', '/api/auth/me', undefined, auth)).body.user.email).toBe('lead@school.test');
    const other = await call(ports[1]!, 'POST', '/api/auth/sign-in', { email: 'lead@school.test', password: PASSWORD });
    const session = { cookie: other.setCookie!, 'x-csrf-token': other.body.csrfToken };
    expect((await call(ports[0]!, 'GET', '/api/history', undefined, session)).status).toBe(200);
    expect((await call(ports[0]!, 'POST', '/api/auth/sign-out', {}, session)).status).toBe(200);
    expect((await call(ports[1]!, 'GET', '/api/history', undefined, session)).status).toBe(401);
  });

  it('records concurrent answers exactly once when each is sent to both instances with one Idempotency-Key', async () => {
    const ids = await startSessions(6);
    const acknowledged = new Map<string, Set<string>>();
    await Promise.all(
      ids.map(async (id, i) => {
        const texts = new Set<string>();
        for (let turn = 0; turn < 3; turn++) {
          const key = randomUUID();
          const answer = `Answer ${i}-${turn}: a queue decouples producers from consumers and absorbs bursts.`;
          // The same answer to both instances at once, as a client retrying after a timeout would.
          const replies = await Promise.all(
            ports.map((port) => call(port, 'POST', `/api/sessions/${id}/answers`, { answer }, { ...auth, 'idempotency-key': key })),
          );
          expect(replies.map((r) => r.status).sort()).toEqual([201, 201]);
          expect(replies[0]!.body.answered).toEqual(replies[1]!.body.answered);
          texts.add(answer);
          if (replies[0]!.body.finished) break;
        }
        acknowledged.set(id, texts);
      }),
    );
    for (const id of ids) {
      const report = await call(ports[1]!, 'GET', `/api/sessions/${id}`, undefined, auth);
      const client = new pg.Client({ connectionString: DB_URL });
      await client.connect();
      const rows = (await client.query('SELECT answer FROM attempts WHERE session_id = $1 ORDER BY seq', [id])).rows.map((r: { answer: string }) => r.answer);
      await client.end();
      expect(report.status).toBe(200);
      expect(new Set(rows).size).toBe(rows.length);
      expect(new Set(rows)).toEqual(acknowledged.get(id));
    }
  }, 120_000);

  it('loses no acknowledged answer when one instance is killed with SIGKILL mid-load', async () => {
    const ids = await startSessions(8);
    const acknowledged: Array<{ id: string; answer: string }> = [];
    const load = ids.map(async (id, i) => {
      for (let turn = 0; turn < 4; turn++) {
        const answer = `Kill test ${i}-${turn}: security groups are stateful and network ACLs are stateless.`;
        const reply = await call(
          ports[(i + turn) % 2]!,
          'POST',
          `/api/sessions/${id}/answers`,
          { answer },
          { ...auth, 'idempotency-key': `${id}-${turn}` },
        ).catch(() => undefined);
        if (reply?.status === 201) acknowledged.push({ id, answer });
        if (reply?.status === 201 && reply.body.finished) return;
      }
    });
    setTimeout(() => instances[0]!.kill('SIGKILL'), 150);
    await Promise.all(load);
    const client = new pg.Client({ connectionString: DB_URL });
    await client.connect();
    const saved = new Set((await client.query('SELECT answer FROM attempts WHERE session_id = ANY($1)', [ids])).rows.map((r: { answer: string }) => r.answer));
    await client.end();
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const a of acknowledged) expect(saved.has(a.answer), a.answer).toBe(true);
    expect((await call(ports[1]!, 'GET', '/api/history', undefined, auth)).status).toBe(200);
  }, 120_000);
});
