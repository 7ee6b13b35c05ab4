import type { Command } from 'commander';
import { defaultQuestionDir, loadQuestionBank } from '../../content/question-bank.js';
import type { BankQuestion } from '../../content/question.schema.js';
import { LEVELS, QUESTION_KINDS, TOPICS } from '../../core/types.js';
import { LoopCoachError } from '../../errors.js';
import { filterQuestions, type QuestionFilter } from '../../services/question.service.js';
import { printJson, type CliIo } from '../output.js';
import { writeFileSync } from 'node:fs';
import { createCoach } from '../../coach.js';
import { composeServices } from '../../services/compose.js';
import type { QuestionCatalogue } from '../../services/question-catalogue.js';
import { readUserFile } from '../files.js';
import { withStore } from './session-runner.js';

function checkChoice(value: string | undefined, valid: readonly string[], what: string): void {
  if (value !== undefined && !valid.includes(value))
    throw new LoopCoachError('invalid_input', `unknown ${what} "${value}"; valid ${what}s: ${valid.join(', ')}`);
}

/** `loopcoach questions list|show|export|import` */
export function registerQuestions(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  const questions = program.command('questions').description('browse the question bank');
  questions
    .command('list')
    .description('list questions, filtered by topic, level, kind or service')
    .option('--topic <topic>', `one of: ${TOPICS.join(', ')}`)
    .option('--level <level>', `one of: ${LEVELS.join(', ')}`)
    .option('--kind <kind>', `one of: ${QUESTION_KINDS.join(', ')}`)
    .option('--service <service>', 'an AWS service, e.g. SQS or "Amazon DynamoDB"')
    .option('--json', 'print an array of questions with all their fields')
    .action((flags: QuestionFilter & { json?: boolean }) =>
      run(async () => {
        checkChoice(flags.topic, TOPICS, 'topic');
        checkChoice(flags.level, LEVELS, 'level');
        checkChoice(flags.kind, QUESTION_KINDS, 'kind');
        const found = filterQuestions(loadQuestionBank(defaultQuestionDir()), flags);
        if (flags.json) return printJson(io, found);
        if (found.length === 0) return io.out('No questions match.');
        io.out(questionTable(found));
        io.out(`\n${found.length} question${found.length === 1 ? '' : 's'}`);
      }),
    );
  questions
    .command('export')
    .description('write the bank and your own questions (or only yours) as a YAML pack, to hand to others')
    .option('--out <file>', 'write the pack to this file instead of standard output')
    .option('--mine', 'only the questions you added')
    .option('--db <path>', 'SQLite file or postgres:// URL holding your questions (default ~/.loopcoach/loopcoach.db)')
    .action((flags: { out?: string; mine?: boolean; db?: string }) =>
      run(async () => {
        const pack = await withCatalogue(flags, (catalogue) => catalogue.exportYaml({ mine: flags.mine }), { readsOnly: true });
        if (flags.out === undefined) return io.out(pack.trimEnd());
        writeUserFile(flags.out, pack);
        io.err(`Wrote ${countDocuments(pack)} question${countDocuments(pack) === 1 ? '' : 's'} to ${flags.out}`);
      }),
    );
  questions
    .command('import <file>')
    .description("add the questions of a YAML pack (the bank's schema) to your own; all or nothing")
    .option('--db <path>', 'SQLite file or postgres:// URL to keep them in (default ~/.loopcoach/loopcoach.db)')
    .action((file: string, flags: { db?: string }) =>
      run(async () => {
        const text = readUserFile(file, 'question pack');
        const imported = await withCatalogue(flags, (catalogue) => catalogue.importYaml(text));
        io.out(`Imported ${imported.length} question${imported.length === 1 ? '' : 's'}: ${imported.map((q) => q.id).join(', ')}`);
      }),
    );
  questions
    .command('show <id>')
    .description('show one question with its rubric, model answer, pitfalls and follow-ups')
    .option('--json', 'print the question as JSON')
    .action((id: string, flags: { json?: boolean }) =>
      run(async () => {
        const question = loadQuestionBank(defaultQuestionDir()).find((q) => q.id === id);
        if (!question) throw new LoopCoachError('question_not_found', `no question with id "${id}"; see \`loopcoach questions list\``);
        if (flags.json) return printJson(io, question);
        io.out(formatQuestion(question));
      }),
    );
}

/** The user's questions beside the bank, over the configured store. */
async function withCatalogue<T>(
  flags: { db?: string },
  task: (catalogue: QuestionCatalogue) => T | Promise<T>,
  options: { readsOnly?: boolean } = {},
): Promise<T> {
  const coach = await createCoach();
  return withStore(flags, async (store) => task((await composeServices({ coach, store })).catalogue), options);
}

function writeUserFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LoopCoachError(
      'invalid_input',
      `cannot write ${path}${code === 'ENOENT' ? ': its folder does not exist' : code === 'EACCES' ? ': permission denied' : code === 'EISDIR' ? ': it is a folder' : ''}`,
    );
  }
}

const countDocuments = (pack: string) => pack.split(/^---$/m).length - 1;

/** One question a line, columns as wide as their longest value so long ids keep the table aligned. */
export function questionTable(found: readonly BankQuestion[]): string {
  const rows = found.map((q) => [q.id, q.topic, q.levels.join('/'), q.kind]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n');
}

function formatQuestion(q: BankQuestion): string {
  return [
    `${q.id}  (${q.topic}, ${q.levels.join('/')}, ${q.kind})`,
    '',
    q.prompt,
    '',
    'What a strong answer covers',
    ...q.rubric.map((r, i) => `  ${i + 1}. ${r}`),
    '',
    'Model answer',
    `  ${q.modelAnswer}`,
    '',
    'Pitfalls',
    ...q.pitfalls.map((p) => `  - ${p.claim}\n    ${p.correction}`),
    '',
    'Follow-ups',
    ...q.followUps.map((f) => `  - ${f.prompt}`),
    ...(q.services.length ? ['', `Services: ${q.services.join(', ')}`] : []),
    ...(q.leadershipPrinciples.length ? [`Leadership Principles: ${q.leadershipPrinciples.join(', ')}`] : []),
    ...(q.references.length ? ['', 'Further reading', ...q.references.map((r) => `  - ${r}`)] : []),
  ].join('\n');
}
