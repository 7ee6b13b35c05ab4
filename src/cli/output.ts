import { isLoopCoachError } from '../errors.js';

/** Where a command writes: injectable so tests can capture output without spawning. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Prints an error as one line and returns its exit code; never a stack trace. */
export function reportError(error: unknown, io: CliIo): number {
  if (isLoopCoachError(error)) {
    io.err(`loopcoach: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`loopcoach: unexpected error: ${message.split('\n')[0]}`);
  if (process.env.LOOPCOACH_DEBUG && error instanceof Error) io.err(error.stack ?? '');
  return 1;
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
