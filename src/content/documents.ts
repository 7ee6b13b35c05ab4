import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { LoopCoachError } from '../errors.js';

/** The largest document read, in bytes. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/**
 * The most text one document may yield, in characters (about 60 pages): a posting or résumé is
 * far shorter, and analysing megabytes of text would hold the server for seconds.
 */
export const MAX_DOCUMENT_CHARS = 200_000;
/** Memory a document reader (worker thread) may use; a document bomb fails there, not in the server. */
export const PARSER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 32, stackSizeMb: 4 };
/** How long parsing one document may take before it is abandoned. */
export const DOCUMENT_TIMEOUT_MS = 10_000;

type DocumentKind = 'pdf' | 'docx' | 'text';
const OUT_OF_MEMORY = 'out of memory';

/** Reads a PDF, DOCX or plain-text document and returns its text, or says what to do instead. */
export async function extractDocumentText(path: string, what = 'document', timeoutMs = DOCUMENT_TIMEOUT_MS): Promise<string> {
  return extractTextFromBytes(await readLimited(path, what), basename(path), what, timeoutMs);
}

/**
 * The text of a document already in memory (an upload): PDF, DOCX or plain text, known by its
 * bytes first and its file name second; the same limits and messages as a file on disk.
 */
export async function extractTextFromBytes(buf: Buffer, name: string, what = 'document', timeoutMs = DOCUMENT_TIMEOUT_MS): Promise<string> {
  if (buf.length > MAX_DOCUMENT_BYTES) {
    throw new LoopCoachError('invalid_input', `${what} ${name} is ${(buf.length / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB, so save just the text as .txt`);
  }
  if (buf.length === 0) throw new LoopCoachError('invalid_input', `${what} ${name} is empty; save the text into it and try again`);
  const kind = detectKind(buf, name);
  const text = await parse(kind, buf, name, what, timeoutMs);
  const trimmed = text.replaceAll('\u0000', '').trim();
  if (trimmed.length === 0) throw emptyText(kind, name, what);
  if (trimmed.length > MAX_DOCUMENT_CHARS) {
    throw new LoopCoachError('document_too_long', `${what} ${name} holds ${trimmed.length.toLocaleString('en-US')} characters of text; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}, so keep only the relevant part`);
  }
  return trimmed;
}

async function readLimited(path: string, what: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new LoopCoachError('file_unreadable', `${what} ${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof LoopCoachError) throw error;
    throw new LoopCoachError('file_not_found', `${what} ${path} does not exist`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new LoopCoachError('invalid_input', `${what} ${basename(path)} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB, so save just the text as .txt`);
  }
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The format by magic bytes first (a renamed file still works), then by extension. */
function detectKind(buf: Buffer, path: string): DocumentKind {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'docx';
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf' || ext === '.docx') return ext === '.pdf' ? 'pdf' : 'docx';
  if (['.txt', '.md', '.markdown', '.text', ''].includes(ext) && isText(buf)) return 'text';
  throw new LoopCoachError('document_unsupported', `${basename(path)} is not a PDF, DOCX or plain-text file; save it in one of those formats`);
}

function isText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 4096);
  return !sample.includes(0) && !new TextDecoder('utf-8', { fatal: false }).decode(sample).includes('\uFFFD');
}

async function parse(kind: DocumentKind, buf: Buffer, name: string, what: string, timeoutMs: number): Promise<string> {
  if (kind === 'text') return buf.toString('utf8');
  const timeoutMessage = `${what} ${name} took longer than ${timeoutMs / 1000} s to read; save it as plain text (.txt) and try again`;
  const outcome = await parseInWorker(kind, buf, timeoutMs, timeoutMessage);
  if (outcome.text !== undefined) return outcome.text;
  const message = outcome.error ?? '';
  if (message === OUT_OF_MEMORY) {
    throw new LoopCoachError('document_too_long', `${what} ${name} needs more memory to read than a posting or résumé should; save just its text as .txt and try again`);
  }
  if (/password|encrypt/i.test(message)) {
    throw new LoopCoachError('document_unsupported', `${what} ${name} is password-protected; remove the password (or copy the text into a .txt file) and try again`);
  }
  throw new LoopCoachError('document_unsupported', `${what} ${name} could not be read as ${kind.toUpperCase()} (the file looks damaged); open and re-save it, or copy the text into a .txt file`);
}

/**
 * PDF and DOCX parsing runs in a worker thread: a hostile or huge file cannot block the server's
 * event loop, and at the time limit the worker is terminated, so the work really stops.
 */
const PARSER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { kind, bytes, unpdf, mammoth } = workerData;
  try {
    if (kind === 'pdf') {
      const { extractText, getDocumentProxy } = require(unpdf);
      // verbosity 0: pdf.js says only errors, and those come back as this reader's one message.
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      parentPort.postMessage({ text: (await extractText(pdf, { mergePages: true })).text });
    } else {
      const { value } = await require(mammoth).extractRawText({ buffer: Buffer.from(bytes) });
      parentPort.postMessage({ text: value });
    }
  } catch (error) {
    parentPort.postMessage({ error: error && error.message ? String(error.message) : String(error) });
  }
})();
`;

async function parseInWorker(kind: 'pdf' | 'docx', buf: Buffer, timeoutMs: number, timeoutMessage: string): Promise<{ text?: string; error?: string }> {
  const [{ Worker }, { createRequire }] = await Promise.all([import('node:worker_threads'), import('node:module')]);
  const resolve = createRequire(import.meta.url).resolve;
  const worker = new Worker(PARSER_SOURCE, {
    eval: true,
    resourceLimits: PARSER_RESOURCE_LIMITS,
    workerData: { kind, bytes: new Uint8Array(buf), unpdf: resolve('unpdf'), mammoth: resolve('mammoth') },
    // A library's own warnings ("Warning: Indexing all PDF objects") stay out of the user's
    // terminal and the server's log: the worker's output is read and dropped.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      fail(new LoopCoachError('document_unsupported', timeoutMessage));
    }, timeoutMs);
    const finish = (outcome: { text?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      done(outcome);
    };
    worker.once('message', finish);
    worker.once('error', (error: NodeJS.ErrnoException) => finish({ error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : error.message }));
    worker.once('exit', (code) => finish({ error: `the reader stopped (exit code ${code})` }));
  });
}

function emptyText(kind: DocumentKind, name: string, what: string): LoopCoachError {
  if (kind === 'pdf') return new LoopCoachError('document_unsupported', `${what} ${name} has no text layer (a scanned image?); run it through OCR or copy the text into a .txt file`);
  return new LoopCoachError('invalid_input', `${what} ${name} has no text; save the text into it and try again`);
}
