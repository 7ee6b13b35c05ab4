import { Option, type Command } from 'commander';
import { z } from 'zod';
import { createCoach } from '../../coach.js';
import { extractDocumentText } from '../../content/documents.js';
import { LoopCoachError } from '../../errors.js';
import { buildInterviewPlan, MAX_PLAN_COUNT, type InterviewPlan } from '../../services/plan.service.js';
import { printJson, type CliIo } from '../output.js';
import { skillName } from '../../core/tailor/vocabulary.js';

const flagsSchema = z.object({
  jd: z.string().min(1),
  resume: z.string().min(1).optional(),
  count: z.coerce.number().int().min(1).max(MAX_PLAN_COUNT).default(8),
  json: z.boolean().optional(),
  questionsDir: z.string().min(1).optional(),
});

/** `loopcoach plan --jd <file> [--resume <file>] [--count N] [--json]` */
export function registerPlan(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('plan')
    .description('plan an interview from a job description (and your résumé): PDF, DOCX or text, read locally')
    .requiredOption('--jd <file>', 'the job description: .pdf, .docx, .txt or .md')
    .option('--resume <file>', 'your résumé: .pdf, .docx, .txt or .md')
    .option('--count <n>', `how many questions (1–${MAX_PLAN_COUNT})`, '8')
    .option('--json', 'print the plan as JSON')
    // Hidden: tests and content authors point the plan at another question bank.
    .addOption(new Option('--questions-dir <dir>', 'question bank folder').hideHelp())
    .action((raw: Record<string, unknown>) =>
      run(async () => {
        const parsed = flagsSchema.safeParse(raw);
        if (!parsed.success) throw new LoopCoachError('invalid_input', `--count must be a whole number from 1 to ${MAX_PLAN_COUNT}`);
        const flags = parsed.data;
        const jobDescription = await extractDocumentText(flags.jd, 'job description');
        const resume = flags.resume ? await extractDocumentText(flags.resume, 'résumé') : undefined;
        const plan = buildInterviewPlan(await createCoach(flags.questionsDir ? { questionDir: flags.questionsDir } : {}), {
          jobDescription,
          resume,
          count: flags.count,
        });
        if (flags.json) return printJson(io, toJson(plan));
        io.out(formatPlan(plan));
      }),
    );
}

/** The public JSON shape of `plan --json`. */
function toJson(plan: InterviewPlan) {
  return {
    role: plan.role,
    level: plan.level,
    skills: plan.skills,
    services: plan.services,
    questions: plan.questions.map((q) => ({ id: q.id, prompt: q.prompt, reason: q.reason, generated: q.generated })),
    gaps: plan.gaps,
  };
}

function formatPlan(plan: InterviewPlan): string {
  return [
    `Role: ${plan.role} (${plan.level})`,
    `Skills: ${plan.skills.map(skillName).join(', ') || 'none recognised'}`,
    `Services: ${plan.services.join(', ') || 'none named'}`,
    '',
    'Questions',
    ...plan.questions.map((q, i) => `  ${i + 1}. ${q.prompt}\n     why: ${q.reason}${q.generated ? ' (generated)' : ''}  [${q.id}]`),
    '',
    'Gaps',
    ...plan.gaps.map((g) => `  - ${skillName(g.skill)}: ${g.advice}`),
  ].join('\n');
}
