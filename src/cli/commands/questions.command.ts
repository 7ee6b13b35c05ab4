import type { Command } from 'commander';
import { defaultQuestionDir, loadQuestionBank } from '../../content/question-bank.js';
import type { BankQuestion } from '../../content/question.schema.js';
import { LEVELS, QUESTION_KINDS, TOPICS } from '../../core/types.js';
import { LoopCoachError } from '../../errors.js';
import { filterQuestions, type QuestionFilter } from '../../services/question.service.js';
import { printJson, type CliIo } from '../output.js';

function checkChoice(value: string | undefined, valid: readonly string[], what: string): void {
  if (value !== undefined && !valid.includes(value)) throw new LoopCoachError('invalid_input', `unknown ${what} "${value}"; valid ${what}s: ${valid.join(', ')}`);
}

/** `loopcoach questions list|show` */
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
        io.out(found.map((q) => `${q.id.padEnd(44)} ${q.topic.padEnd(20)} ${q.levels.join('/').padEnd(17)} ${q.kind}`).join('\n'));
        io.out(`\n${found.length} question${found.length === 1 ? '' : 's'}`);
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
