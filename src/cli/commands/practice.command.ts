import type { Command } from 'commander';
import { z } from 'zod';
import { createCoach, type Coach } from '../../coach.js';
import { ROLES } from '../../core/session/plan.js';
import { LEVELS, TOPICS } from '../../core/types.js';
import { LoopCoachError } from '../../errors.js';
import { composeServices } from '../../services/compose.js';
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

/** The plan for a job posting (and résumé), ready for a session. */
async function tailoredPlan(coach: Coach, jd: string, resume: string | undefined, count: number | undefined) {
  const [{ extractDocumentText }, { buildInterviewPlan, planForSession }] = await Promise.all([
    import('../../content/documents.js'),
    import('../../services/plan.service.js'),
  ]);
  const jobDescription = await extractDocumentText(jd, 'job description');
  const resumeText = resume === undefined ? undefined : await extractDocumentText(resume, 'résumé');
  const plan = buildInterviewPlan(coach, { jobDescription, resume: resumeText, count });
  return { plan, session: planForSession(plan, coach) };
}

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
    .option('--jd <file>', 'practise the plan tailored to this job posting (PDF, DOCX, .txt or .md)')
    .option('--resume <file>', 'with --jd: your résumé, for personal questions on the numbers it claims')
    .action((flags: SessionFlags & Record<string, unknown>) =>
      run(async () => {
        const parsed = practiceSchema.safeParse(flags);
        if (!parsed.success) throw new LoopCoachError('invalid_input', `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
        const options = parsed.data;
        const coach = await createCoach(flags.questionsDir ? { questionDir: flags.questionsDir } : {});
        const tailoredTo =
          typeof flags.jd === 'string'
            ? await tailoredPlan(
                coach,
                flags.jd,
                typeof flags.resume === 'string' ? flags.resume : undefined,
                flags.count === undefined ? undefined : options.count,
              )
            : null;
        await withStore(flags, async (store) => {
          const { sessions: service } = await composeServices({ coach, store });
          const session = await service.start(
            tailoredTo
              ? { role: tailoredTo.plan.role, level: tailoredTo.plan.level, planned: tailoredTo.session }
              : { role: options.role, level: options.level, topics: options.topic, count: options.count, mix: options.mix, seed: options.seed },
          );
          if (tailoredTo && !flags.json) for (const q of tailoredTo.plan.questions) io.out(`- ${q.prompt}\n  why: ${q.reason}`);
          await runSession(service, session.id, await answerSource(flags, io), io, flags);
        });
      }),
    );
}
