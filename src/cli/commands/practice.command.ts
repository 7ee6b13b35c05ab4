import type { Command } from 'commander';
import { z } from 'zod';
import { createCoach } from '../../coach.js';
import { ROLES } from '../../core/session/plan.js';
import { LEVELS, TOPICS } from '../../core/types.js';
import { LoopCoachError } from '../../errors.js';
import { SessionService } from '../../services/session.service.js';
import type { CliIo } from '../output.js';
import { answerSource, runSession, withStore, type SessionFlags } from './session-runner.js';

const practiceSchema = z.object({
  role: z.string().default('solutions-architect'),
  level: z.string().default('mid'),
  topic: z.array(z.string()).default([]),
  count: z.coerce.number().int().min(1).max(50).default(5),
  mix: z.coerce.number().min(0).max(1).default(0.2),
  seed: z.string().optional(),
});

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `loopcoach practice`: an adaptive mock interview, saved as it goes. */
export function registerPractice(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('practice')
    .description('a mock interview: questions, feedback after each answer, follow-ups and a report')
    .option('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--level <level>', `one of: ${LEVELS.join(', ')}`)
    .option('--topic <topic>', `repeatable; one of: ${TOPICS.join(', ')}`, collect)
    .option('--count <n>', 'how many main questions (default 5)')
    .option('--mix <share>', 'share of behavioural questions, 0 to 1 (default 0.2)')
    .option('--seed <seed>', 'makes the question choice reproducible')
    .option('--answers <file>', 'answers for scripts: one per block, blocks separated by a line holding only ---')
    .option('--json', 'print the session report as JSON')
    .option('--db <path>', 'SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .option('--questions-dir <dir>', 'use this question bank folder instead of the shipped one')
    .action((flags: SessionFlags & Record<string, unknown>) =>
      run(async () => {
        const parsed = practiceSchema.safeParse(flags);
        if (!parsed.success) throw new LoopCoachError('invalid_input', `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
        const options = parsed.data;
        const coach = await createCoach(flags.questionsDir ? { questionDir: flags.questionsDir } : {});
        await withStore(flags, async (store) => {
          const service = new SessionService({ sessions: store.sessions, attempts: store.attempts, coach });
          const session = await service.start({ role: options.role, level: options.level, topics: options.topic, count: options.count, mix: options.mix, seed: options.seed });
          await runSession(service, session.id, await answerSource(flags, io), io, flags);
        });
      }),
    );
}
