// The practice/history/resume CLI contract, in-process, against temp SQLite files and a temp bank.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
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

function answers(name: string, blocks: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, blocks.join('\n---\n'));
  return path;
}

async function cli(args: string[]) {
  const io = capture();
  const withBank = ['practice', 'resume', 'progress'].includes(args[0]!) ? [...args, '--questions-dir', bank] : args;
  const code = await main(withBank, io);
  return { code, ...io };
}

const WEAK = 'It depends, you can use things for that.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-practice-'));
  bank = writeTestBank();
});

describe('loopcoach practice --answers --json', () => {
  it('runs a scripted session with follow-ups and prints the report', async () => {
    const db = join(dir, 'a', 'scripted.db');
    const file = answers('scripted.txt', [
      'first answer: ' + WEAK,
      'second: ' + WEAK,
      'third: ' + WEAK,
      'fourth: ' + WEAK,
      'fifth: ' + WEAK,
      'sixth: ' + WEAK,
      'seventh: ' + WEAK,
    ]);
    const { code, stdout, stderr } = await cli([
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
      's1',
      '--answers',
      file,
      '--json',
      '--db',
      db,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(['delivery', 'dimensions', 'habits', 'id', 'next', 'questions', 'score', 'spoken']);
    // Typed in the terminal: no spoken answers, no delivery.
    expect(report.spoken).toEqual([]);
    expect(report.delivery).toEqual({ answers: [], mean: null });
    expect(report.questions).toHaveLength(2);
    const [first] = report.questions;
    expect(Object.keys(first).sort()).toEqual(['answer', 'feedback', 'followUps', 'id', 'prompt']);
    expect(first.answer).toBe('first answer: ' + WEAK);
    // A weak answer draws follow-ups, at most two, each graded, answers consumed in order.
    expect(first.followUps.length).toBeGreaterThan(0);
    expect(first.followUps.length).toBeLessThanOrEqual(2);
    expect(first.followUps[0].answer).toBe('second: ' + WEAK);
    expect(typeof first.followUps[0].feedback.score).toBe('number');
    expect(report.score).toBeLessThan(60);
    for (const d of ['substance', 'structure', 'habits']) expect(report.dimensions[d]).toBeGreaterThanOrEqual(0);
    expect(report.habits.length).toBeGreaterThan(0);
    expect(report.habits[0]).toEqual({ code: expect.any(String), count: expect.any(Number) });
    expect(report.next.length).toBeGreaterThan(0);

    const history = await cli(['history', '--json', '--db', db]);
    expect(history.code).toBe(0);
    const sessions = JSON.parse(history.stdout);
    expect(sessions[0]).toMatchObject({ id: report.id, role: 'sre', level: 'mid', answered: 2, total: 2 });
  });

  it('saves an unfinished session and resumes it where it stopped', async () => {
    const db = join(dir, 'resume.db');
    const one = await cli([
      'practice',
      '--role',
      'backend-developer',
      '--level',
      'mid',
      '--count',
      '2',
      '--mix',
      '0',
      '--seed',
      's2',
      '--answers',
      answers('one.txt', ['only answer: ' + WEAK]),
      '--json',
      '--db',
      db,
    ]);
    expect(one.code).toBe(0);
    const partial = JSON.parse(one.stdout);
    expect(partial.questions).toHaveLength(1);
    const before = JSON.parse((await cli(['history', '--json', '--db', db])).stdout);
    expect(before[0]).toMatchObject({ id: partial.id, status: 'in-progress', answered: 1 });

    const rest = ['r1: ' + WEAK, 'r2: ' + WEAK, 'r3: ' + WEAK, 'r4: ' + WEAK, 'r5: ' + WEAK];
    const resumed = await cli(['resume', partial.id, '--answers', answers('rest.txt', rest), '--json', '--db', db]);
    expect(resumed.stderr).toBe('');
    const report = JSON.parse(resumed.stdout);
    expect(report.id).toBe(partial.id);
    expect(report.questions).toHaveLength(2);
    expect(report.questions[0].answer).toBe('only answer: ' + WEAK);
    expect(report.questions[0].followUps[0]?.answer).toBe('r1: ' + WEAK);
    const after = JSON.parse((await cli(['history', '--json', '--db', db])).stdout);
    expect(after[0]).toMatchObject({ id: partial.id, status: 'finished', answered: 2 });

    const again = await cli(['resume', partial.id, '--answers', answers('again.txt', ['x']), '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already finished/);
  });

  it('rejects an unknown role with the valid list and exit code 2', async () => {
    const { code, stderr, stdout } = await cli(['practice', '--role', 'astronaut', '--answers', answers('x.txt', ['x']), '--db', join(dir, 'role.db')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('valid roles: solutions-architect, cloud-devops-engineer, backend-developer, data-engineer, sre');
  });

  it('rejects an unknown topic listing the valid ones', async () => {
    const { code, stderr } = await cli(['practice', '--topic', 'quantum', '--answers', answers('y.txt', ['x']), '--db', join(dir, 'topic.db')]);
    expect(code).toBe(2);
    expect(stderr).toContain('valid topics: compute-serverless');
  });

  it('refuses a database from a newer version and leaves it byte for byte', async () => {
    const db = join(dir, 'future.db');
    await (await openStore(db)).close();
    const raw = new Database(db);
    raw.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION + 5));
    raw.close();
    const bytes = readFileSync(db);
    const { code, stderr } = await cli(['practice', '--role', 'sre', '--level', 'mid', '--answers', answers('z.txt', ['x']), '--db', db]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/newer than this Loop Coach/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect((await cli(['history', '--db', db])).code).toBe(3);
  });

  it('reads history and progress of a database that does not exist yet without creating it', async () => {
    const db = join(dir, 'not-yet', 'never.db');
    const history = await cli(['history', '--db', db]);
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('No sessions yet');
    const progress = await cli(['progress', '--json', '--db', db]);
    expect(progress.code).toBe(0);
    expect(JSON.parse(progress.stdout).questions).toEqual([]);
    expect(existsSync(db)).toBe(false);
  });
});

describe('loopcoach progress', () => {
  it('shows a repeated question side by side, the topic over time and the streak', async () => {
    const db = join(dir, 'progress.db');
    const strong =
      'Security groups are stateful, so return traffic is allowed automatically, and they attach to an instance or network interface. Network ACLs are stateless, so return traffic needs its own rule, and a network ACL applies to a whole subnet. The trade-off is that NACL deny rules are coarse, so I use them for blocking a bad range; this cut our rule count by 40%.';
    const run = (file: string) =>
      cli(['practice', '--topic', 'networking-security', '--level', 'mid', '--count', '1', '--mix', '0', '--answers', file, '--json', '--db', db]);
    expect((await run(answers('p1.txt', ['Security groups control traffic.', '---', 'skip']))).code).toBe(0);
    expect((await run(answers('p2.txt', [strong, 'I would check the NACL first.', 'A NACL deny rule.']))).code).toBe(0);
    const { code, stdout } = await cli(['progress', '--json', '--db', db]);
    expect(code).toBe(0);
    const progress = JSON.parse(stdout);
    expect(progress.topics['networking-security']).toHaveLength(1);
    expect(progress.questions).toHaveLength(1);
    const [repeat] = progress.questions;
    expect(repeat.questionId).toBe('sg-vs-nacl');
    expect(repeat.attempts).toHaveLength(2);
    expect(repeat.attempts[1].score).toBeGreaterThan(repeat.attempts[0].score);
    expect(repeat.improved.length).toBeGreaterThan(0);
    expect(progress.streak).toMatchObject({ current: 1, longest: 1, daysPractised: 1 });
  });
});
