import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { composeServices } from '../../services/compose.js';
import type { SessionSummary } from '../../services/session.service.js';
import { printJson, type CliIo } from '../output.js';
import { withStore, type SessionFlags } from './session-runner.js';

/** `loopcoach history`: past sessions, newest first. */
export function registerHistory(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('history')
    .description('list past practice sessions, newest first')
    .option('--json', 'print an array of sessions')
    .option('--db <path>', 'SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .action((flags: SessionFlags) =>
      run(async () => {
        await withStore(flags, async (store) => {
          // History needs no bank: questions are only looked up for planning and reports.
          const coach = await createCoach({ questionDir: null });
          const sessions = await (await composeServices({ coach, store })).sessions.history();
          if (flags.json) return printJson(io, sessions);
          if (sessions.length === 0) return io.out('No sessions yet: start one with `loopcoach practice`.');
          io.out(sessions.map(historyLine).join('\n'));
        }, { readsOnly: true });
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
