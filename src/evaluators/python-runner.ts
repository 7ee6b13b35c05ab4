import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_BOTO3, FAKE_BOTOCORE_EXCEPTIONS, RUNNER } from './python-sandbox.js';

export interface RecordedCall {
  service: string;
  operation: string;
  params: Record<string, unknown>;
}

export interface EventRun {
  returns?: unknown;
  error?: string;
  line?: number | null;
  calls: RecordedCall[];
}

export type RunOutcome = { kind: 'ran'; results: EventRun[] } | { kind: 'failed'; message: string; line?: number };

/** How long all the events of one check may take together. */
export const RUN_TIME_LIMIT_MS = 5_000;

let python: string | null | undefined;

/** The Python 3 interpreter on this machine, or null when there is none. */
export function findPython(): string | null {
  if (python !== undefined) return python;
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8', timeout: 5_000 });
  python = probe.status === 0 && /Python 3\./.test(`${probe.stdout}${probe.stderr}`) ? 'python3' : null;
  return python;
}

function writeSandbox(dir: string, source: string, handler: string, events: unknown[]): void {
  mkdirSync(join(dir, 'boto3'));
  mkdirSync(join(dir, 'botocore'));
  writeFileSync(join(dir, 'boto3', '__init__.py'), FAKE_BOTO3);
  writeFileSync(join(dir, 'botocore', '__init__.py'), '');
  writeFileSync(join(dir, 'botocore', 'exceptions.py'), FAKE_BOTOCORE_EXCEPTIONS);
  writeFileSync(join(dir, 'runner.py'), RUNNER);
  writeFileSync(join(dir, 'submission.py'), source);
  writeFileSync(join(dir, 'input.json'), JSON.stringify({ handler, events }));
}

function execute(interpreter: string, dir: string): Promise<{ timedOut: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      interpreter,
      ['-I', '-S', 'runner.py'],
      // A clean environment: no AWS credentials or proxies reach the candidate's code.
      {
        cwd: dir,
        timeout: RUN_TIME_LIMIT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 1024 * 1024,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' },
      },
      (error, _stdout, stderr) =>
        resolve({ timedOut: error !== null && (error as NodeJS.ErrnoException & { killed?: boolean }).killed === true, stderr: String(stderr) }),
    );
  });
}

/** Runs the handler on each event with a recording fake boto3, in a temporary directory, with a time limit. */
export async function runHandler(interpreter: string, source: string, handler: string, events: unknown[]): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-lambda-'));
  try {
    writeSandbox(dir, source, handler, events);
    const { timedOut, stderr } = await execute(interpreter, dir);
    if (timedOut) return { kind: 'failed', message: `the handler did not finish within ${RUN_TIME_LIMIT_MS / 1000} s (an endless loop?)` };
    let output: { results?: EventRun[]; importError?: string; line?: number | null };
    try {
      output = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    } catch {
      const last = stderr.trim().split('\n').pop() ?? '';
      return { kind: 'failed', message: `the handler could not be run${last ? `: ${last.slice(0, 200)}` : ''}` };
    }
    if (output.importError)
      return { kind: 'failed', message: `importing the module failed: ${output.importError}`, ...(output.line ? { line: output.line } : {}) };
    return { kind: 'ran', results: output.results ?? [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
