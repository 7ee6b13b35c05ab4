import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { LoopCoachError } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../limits.js';

/** The largest document read, in bytes. */
export { MAX_DOCUMENT_BYTES };
/**
 * The most text one document may yield, in characters (about 60 pages): a posting or résumé is
 * far shorter, and analysing megabytes of text would hold the server for seconds.
 */
export const MAX_DOCUMENT_CHARS = 200_000;
/** Memory a document reader (a child process) may use; a document bomb fails there, not in the server. */
export const PARSER_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=16', '--stack-size=4000'];
/** The most a DOCX may declare its parts inflate to: a 60-page document is a few megabytes of XML. */
export const MAX_DOCX_INFLATED_BYTES = 64 * 1024 * 1024;
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
  if (trimmed.length > MAX_DOCUMENT_CHARS) throw tooMuchText(trimmed.length, name, what);
  return trimmed;
}

function tooMuchText(characters: number, name: string, what: string): LoopCoachError {
  return new LoopCoachError('document_too_long', `${what} ${name} holds ${characters.toLocaleString('en-US')} characters of text; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')}, so keep only the relevant part`);
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
  if (kind === 'docx') checkInflatedSize(buf, name, what);
  const timeoutMessage = `${what} ${name} took longer than ${timeoutMs / 1000} s to read; save it as plain text (.txt) and try again`;
  const outcome = await parseInChild(kind, buf, timeoutMs, timeoutMessage);
  if (outcome.text !== undefined) return outcome.text;
  const message = outcome.error ?? '';
  if (outcome.tooLong !== undefined) throw tooMuchText(outcome.tooLong, name, what);
  if (message === OUT_OF_MEMORY) {
    throw new LoopCoachError('document_too_long', `${what} ${name} needs more memory to read than a posting or résumé should; save just its text as .txt and try again`);
  }
  if (/password|encrypt/i.test(message)) {
    throw new LoopCoachError('document_unsupported', `${what} ${name} is password-protected; remove the password (or copy the text into a .txt file) and try again`);
  }
  throw new LoopCoachError('document_unsupported', `${what} ${name} could not be read as ${kind.toUpperCase()} (the file looks damaged); open and re-save it, or copy the text into a .txt file`);
}

/**
 * A DOCX is a zip: its central directory says how large its parts become once inflated. A "zip
 * bomb" (megabytes of text from a few hundred kilobytes) is refused from that, before any parsing;
 * sizes that lie are caught by the reader's own memory and time limits.
 */
function checkInflatedSize(buf: Buffer, name: string, what: string): void {
  const inflated = zipInflatedBytes(buf);
  if (inflated !== null && inflated > MAX_DOCX_INFLATED_BYTES) {
    throw new LoopCoachError('document_too_long', `${what} ${name} expands to ${Math.round(inflated / 1024 / 1024)} MB once unzipped, more than a posting or résumé holds; save just its text as .txt and try again`);
  }
}

/** The sum of the declared inflated sizes in a zip's central directory; null when there is none to read. */
function zipInflatedBytes(buf: Buffer): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const CENTRAL_HEADER = 0x02014b50;
  for (let end = buf.length - 22; end >= Math.max(0, buf.length - 22 - 0xffff); end -= 1) {
    if (buf.readUInt32LE(end) !== END_OF_DIRECTORY) continue;
    const entries = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < entries; i += 1) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_HEADER) return null;
      const size = buf.readUInt32LE(at + 24);
      // 0xFFFFFFFF: a ZIP64 size, over 4 GB as far as this check is concerned.
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
      at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

/**
 * PDF and DOCX parsing runs in a child process with its own heap limit: a hostile or huge file
 * cannot block the server's event loop, and a document bomb that exhausts that heap ends the child,
 * never the server (V8 ends the whole process on some out-of-memory paths, worker threads included).
 * At the time limit the child is killed, so the work really stops. Text longer than the limit is
 * not sent back, only its length.
 */
const PARSER_SOURCE = `
process.once('message', async ({ kind, bytes, unpdf, mammoth, maxChars }) => {
  let outcome;
  try {
    let text;
    if (kind === 'pdf') {
      const { extractText, getDocumentProxy } = require(unpdf);
      // verbosity 0: pdf.js says only errors, and those come back as this reader's one message.
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      text = (await extractText(pdf, { mergePages: true })).text;
    } else {
      text = (await require(mammoth).extractRawText({ buffer: Buffer.from(bytes) })).value;
    }
    const kept = text.replaceAll('\\u0000', '').trim();
    outcome = kept.length > maxChars ? { tooLong: kept.length } : { text: kept };
  } catch (error) {
    outcome = { error: error && error.message ? String(error.message) : String(error) };
  }
  process.send(outcome, () => process.exit(0));
});
`;

type ParseOutcome = { text?: string; tooLong?: number; error?: string };

async function parseInChild(kind: 'pdf' | 'docx', buf: Buffer, timeoutMs: number, timeoutMessage: string): Promise<ParseOutcome> {
  const [{ spawn }, { createRequire }] = await Promise.all([import('node:child_process'), import('node:module')]);
  const resolve = createRequire(import.meta.url).resolve;
  const child = spawn(process.execPath, [...PARSER_NODE_FLAGS, '-e', PARSER_SOURCE], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  return new Promise((done, fail) => {
    let settled = false;
    const settle = (outcome: ParseOutcome | LoopCoachError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (outcome instanceof LoopCoachError) fail(outcome);
      else done(outcome);
    };
    const timer = setTimeout(() => settle(new LoopCoachError('document_unsupported', timeoutMessage)), timeoutMs);
    child.once('message', (outcome) => settle(outcome as ParseOutcome));
    child.once('error', (error) => settle({ error: error.message }));
    // Ended without an answer: out of memory (V8 aborts the process) or killed.
    child.once('exit', (code, signal) => settle({ error: code === 0 ? 'the reader stopped without an answer' : signal || code === 134 ? OUT_OF_MEMORY : `the reader stopped (exit code ${code})` }));
    child.send({ kind, bytes: new Uint8Array(buf), unpdf: resolve('unpdf'), mammoth: resolve('mammoth'), maxChars: MAX_DOCUMENT_CHARS });
  });
}

function emptyText(kind: DocumentKind, name: string, what: string): LoopCoachError {
  if (kind === 'pdf') return new LoopCoachError('document_unsupported', `${what} ${name} has no text layer (a scanned image?); run it through OCR or copy the text into a .txt file`);
  return new LoopCoachError('invalid_input', `${what} ${name} has no text; save the text into it and try again`);
}
