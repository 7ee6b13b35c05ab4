import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { composeServices } from '../../services/compose.js';
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
          io.out(sessions.map((s) => `${s.id}  ${s.createdAt.slice(0, 16).replace('T', ' ')}  ${s.status.padEnd(11)} ${s.role}/${s.level}  ${s.answered}/${s.total} answered  ${s.score === null ? '-' : `${s.score}/100`}`).join('\n'));
        }, { readsOnly: true });
      }),
    );
}
