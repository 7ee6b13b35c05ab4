// The CLI and the server share one composition root: `resume`, `progress` and `history` see the
// user's own questions (before, they built services on the bare bank and skipped them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/output.js';
import { createCoach } from '../../src/coach.js';
import { composeServices } from '../../src/services/compose.js';
import { openStore } from '../../src/store/open-store.js';
import { writeTestBank } from './bank.fixture.js';

const PROMPT = 'How would you cut the cost of a fleet of idle development instances?';
const YAML = `id: idle-dev-fleet
topic: cost-finops
levels: [mid]
kind: scenario
prompt: ${PROMPT}
rubric:
  - Stop the instances outside working hours with a schedule.
  - Right-size them from their CloudWatch CPU and memory figures.
  - Tag them by owner so each team sees its own spend.
modelAnswer: In our team the dev fleet ran all night. I scheduled a stop outside working hours, right-sized the instances from their CloudWatch CPU and memory figures, and tagged them by owner so each team saw its spend. The trade-off is a slower first start in the morning. The bill fell 45%.
pitfalls:
  - claim: Stopped instances still cost the full hourly price.
    correction: A stopped instance costs nothing for compute, only for its volumes.
followUps:
  - prompt: How would you stop people switching the schedule off?
    when: { missed: 1 }
  - prompt: What does stopping cost you?
    when: { finding: no-tradeoff }
services: [Amazon EC2, Amazon CloudWatch]
`;

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

let dir: string;
let bank: string;
let db: string;
let sessionId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-composed-'));
  bank = writeTestBank();
  db = join(dir, 'coach.db');
  const store = await openStore(db);
  const { catalogue, sessions } = await composeServices({ coach: await createCoach({ questionDir: bank }), store });
  await catalogue.importYaml(YAML);
  sessionId = (await sessions.start({ role: 'solutions-architect', level: 'mid', planned: { questionIds: ['idle-dev-fleet'], tailored: [] } })).id;
  await store.close();
});

describe('CLI commands over the composed services', () => {
  it("`resume` asks the user's own question and grades the answer", async () => {
    const answers = join(dir, 'answers.txt');
    writeFileSync(
      answers,
      [
        'I scheduled a stop outside working hours and tagged instances by owner; the bill fell 45%.',
        'We kept the schedule in code.',
        'Mornings start slower.',
      ].join('\n---\n'),
    );
    const io = capture();
    const code = await main(['resume', sessionId, '--db', db, '--answers', answers, '--questions-dir', bank], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain(PROMPT);
    expect(io.stdout).toMatch(/idle-dev-fleet: \d+\/100/);
  });

  it('`progress` counts it under its topic, and `history` shows it answered', async () => {
    const progress = capture();
    expect(await main(['progress', '--json', '--db', db, '--questions-dir', bank], progress)).toBe(0);
    expect(Object.keys(JSON.parse(progress.stdout).topics)).toContain('cost-finops');
    const history = capture();
    expect(await main(['history', '--json', '--db', db], history)).toBe(0);
    expect(JSON.parse(history.stdout)).toEqual([expect.objectContaining({ id: sessionId, answered: 1, total: 1 })]);
  });
});
