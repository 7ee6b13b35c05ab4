// `loopcoach grade` shows each Leadership Principle with the sentence that shows it, as the web app does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const STORY =
  "Our checkout service failed every Friday evening and nobody owned the problem. I took ownership of it although it was not my team's service. I dug into the logs and metrics and found the root cause: a connection pool that was too small for the Friday peak. I fixed the pool size, added an alarm, and wrote a runbook. The trade-off was a higher database connection count. As a result, Friday errors fell from 4% to 0.1% and stayed there for six months.";

describe('loopcoach grade: Leadership Principles', () => {
  it('names each principle with the sentence of the answer that shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-lp-'));
    writeFileSync(join(dir, 'q.yaml'), 'prompt: Tell me about a time you took ownership of a problem outside your area.\nkind: behavioral\n');
    writeFileSync(join(dir, 'a.txt'), STORY);
    const json = capture();
    expect(await main(['grade', '-q', join(dir, 'q.yaml'), '-a', join(dir, 'a.txt'), '--json'], json)).toBe(0);
    const principles = JSON.parse(json.stdout).leadershipPrinciples as Array<{ principle: string; evidence: string }>;
    expect(principles.length).toBeGreaterThan(0);
    const text = capture();
    expect(await main(['grade', '-q', join(dir, 'q.yaml'), '-a', join(dir, 'a.txt')], text)).toBe(0);
    const section = text.stdout.slice(text.stdout.indexOf('\nLeadership Principles\n'));
    for (const p of principles) expect(section).toContain(`  ${p.principle}\n      “${p.evidence}”`);
  });
});
