// Team figures for `npm run bench`: concurrent graders, each signed in as its own candidate, over
// two `loopcoach serve --team` instances on one PostgreSQL database, alternating between them.
// Needs the built CLI and web app and PostgreSQL (DATABASE_URL_TEST, default the local `test`).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'loopcoach.js');
const ADMIN_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = `loopcoach_bench_${process.pid}`;
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const HOST = 'coach.bench';
const SECONDS = Number(process.env.LOOPCOACH_BENCH_SECONDS ?? 60);
const GRADERS = 8;
const PASSWORD = 'bench password 1';
const ANSWER =
  'Security groups are stateful and only allow traffic. Network ACLs are stateless, allow and deny, and apply to a whole subnet. In one VPC I used a NACL deny to block a range in minutes.';

type Row = (name: string, value: string, target: string) => void;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
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

function call(
  port: number,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; cookie?: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: HOST, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0]!.split(';')[0]! } : {}) }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function start(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--team', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Loop Coach is running') && resolve(child));
    child.once('exit', (code) => reject(new Error(`an instance exited (${code})`)));
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs the team figures, or prints why they were skipped. */
export async function benchTeam(row: Row): Promise<void> {
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(root, 'web', 'dist', 'index.html'))) {
    console.log('team figures skipped: run `npm run build && npm run build:web` first');
    return;
  }
  try {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
  } catch (error) {
    console.log(`team figures skipped: no PostgreSQL at ${ADMIN_URL} (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  // Room for the bench's load: graders are not what the limits are there to stop.
  const env = {
    ...process.env,
    LOOPCOACH_DB: DB_URL,
    LOOPCOACH_ORIGIN: `http://${HOST}`,
    HOST: '127.0.0.1',
    LOOPCOACH_GRADING_LIMIT: '1000000',
    LOOPCOACH_PASSWORD: PASSWORD,
  };
  const instances: ChildProcess[] = [];
  try {
    for (let i = 0; i < GRADERS; i++) spawnSync(process.execPath, [BIN, 'users', 'add', '--email', `grader${i}@bench.test`, '--name', `Grader ${i}`], { env });
    const ports = [await freePort(), await freePort()];
    instances.push(...(await Promise.all(ports.map((port) => start(port, env)))));
    const sessions = await Promise.all(
      Array.from({ length: GRADERS }, async (_, i) => {
        const signed = await call(ports[i % 2]!, 'POST', '/api/auth/sign-in', { email: `grader${i}@bench.test`, password: PASSWORD });
        return { cookie: signed.cookie!, 'x-csrf-token': (JSON.parse(signed.body) as { csrfToken: string }).csrfToken };
      }),
    );
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      sessions.map(async (headers, i) => {
        for (let n = i; performance.now() < until; n++) {
          const t = performance.now();
          const reply = await call(ports[n % 2]!, 'POST', '/api/grade', { questionId: 'security-groups-vs-nacls', answer: ANSWER }, headers).catch(() => ({
            status: 0,
          }));
          latencies.push(performance.now() - t);
          if (reply.status !== 200) errors++;
        }
      }),
    );
    row(`team: ${GRADERS} graders over 2 instances, ${SECONDS} s: requests per second`, `${(latencies.length / SECONDS).toFixed(1)}`, 'figure');
    row('team: POST /api/grade latency (p99)', `${percentile(latencies, 99).toFixed(1)} ms`, 'figure');
    row('team: errors', String(errors), '0');
  } finally {
    for (const child of instances) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => undefined);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchTeam((name, value, target) => console.log(`${name.padEnd(58)} ${value.padStart(12)}   target ${target}`));
}
