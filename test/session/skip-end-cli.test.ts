// `loopcoach practice`: "/skip" skips a prompt (kept as skipped, not scored) and "/end" ends the
// interview with a report on what was answered; history lists questions practised alone too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { writeTestBank } from './bank.fixture.js';

let dir: string;
let bank: string;

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => '',
  };
  return io;
}

async function cli(args: string[]) {
  const io = capture();
  const code = await main(args[0] === 'practice' ? [...args, '--questions-dir', bank] : args, io);
  return { code, ...io };
}

function answers(name: string, blocks: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, blocks.join('\n---\n'));
  return path;
}

const WEAK = 'It depends, you can use things for that.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-skip-end-'));
  bank = writeTestBank();
});

describe('loopcoach practice: /skip and /end', () => {
  it('skips the first question, answers the second, then ends: the report covers the answer and names the skip', async () => {
    const db = join(dir, 'skip.db');
    const file = answers('skip.txt', ['/skip', 'my answer: ' + WEAK, '/end', 'never read: ' + WEAK]);
    const { code, stdout, stderr } = await cli([
      'practice',
      '--role',
      'sre',
      '--level',
      'mid',
      '--count',
      '3',
      '--mix',
      '0',
      '--seed',
      's1',
      '--answers',
      file,
      '--db',
      db,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Skipped.');
    expect(stdout).toMatch(/: finished\n/);
    expect(stdout).toMatch(/^ {2}skipped: .+$/m);
    expect(stdout).not.toContain('never read');
    // Topics by the names people read, not their ids.
    expect(stdout).toMatch(/^Practise next: [A-Z][A-Za-z]+(?: and [A-Za-z]+)? \(\d+\)/m);

    const history = JSON.parse((await cli(['history', '--json', '--db', db])).stdout);
    expect(history[0]).toMatchObject({ kind: 'interview', status: 'finished', answered: 1, skipped: 1, total: 3 });
    const text = (await cli(['history', '--db', db])).stdout;
    expect(text).toContain('1/3 answered, 1 skipped');
  });

  it('prints the report as JSON, with the skipped prompts, when asked', async () => {
    const db = join(dir, 'json.db');
    const { code, stdout } = await cli([
      'practice',
      '--role',
      'sre',
      '--level',
      'mid',
      '--count',
      '2',
      '--mix',
      '0',
      '--seed',
      's2',
      '--answers',
      answers('json.txt', ['/skip', '/end']),
      '--json',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.questions).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ isFollowUp: false, prompt: expect.any(String) })]);
  });
});
