import { Command, CommanderError } from 'commander';
import { processIo, reportError, type CliIo } from './output.js';

/** Registers one group of commands; each command file exports one of these. */
export type RegisterCommands = (program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>) => void;

/**
 * Command groups by the words that start them, loaded on demand: `loopcoach grade` should not
 * pay for loading the database driver or the web server (the start-up budget is 600 ms).
 */
const COMMANDS: Array<{ names: string[]; load: () => Promise<RegisterCommands> }> = [
  { names: ['grade'], load: async () => (await import('./commands/grade.command.js')).registerGrade },
  { names: ['transcribe'], load: async () => (await import('./commands/transcribe.command.js')).registerTranscribe },
  { names: ['eval'], load: async () => (await import('./commands/eval.command.js')).registerEval },
  { names: ['questions'], load: async () => (await import('./commands/questions.command.js')).registerQuestions },
  { names: ['plan'], load: async () => (await import('./commands/plan.command.js')).registerPlan },
  { names: ['serve'], load: async () => (await import('./commands/serve.command.js')).registerServe },
  { names: ['practice'], load: async () => (await import('./commands/practice.command.js')).registerPractice },
  { names: ['history'], load: async () => (await import('./commands/history.command.js')).registerHistory },
  { names: ['resume'], load: async () => (await import('./commands/resume.command.js')).registerResume },
  { names: ['progress'], load: async () => (await import('./commands/progress.command.js')).registerProgress },
  { names: ['exercise'], load: async () => (await import('./commands/exercise.command.js')).registerExercise },
  { names: ['users'], load: async () => (await import('./commands/users.command.js')).registerUsers },
];

/** The command groups needed for these arguments: the one named, or all of them for help. */
async function commandsFor(argv: string[]): Promise<RegisterCommands[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.filter((c) => first !== undefined && c.names.includes(first));
  return Promise.all((named.length > 0 ? named : COMMANDS).map((c) => c.load()));
}

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
  for (const register of [...(await commandsFor(argv)), ...extra]) register(program, io, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, io);
  }
  return exitCode;
}
