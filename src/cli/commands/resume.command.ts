import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { composeServices } from '../../services/compose.js';
import type { CliIo } from '../output.js';
import { answerSource, runSession, withStore, type SessionFlags } from './session-runner.js';

/** `loopcoach resume <id>`: continues an unfinished session where it stopped. */
export function registerResume(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('resume <session-id>')
    .description('continue an unfinished practice session')
    .option('--answers <file>', 'answers for scripts: one per block, blocks separated by a line holding only ---')
    .option('--json', 'print the session report as JSON')
    .option('--db <path>', 'SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .option('--questions-dir <dir>', 'use this question bank folder instead of the shipped one')
    .action((id: string, flags: SessionFlags) =>
      run(async () => {
        const coach = await createCoach(flags.questionsDir ? { questionDir: flags.questionsDir } : {});
        await withStore(flags, async (store) => {
          const { sessions: service } = await composeServices({ coach, store });
          await service.resumable(id);
          await runSession(service, id, await answerSource(flags, io), io, flags);
        });
      }),
    );
}
