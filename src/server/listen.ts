import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Duplex } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from './security.js';

export interface ListenOptions {
  port: number;
  hostname: string;
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'the request headers are larger than 16 KB',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'invalid_input', message: 'the request is not valid HTTP' };

/**
 * Node answers requests it cannot parse (headers over 16 KB: 431; malformed HTTP: 400) before
 * the app sees them, with an empty body; this answers them in the API's error shape instead.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, reason, code, message } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ error: { code, message } });
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    `content-security-policy: ${CONTENT_SECURITY_POLICY}`,
    'x-content-type-options: nosniff',
    'referrer-policy: no-referrer',
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Starts the HTTP server for the app; resolves once it listens, rejects if it cannot. */
export function listen(app: Hono, { port, hostname }: ListenOptions): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.on('clientError', answerClientError);
    server.once('error', reject);
  });
}
