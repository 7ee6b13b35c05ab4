import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { csvRecords } from '../../content/csv.js';
import { LoopCoachError } from '../../errors.js';
import { ASAG_COLUMNS, evaluateAsag, toAsagRows } from '../../services/eval.service.js';
import { readUserFile } from '../files.js';
import { printJson, type CliIo } from '../output.js';

/** `loopcoach eval asag --data <csv> [--json]` */
export function registerEval(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  const evalCommand = program.command('eval').description('measure the engine against human-graded data');
  evalCommand
    .command('asag')
    .description('grade a short-answer grading CSV and correlate with the human scores')
    .requiredOption('--data <csv>', `CSV with columns ${ASAG_COLUMNS.join(', ')}`)
    .option('--json', 'print { pearson, spearman, rmse, n } as JSON')
    .action((flags: { data: string; json?: boolean }) =>
      run(async () => {
        const text = readUserFile(flags.data, 'data file');
        let records: Array<Record<string, string>>;
        try {
          records = csvRecords(text, ASAG_COLUMNS);
        } catch (error) {
          throw new LoopCoachError('invalid_input', `${flags.data}: ${(error as Error).message}`);
        }
        const coach = await createCoach({ questionDir: null });
        const report = evaluateAsag(coach, toAsagRows(records));
        if (flags.json) printJson(io, report);
        else
          io.out(
            `Pearson r   ${report.pearson.toFixed(3)}\nSpearman ρ  ${report.spearman.toFixed(3)}\nRMSE        ${report.rmse.toFixed(3)} (0–5 scale, linear map fitted on this data)\nn           ${report.n}`,
          );
      }),
    );
}
