// Delivery over time in the terminal: a spoken answer saved (as the web app saves it) shows in
// `loopcoach progress` with its words a minute, fillers a minute and long pauses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { createCoach } from '../../src/coach.js';
import { composeServices } from '../../src/services/compose.js';
import { openStore } from '../../src/store/open-store.js';

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

const delivery = (wordsPerMinute: number, fillers: number, pauses: number) => ({
  durationSec: 70,
  speakingSec: 60,
  wordsPerMinute,
  pauses: Array.from({ length: pauses }, (_, i) => ({ startSec: 10 + i * 10, endSec: 12 + i * 10 })),
  fillers: [{ word: 'um', count: fillers }],
  pitchVariationSemitones: 2,
  loudnessDb: -20,
  findings: [],
});

describe('loopcoach progress with spoken answers', () => {
  it("prints delivery over time and each repeated question's delivery side by side", async () => {
    const bank = writeQuestionBank();
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-delivery-cli-')), 'test.db');
    const store = await openStore(db);
    const { sessions } = await composeServices({ coach: await createCoach({ questionDir: bank }), store });
    const text = 'Security groups are stateful and network ACLs are stateless; a network ACL applies to a whole subnet.';
    for (const [i, d] of [delivery(190, 6, 3), delivery(150, 2, 0)].entries()) {
      const session = await sessions.start({ role: 'solutions-architect', level: 'entry', count: 1, seed: `s${i}` });
      await sessions.answerNext(session.id, text, new Date(), undefined, { transcript: text, segments: [{ startSec: 0, endSec: 60, text }], delivery: d });
    }
    await store.close();
    const io = capture();
    expect(await main(['progress', '--db', db, '--questions-dir', bank], io)).toBe(0);
    expect(io.stdout).toMatch(/Delivery over time \(spoken answers\)/);
    expect(io.stdout).toMatch(/sg-vs-nacl: 190 wpm, 6 fillers\/min, 3 long pauses/);
    expect(io.stdout).toMatch(/mean: 170 wpm, 4 fillers\/min, 1\.5 long pauses/);
    expect(io.stdout).toMatch(/delivery: 190 wpm, 6 fillers\/min, 3 long pauses \| 150 wpm, 2 fillers\/min, 0 long pauses/);
    const json = capture();
    expect(await main(['progress', '--json', '--db', db, '--questions-dir', bank], json)).toBe(0);
    expect(JSON.parse(json.stdout).delivery.mean).toEqual({ wordsPerMinute: 170, fillersPerMinute: 4, longPauses: 1.5 });
  });
});
