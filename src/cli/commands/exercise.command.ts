import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { MAX_SUBMISSION_CHARS } from '../../content/exercise.schema.js';
import { parseExerciseText } from '../../content/exercises.js';
import { EXERCISE_KINDS, type Exercise, type ExerciseResult } from '../../core/exercises/types.js';
import { labelCheck } from '../../core/exercises/labels.js';
import { TOPICS } from '../../core/types.js';
import { LoopCoachError } from '../../errors.js';
import { composeExerciseService, openExerciseService } from '../../services/compose.js';
import { withStore } from './session-runner.js';
import { toPublicExercise, type ExerciseFilter, type ExerciseService } from '../../services/exercise.service.js';
import { readUserFile } from '../files.js';
import { printJson, type CliIo } from '../output.js';

function checkChoice(value: string | undefined, valid: readonly string[], what: string): void {
  if (value !== undefined && !valid.includes(value))
    throw new LoopCoachError('invalid_input', `unknown ${what} "${value}"; valid ${what}s: ${valid.join(', ')}`);
}

function exerciseService(): ExerciseService {
  // The CLI is single-user: the user's own handler may run on their own machine.
  return composeExerciseService({ allowCodeRun: true });
}

/** An exercise named by id, or a path to the user's own exercise file. */
function findExercise(service: ExerciseService, idOrPath: string): Exercise {
  const looksLikeFile = /\.(ya?ml|json)$/i.test(idOrPath) || idOrPath.includes('/');
  if (!looksLikeFile || !existsSync(idOrPath)) {
    if (looksLikeFile) throw new LoopCoachError('file_not_found', `exercise file ${idOrPath} does not exist`);
    return service.get(idOrPath);
  }
  return parseExerciseText(readUserFile(idOrPath, 'exercise file'), idOrPath);
}

function readSubmission(path: string): string {
  const text = readUserFile(path, 'submission');
  if (text.length > MAX_SUBMISSION_CHARS)
    throw new LoopCoachError('submission_too_large', `the submission ${path} has ${text.length} characters; the limit is ${MAX_SUBMISSION_CHARS}`);
  return text;
}

function saveAttempt(flags: { db?: string }, exercise: Exercise, submission: string, result: ExerciseResult): Promise<void> {
  return withStore(flags, async (store) => (await openExerciseService(store)).record(exercise, submission, result));
}

function formatResult(result: ExerciseResult): string {
  const lines = result.checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  ${c.check}\n      ${c.line ? `line ${c.line}: ` : ''}${c.message}`);
  const passed = result.checks.filter((c) => c.passed).length;
  return [...lines, '', `${result.passed ? 'Passed' : 'Not yet'}: ${passed} of ${result.checks.length} checks (score ${result.score})`].join('\n');
}

function formatExercise(e: Exercise, withSolution: boolean): string {
  return [
    `${e.id}  (${e.kind}, ${e.topic}, ${e.levels.join('/')})`,
    '',
    e.prompt.trim(),
    '',
    'Checks',
    ...e.checks.map((c, i) => `  ${i + 1}. ${labelCheck(c)}`),
    '',
    'Starter',
    e.starter.trimEnd(),
    ...(e.hints.length ? ['', 'Hints', ...e.hints.map((h) => `  - ${h}`)] : []),
    ...(withSolution
      ? ['', 'Solution', e.solution.trimEnd(), '', 'Why', e.explanation.trim()]
      : ['', '(add --solution to see the solution and its explanation)']),
  ].join('\n');
}

/** `loopcoach exercise list|show|check` */
export function registerExercise(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  const exercise = program.command('exercise').description('hands-on exercises: IAM policies, CloudFormation templates, VPC reachability');
  exercise
    .command('list')
    .description('list exercises, filtered by kind or topic')
    .option('--kind <kind>', `one of: ${EXERCISE_KINDS.join(', ')}`)
    .option('--topic <topic>', `one of: ${TOPICS.join(', ')}`)
    .option('--json', 'print an array of exercises with all their fields')
    .action((flags: ExerciseFilter & { json?: boolean }) =>
      run(async () => {
        checkChoice(flags.kind, EXERCISE_KINDS, 'kind');
        checkChoice(flags.topic, TOPICS, 'topic');
        const found = exerciseService().list(flags);
        if (flags.json) return printJson(io, found.map(toPublicExercise));
        if (found.length === 0) return io.out('No exercises match.');
        io.out(found.map((e) => `${e.id.padEnd(40)} ${e.kind.padEnd(18)} ${e.topic.padEnd(20)} ${e.levels.join('/')}`).join('\n'));
        io.out(`\n${found.length} exercise${found.length === 1 ? '' : 's'}`);
      }),
    );
  exercise
    .command('show <id>')
    .description('show an exercise: prompt, checks, starter and hints')
    .option('--solution', 'also show the solution and its explanation')
    .option('--json', 'print the exercise as JSON')
    .action((id: string, flags: { json?: boolean; solution?: boolean }) =>
      run(async () => {
        const found = findExercise(exerciseService(), id);
        if (flags.json) return printJson(io, toPublicExercise(found));
        io.out(formatExercise(found, flags.solution === true));
      }),
    );
  exercise
    .command('check <exercise>')
    .description('check a submission against an exercise (an id, or the path of your own exercise file)')
    .requiredOption('--submission <file>', 'the file with your policy, template or handler')
    .option('--json', 'print { passed, score, checks: [{ check, passed, message, line? }] }')
    .option('--db <path>', 'where the attempt is saved: SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .option('--no-save', 'check without saving the attempt to your history')
    .action((idOrPath: string, flags: { submission: string; json?: boolean; db?: string; save: boolean }) =>
      run(async () => {
        const found = findExercise(exerciseService(), idOrPath);
        const submission = readSubmission(flags.submission);
        const result = await exerciseService().check(found, submission);
        // The verdict stands even when the history cannot be written (a read-only home, a database down).
        if (flags.save)
          await saveAttempt(flags, found, submission, result).catch((error: unknown) =>
            io.err(`note: the attempt was not saved to your history (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`),
          );
        if (flags.json) return printJson(io, result);
        io.out(formatResult(result));
      }),
    );
}
