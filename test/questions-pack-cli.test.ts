// `loopcoach questions export|import`: a YAML pack a coach hands to a class, read back unchanged;
// and `questions list` keeps its columns aligned whatever the length of an id.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/output.js';
import { questionTable } from '../src/cli/commands/questions.command.js';
import type { BankQuestion } from '../src/content/question.schema.js';
import { validateBankQuestion } from '../src/content/question-bank.js';

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
  const code = await main(args, io);
  return { code, ...io };
}

function questionYaml(id: string, prompt: string): string {
  return `id: ${id}
topic: cost-finops
levels: [mid]
kind: scenario
prompt: ${prompt}
rubric:
  - Stop the instances outside working hours with a schedule.
  - Right-size them from their CloudWatch CPU and memory figures.
  - Tag them by owner so each team sees its own spend.
modelAnswer: In our team the dev fleet ran all night. I scheduled a stop outside working hours, right-sized the instances from their CloudWatch figures and tagged them by owner. The trade-off is a slower first start in the morning. The bill fell 45%.
pitfalls:
  - claim: Stopped instances still cost the full hourly price.
    correction: A stopped instance costs nothing for compute, only for its volumes.
followUps:
  - prompt: How would you stop people switching the schedule off?
    when: { missed: 1 }
  - prompt: What does stopping cost you?
    when: { finding: no-tradeoff }
services: [Amazon EC2]
`;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-pack-'));
});

describe('loopcoach questions export and import', () => {
  it('imports a pack, exports your questions to a file, and another database imports that file back unchanged', async () => {
    const teacherDb = join(dir, 'teacher.db');
    const pack = join(dir, 'class.yaml');
    writeFileSync(
      pack,
      `${questionYaml('idle-dev-fleet', 'How would you cut the cost of idle development instances?')}---\n${questionYaml('night-batch-cost', 'How would you cut the cost of a nightly batch job?')}`,
    );
    const imported = await cli(['questions', 'import', pack, '--db', teacherDb]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Imported 2 questions: idle-dev-fleet, night-batch-cost\n');

    const out = join(dir, 'export.yaml');
    const exported = await cli(['questions', 'export', '--mine', '--out', out, '--db', teacherDb]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`Wrote 2 questions to ${out}\n`);
    const docs = parseAllDocuments(readFileSync(out, 'utf8')).map((d) => d.toJS() as BankQuestion);
    expect(docs.map((q) => [q.id, q.prompt])).toEqual([
      ['idle-dev-fleet', 'How would you cut the cost of idle development instances?'],
      ['night-batch-cost', 'How would you cut the cost of a nightly batch job?'],
    ]);

    const studentDb = join(dir, 'student.db');
    const again = await cli(['questions', 'import', out, '--db', studentDb]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const studentPack = await cli(['questions', 'export', '--mine', '--db', studentDb]);
    expect(parseAllDocuments(studentPack.stdout).map((d) => d.toJS())).toEqual(docs);
  });

  it('exports the bank and your questions together to standard output', async () => {
    const { code, stdout } = await cli(['questions', 'export', '--db', join(dir, 'teacher.db')]);
    expect(code).toBe(0);
    const ids = parseAllDocuments(stdout).map((d) => (d.toJS() as BankQuestion).id);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(ids).toContain('security-groups-vs-nacls');
    expect(ids.at(-1)).toBe('night-batch-cost');
    // Every question of the pack reads back as a valid question of the bank's schema, phrasings included.
    const docs = parseAllDocuments(stdout).map((d) => d.toJS() as { id: string });
    for (const [i, doc] of docs.entries()) expect(validateBankQuestion(doc, `question ${i + 1}`).id).toBe(doc.id);
    expect(stdout).toContain('accept:');
  });

  it.each([
    ['a missing file', () => ['questions', 'import', join(dir, 'nope.yaml'), '--db', join(dir, 'x.db')], /question pack .*nope\.yaml does not exist/],
    [
      'a question with a bank id',
      () => {
        writeFileSync(join(dir, 'clash.yaml'), questionYaml('security-groups-vs-nacls', 'Mine?'));
        return ['questions', 'import', join(dir, 'clash.yaml'), '--db', join(dir, 'x.db')];
      },
      /belongs to a question of the bank/,
    ],
    [
      'a folder that does not exist',
      () => ['questions', 'export', '--out', join(dir, 'no', 'such', 'dir', 'p.yaml'), '--db', join(dir, 'x.db')],
      /cannot write .*its folder does not exist/,
    ],
  ])('refuses %s with one line and exit code 2', async (_name, argv, message) => {
    const { code, stderr } = await cli(argv());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('loopcoach questions list', () => {
  it('keeps every column aligned when an id is longer than the others', () => {
    const q = (id: string, topic: BankQuestion['topic']) => ({ id, topic, levels: ['mid'], kind: 'concept' }) as BankQuestion;
    const lines = questionTable([q('short', 'troubleshooting'), q('a-very-long-question-id-that-is-longer-than-forty-four-characters', 'cost-finops')]).split(
      '\n',
    );
    const topicAt = lines.map((l) => l.search(/troubleshooting|cost-finops/));
    expect(topicAt[0]).toBe(topicAt[1]);
    expect(topicAt[0]).toBeGreaterThan(60);
  });

  it('aligns the real bank: the kind column starts at one offset on every line', async () => {
    const { stdout } = await cli(['questions', 'list']);
    const rows = stdout.split('\n').filter((l) => /\S+\s{2,}\S+\s{2,}\S+\s{2,}\S+$/.test(l));
    expect(rows.length).toBeGreaterThan(100);
    // Each column starts at the same offset on every line: the second (topic), third (levels) and fourth (kind).
    for (const column of [1, 2, 3]) {
      const offsets = new Set(rows.map((l) => l.match(new RegExp(`^(?:\\S+\\s+){${column}}`))![0].length));
      expect(offsets.size, `column ${column + 1}`).toBe(1);
    }
  });
});
