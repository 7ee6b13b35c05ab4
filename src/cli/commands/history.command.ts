import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { composeServices, openExerciseService } from '../../services/compose.js';
import type { SessionSummary } from '../../services/session.service.js';
import type { Store } from '../../store/open-store.js';
import { printJson, type CliIo } from '../output.js';
import { withStore, type SessionFlags } from './session-runner.js';

/** `loopcoach history`: past sessions, newest first. */
export function registerHistory(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('history')
    .description('list past practice sessions, newest first')
    .option('--json', 'print an array of sessions (with --exercises: of exercise attempts)')
    .option('--exercises', 'list your exercise attempts, newest first, with each submission and its check results')
    .option('--db <path>', 'SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .action((flags: SessionFlags & { exercises?: boolean }) =>
      run(async () => {
        if (flags.exercises) return withStore(flags, (store) => printExerciseAttempts(io, store, flags.json === true), { readsOnly: true });
        await withStore(
          flags,
          async (store) => {
            // History needs no bank: questions are only looked up for planning and reports.
            const coach = await createCoach({ questionDir: null });
            const sessions = await (await composeServices({ coach, store })).sessions.history();
            if (flags.json) return printJson(io, sessions);
            const exercises = await (await openExerciseService(store)).attempts();
            const latest = exercises[0];
            if (latest)
              io.out(
                `Exercise attempts: ${exercises.length} (latest: ${latest.exerciseId}, ${latest.result.passed ? 'passed' : 'not yet passed'}); see \`loopcoach history --exercises\``,
              );
            if (sessions.length === 0) return io.out('No sessions yet: start one with `loopcoach practice`.');
            io.out(sessions.map(historyLine).join('\n'));
          },
          { readsOnly: true },
        );
      }),
    );
}

/** One session a line: an interview with its role, level and progress; a practised question with its prompt. */
function historyLine(s: SessionSummary): string {
  const score = s.score === null ? '-' : `${s.score}/100`;
  const head = `${s.id}  ${s.createdAt.slice(0, 16).replace('T', ' ')}`;
  if (s.kind === 'practice') return `${head}  practised    ${score}  ${(s.title ?? '').split('\n')[0]!.slice(0, 80)}`;
  const skipped = s.skipped ? `, ${s.skipped} skipped` : '';
  return `${head}  ${s.status.padEnd(11)} ${s.role}/${s.level}  ${s.answered}/${s.total} answered${skipped}  ${score}`;
}

/** Exercise attempts, newest first: each with its result, every check, and the submission. */
async function printExerciseAttempts(io: CliIo, store: Store, json: boolean): Promise<void> {
  const attempts = await (await openExerciseService(store)).attempts();
  if (json) return printJson(io, attempts);
  if (attempts.length === 0) return io.out('No exercise attempts yet: try one with `loopcoach exercise check <id> --submission <file>`.');
  for (const a of attempts) {
    const passedCount = a.result.checks.filter((c) => c.passed).length;
    io.out(
      `${a.checkedAt.slice(0, 16).replace('T', ' ')}  ${a.exerciseId}  ${a.result.passed ? 'passed' : 'not yet'}  ${passedCount}/${a.result.checks.length} checks${a.sessionId ? `  (interview ${a.sessionId})` : ''}`,
    );
    for (const c of a.result.checks)
      io.out(`  ${c.passed ? 'PASS' : 'FAIL'}  ${c.check}${c.passed ? '' : `: ${c.line ? `line ${c.line}: ` : ''}${c.message}`}`);
    io.out(
      `  submission:\n${a.submission
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n')}\n`,
    );
  }
}
