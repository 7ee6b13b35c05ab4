// `loopcoach exercise list|show|check` through its public CLI contract.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { loadExercises } from '../../src/content/exercises.js';

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

const dir = mkdtempSync(join(tmpdir(), 'loopcoach-exercise-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const vpc = loadExercises().find((e) => e.id === 'vpc-private-egress-nat')!;
// Checked submissions are saved: to a database of this test's own, never the user's.
process.env.LOOPCOACH_DB = join(dir, 'attempts.db');

describe('loopcoach exercise', () => {
  it('lists exercises by kind as JSON and as text', async () => {
    const io = capture();
    expect(await main(['exercise', 'list', '--kind', 'cloudformation', '--json'], io)).toBe(0);
    const list = JSON.parse(io.stdout) as Array<{ kind: string }>;
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.every((e) => e.kind === 'cloudformation')).toBe(true);
    const text = capture();
    expect(await main(['exercise', 'list', '--topic', 'networking-security'], text)).toBe(0);
    expect(text.stdout).toContain('vpc-bastion-ssh');
  });

  it('shows an exercise, with the solution only when asked', async () => {
    const io = capture();
    expect(await main(['exercise', 'show', vpc.id], io)).toBe(0);
    expect(io.stdout).toContain('Checks');
    expect(io.stdout).not.toContain('NatGatewayId: !Ref NatGateway');
    const withSolution = capture();
    expect(await main(['exercise', 'show', vpc.id, '--solution'], withSolution)).toBe(0);
    expect(withSolution.stdout).toContain('NatGatewayId: !Ref NatGateway');
  });

  it('checks a submission: exit 0 whether it passes or fails, with the JSON contract', async () => {
    const pass = capture();
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('nat.yaml', vpc.solution), '--json'], pass)).toBe(0);
    expect(JSON.parse(pass.stdout)).toMatchObject({ passed: true, score: 100 });
    const fail = capture();
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('igw.yaml', vpc.starter), '--json'], fail)).toBe(0);
    const result = JSON.parse(fail.stdout) as {
      passed: boolean;
      score: number;
      checks: Array<{ check: string; passed: boolean; message: string; line?: number }>;
    };
    expect(result).toMatchObject({ passed: false, score: 50 });
    expect(result.checks[0]).toMatchObject({ check: 'reachable AppServer → internet tcp/443', passed: false });
    expect(result.checks[0]!.message).toContain('has no public IP address');
    expect(Object.keys(result.checks[1]!).sort()).toEqual(['check', 'message', 'passed']);
  });

  it('checks against the user own exercise file', async () => {
    const own = file(
      'own.yaml',
      `id: own\nkind: cloudformation\ntopic: architecture-devops\nlevels: [entry]\nprompt: One queue\nstarter: ""\nchecks:\n  - resource: { type: AWS::SQS::Queue, count: 1 }\nsolution: x\nexplanation: y\n`,
    );
    const io = capture();
    expect(await main(['exercise', 'check', own, '--submission', file('q.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n')], io)).toBe(0);
    expect(io.stdout).toContain('PASS  resource AWS::SQS::Queue count 1');
  });

  it('saves each checked submission, which `history --exercises` lists with its checks and submission; --no-save saves nothing', async () => {
    const db = join(dir, 'history.db');
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('h1.yaml', vpc.starter), '--db', db], capture())).toBe(0);
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('h2.yaml', vpc.solution), '--db', db, '--json'], capture())).toBe(0);
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('h3.yaml', vpc.solution), '--db', db, '--no-save'], capture())).toBe(0);
    const json = capture();
    expect(await main(['history', '--exercises', '--json', '--db', db], json)).toBe(0);
    const attempts = JSON.parse(json.stdout) as Array<{ exerciseId: string; submission: string; result: { passed: boolean } }>;
    expect(attempts.map((a) => [a.exerciseId, a.result.passed, a.submission])).toEqual([
      [vpc.id, true, vpc.solution],
      [vpc.id, false, vpc.starter],
    ]);
    const text = capture();
    expect(await main(['history', '--exercises', '--db', db], text)).toBe(0);
    expect(text.stdout).toContain(`${vpc.id}  not yet  1/2 checks`);
    expect(text.stdout).toContain('FAIL  reachable AppServer → internet tcp/443: ');
    const sessions = capture();
    expect(await main(['history', '--db', db], sessions)).toBe(0);
    expect(sessions.stdout).toContain(`Exercise attempts: 2 (latest: ${vpc.id}, passed)`);
    const progress = capture();
    expect(await main(['progress', '--json', '--db', db], progress)).toBe(0);
    expect(JSON.parse(progress.stdout).exercises).toEqual([
      expect.objectContaining({
        exerciseId: vpc.id,
        passed: true,
        attempts: [expect.objectContaining({ passed: false, score: 50 }), expect.objectContaining({ passed: true, score: 100 })],
      }),
    ]);
  });

  it('still prints the verdict, exit 0, when the history cannot be written, and says the attempt was not saved', async () => {
    const io = capture();
    const notADirectory = join(file('plain.txt', 'x'), 'sub', 'attempts.db');
    expect(await main(['exercise', 'check', vpc.id, '--submission', file('nd.yaml', vpc.solution), '--db', notADirectory, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ passed: true, score: 100 });
    expect(io.stderr.trim()).toMatch(/^note: the attempt was not saved to your history \(cannot open the database .*ENOTDIR/);
  });

  it.each([
    [['exercise', 'show', 'no-such-exercise'], /no exercise with id "no-such-exercise"/],
    [['exercise', 'list', '--kind', 'terraform'], /unknown kind "terraform"; valid kinds: iam-policy/],
    [['exercise', 'check', 'vpc-bastion-ssh', '--submission', '/nonexistent/file.yaml'], /submission \/nonexistent\/file.yaml does not exist/],
    [['exercise', 'check', 'vpc-bastion-ssh', '--submission', file('big.yaml', `# ${'x'.repeat(200_000)}`)], /the limit is 102400/],
    [['exercise', 'check', file('broken.yaml', 'id: x\nkind: nope\n'), '--submission', file('s.json', '{}')], /broken.yaml: kind/],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });
});
