// The CLI's public contract: `grade` and `eval asag` through the built binary and in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/output.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'loopcoach.js');
const asagData = join(root, '..', 'shared', 'data', 'asag', 'mohler-dev.csv');
const hasBuild = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
let dir: string;

function capture(stdin = ''): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => stdin,
  };
  return io;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-cli-'));
  write(
    'q.yaml',
    'prompt: What is the difference between a security group and a network ACL?\nkind: concept\nrubric:\n  - Security groups are stateful; network ACLs are stateless.\n  - Network ACLs apply to a whole subnet.\n',
  );
  write('a.txt', 'Security groups are stateful, NACLs are stateless, and a NACL covers every instance in the subnet.');
});

describe('loopcoach grade', () => {
  it('prints the Feedback object with exactly the public fields for --json', async () => {
    const io = capture();
    const code = await main(['grade', '--question', join(dir, 'q.yaml'), '--answer', join(dir, 'a.txt'), '--json'], io);
    expect(code).toBe(0);
    const feedback = JSON.parse(io.stdout);
    expect(Object.keys(feedback).sort()).toEqual(['findings', 'leadershipPrinciples', 'rubric', 'score', 'services', 'structure', 'tips']);
    expect(feedback.rubric.every((r: { covered: boolean }) => r.covered)).toBe(true);
  });

  it('reads the answer from standard input with --answer -, and prints readable feedback', async () => {
    const io = capture('Security groups are stateful while network ACLs are stateless.');
    expect(await main(['grade', '--question', join(dir, 'q.yaml'), '--answer', '-'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Score \d+\/100/);
    expect(io.stdout).toContain('✔ Security groups are stateful; network ACLs are stateless.');
  });

  it('accepts a JSON question file', async () => {
    const q = write(
      'q.json',
      JSON.stringify({ prompt: 'Why use SQS?', kind: 'concept', modelAnswer: 'SQS buffers work so producers and consumers scale independently.' }),
    );
    const io = capture();
    expect(await main(['grade', '-q', q, '-a', join(dir, 'a.txt'), '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).rubric).toHaveLength(1);
  });

  it('grades a question that has only a prompt, guessing its kind', async () => {
    const q = write('open.yaml', 'prompt: Tell me about a time you disagreed with your manager.\n');
    const answer = write(
      'story.txt',
      'Last year my manager wanted to skip load testing before Black Friday. I disagreed and showed him the 2023 outage data. I ran a two-day test myself, found the database would fall over at 3x traffic, and we added a read replica. We handled 4x peak with no errors, and since then load tests are part of our release checklist.',
    );
    const io = capture();
    expect(await main(['grade', '-q', q, '-a', answer, '--json'], io)).toBe(0);
    const feedback = JSON.parse(io.stdout);
    expect(feedback.structure.framework).toBe('STAR');
    expect(feedback.rubric.length).toBeGreaterThan(0);
    expect(feedback.findings.map((f: { code: string }) => f.code)).not.toContain('off-topic');
    expect(feedback.score).toBeGreaterThan(50);
  });

  it.each([
    ['a missing question file', () => ['grade', '--question', join(dir, 'nope.yaml'), '--answer', join(dir, 'a.txt')], /does not exist/],
    ['invalid YAML', () => ['grade', '--question', write('bad.yaml', 'prompt: [unclosed\n  - x: : y'), '--answer', join(dir, 'a.txt')], /not valid YAML/],
    [
      'a question without a prompt',
      () => ['grade', '--question', write('noprompt.yaml', 'kind: concept\nrubric: [a point]\n'), '--answer', join(dir, 'a.txt')],
      /no prompt/,
    ],
    [
      'an answer over 20,000 characters',
      () => ['grade', '--question', join(dir, 'q.yaml'), '--answer', write('long.txt', 'word '.repeat(4_001))],
      /limit is 20,000/,
    ],
  ])('rejects %s with one line on stderr and exit code 2', async (_name, argv, message) => {
    const io = capture();
    expect(await main(argv(), io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(message);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(io.stdout).toBe('');
  });
});

describe.skipIf(!hasBuild)('the built binary', () => {
  it('grades end to end and exits 2 with one line for a missing file', () => {
    const ok = spawnSync('node', [bin, 'grade', '--question', join(dir, 'q.yaml'), '--answer', join(dir, 'a.txt'), '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).score).toBeGreaterThan(0);
    const bad = spawnSync('node', [bin, 'grade', '--question', join(dir, 'missing.yaml'), '--answer', join(dir, 'a.txt')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('loopcoach eval asag', () => {
  it('reports pearson, spearman, rmse and n as JSON for a small CSV', async () => {
    const csv = write(
      'tiny.csv',
      [
        'question_id,question,reference_answer,student_answer,score_avg',
        '1,What does a queue do?,It buffers messages between a producer and a consumer.,It buffers messages between producers and consumers.,5',
        '1,What does a queue do?,It buffers messages between a producer and a consumer.,It holds messages for the consumer.,3.5',
        '1,What does a queue do?,It buffers messages between a producer and a consumer.,I do not know.,0',
        '2,What is a stack?,A last-in first-out collection.,"A collection where the last item in is the first out, LIFO.",5',
        '2,What is a stack?,A last-in first-out collection.,A list of things.,1',
      ].join('\n'),
    );
    const io = capture();
    expect(await main(['eval', 'asag', '--data', csv, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(Object.keys(report).sort()).toEqual(['n', 'pearson', 'rmse', 'spearman']);
    expect(report.n).toBe(5);
    expect(report.pearson).toBeGreaterThan(0.5);
  });

  it('names the missing columns of a malformed CSV and exits 2', async () => {
    const io = capture();
    expect(await main(['eval', 'asag', '--data', write('cols.csv', 'question,answer\nA,B\n')], io)).toBe(2);
    expect(io.stderr).toMatch(/missing columns question_id, reference_answer, student_answer, score_avg/);
  });

  it.skipIf(!existsSync(asagData))('grades the shared development data (figures printed for the record)', async () => {
    const io = capture();
    expect(await main(['eval', 'asag', '--data', asagData, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    console.log(`ASAG development data: ${JSON.stringify(report)}`);
    expect(report.n).toBe(1074);
    expect(report.pearson).toBeGreaterThan(0.4);
  });
});

if (!existsSync(asagData)) console.warn(`skipping the ASAG figure test: ${asagData} is absent (it lives in ../shared beside the repository)`);
if (!hasBuild) console.warn('skipping the built-binary test: run `npm run build` first (npm test does)');
