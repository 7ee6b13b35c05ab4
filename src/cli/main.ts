import { Command, CommanderError } from 'commander';
import { registerEval } from './commands/eval.command.js';
import { registerGrade } from './commands/grade.command.js';
import { registerQuestions } from './commands/questions.command.js';
import { processIo, reportError, type CliIo } from './output.js';

/** Registers one group of commands; each command file exports one of these. */
export type RegisterCommands = (program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>) => void;

const COMMANDS: RegisterCommands[] = [registerGrade, registerEval, registerQuestions];

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo, extra: RegisterCommands[] = []): Promise<number> {
  let exitCode = 0;
  const run = async (task: () => Promise<void>) => {
    try {
      await task();
    } catch (error) {
      exitCode = reportError(error, io);
    }
  };
  const program = new Command('loopcoach')
    .description('Loop Coach: practise AWS and cloud interviews with instant, explainable feedback')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run `loopcoach --help` for usage)');
  for (const register of [...COMMANDS, ...extra]) register(program, io, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, io);
  }
  return exitCode;
}
