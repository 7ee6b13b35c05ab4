// `loopcoach practice --jd`: a session that runs the plan tailored to a posting, generated questions included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { writeTestBank } from '../session/bank.fixture.js';

const fixtures = fileURLToPath(new URL('../fixtures/tailor/', import.meta.url));

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

describe('practice --jd', () => {
  it('runs the tailored plan, saves it, and a resumed session still finds its generated questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-jd-'));
    const db = join(dir, 'jd.db');
    const bank = writeTestBank();
    const first = join(dir, 'first.txt');
    writeFileSync(
      first,
      'I would put SQS between the API and the workers because it absorbs spikes; the downside is extra latency. In our shop this cut errors by 40%.',
    );
    const common = [
      '--jd',
      join(fixtures, 'sre.md'),
      '--resume',
      join(fixtures, 'resume-backend.md'),
      '--count',
      '4',
      '--db',
      db,
      '--questions-dir',
      bank,
      '--json',
    ];
    const io = capture();
    expect(await main(['practice', ...common, '--answers', first], io), io.stderr).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0].feedback.score).toEqual(expect.any(Number));

    const history = capture();
    expect(await main(['history', '--db', db, '--json'], history)).toBe(0);
    const [session] = JSON.parse(history.stdout);
    expect(session.total).toBe(4);
    expect(session.role).toBe('sre');

    const rest = join(dir, 'rest.txt');
    writeFileSync(rest, ['First answer.', 'Second answer.', 'Third answer.', 'Fourth.', 'Fifth.', 'Sixth.', 'Seventh.', 'Eighth.', 'Ninth.'].join('\n---\n'));
    const resumed = capture();
    expect(await main(['resume', session.id, '--db', db, '--questions-dir', bank, '--answers', rest, '--json'], resumed), resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).questions.length).toBe(4);
  });

  it('refuses a posting in another language with one line and exit code 2', async () => {
    const io = capture();
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-jd-'));
    expect(await main(['practice', '--jd', join(fixtures, 'french-posting.md'), '--db', join(dir, 'x.db'), '--json'], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });
});
