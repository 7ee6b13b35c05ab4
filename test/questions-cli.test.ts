// `loopcoach questions list|show`: the bank through its public CLI contract.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/output.js';

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

describe('loopcoach questions', () => {
  it('lists every question as JSON with all fields', async () => {
    const io = capture();
    expect(await main(['questions', 'list', '--json'], io)).toBe(0);
    const all = JSON.parse(io.stdout);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(all[0]).sort()).toEqual([
      'accept',
      'followUps',
      'id',
      'kind',
      'leadershipPrinciples',
      'levels',
      'modelAnswer',
      'pitfalls',
      'prompt',
      'references',
      'rubric',
      'services',
      'tags',
      'topic',
    ]);
  });

  it('filters by topic, level, kind and service (shorthand included)', async () => {
    const io = capture();
    expect(await main(['questions', 'list', '--topic', 'storage-databases', '--level', 'senior', '--json'], io)).toBe(0);
    const found = JSON.parse(io.stdout) as Array<{ topic: string; levels: string[] }>;
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) {
      expect(q.topic).toBe('storage-databases');
      expect(q.levels).toContain('senior');
    }
    const bySqs = capture();
    expect(await main(['questions', 'list', '--service', 'SQS', '--kind', 'design', '--json'], bySqs)).toBe(0);
    for (const q of JSON.parse(bySqs.stdout) as Array<{ services: string[]; kind: string }>) {
      expect(q.kind).toBe('design');
      expect(q.services).toContain('Amazon SQS');
    }
  });

  it('shows one question readably and as JSON', async () => {
    const text = capture();
    expect(await main(['questions', 'show', 'security-groups-vs-nacls'], text)).toBe(0);
    expect(text.stdout).toContain('What a strong answer covers');
    expect(text.stdout).toContain('Model answer');
    const json = capture();
    expect(await main(['questions', 'show', 'security-groups-vs-nacls', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout).id).toBe('security-groups-vs-nacls');
  });

  it.each([
    [['questions', 'show', 'no-such-question'], /no question with id "no-such-question"/],
    [['questions', 'list', '--topic', 'space'], /unknown topic "space"; valid topics: compute-serverless/],
    [['questions', 'list', '--level', 'guru'], /valid levels: entry, mid, senior/],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('loopcoach in a pipe', () => {
  it('ends quietly when the reader closes the pipe early (questions list | head -1)', async () => {
    const { execFileSync } = await import('node:child_process');
    const bin = new URL('../bin/loopcoach.js', import.meta.url).pathname;
    const out = execFileSync('bash', ['-c', `node ${bin} questions list | head -1; echo "status \${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/status 0/);
    expect(out).not.toMatch(/EPIPE|at /);
  });
});
