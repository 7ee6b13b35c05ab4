import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (one line each) on standard error, so standard output stays the CLI's.
 * Nothing logged carries an answer or a document's text: callers log ids, codes and errors only.
 */
export function createLogger(destination: DestinationStream = pino.destination(2), level = process.env.LOOPCOACH_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'loopcoach' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** The parts of an error worth logging: never its cause's data, which may hold user text. */
export function errorForLog(error: unknown): { type: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message.split('\n')[0]!.slice(0, 300),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
