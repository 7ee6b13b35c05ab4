import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocumentText, extractTextFromBytes } from '../../src/content/documents.js';
import { docxBombBytes, docxBytes, encryptedPdfBytes, pdfBytes } from './helpers.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-docs-'));
});

async function writePdf(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await pdfBytes(lines));
  return path;
}

async function writeEncryptedPdf(name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await encryptedPdfBytes());
  return path;
}

describe('extractDocumentText', () => {
  it('reads the text of a PDF', async () => {
    const path = await writePdf('jd.pdf', ['Senior Solutions Architect', 'Design systems with Amazon DynamoDB at scale']);
    const text = await extractDocumentText(path);
    expect(text).toContain('Senior Solutions Architect');
    expect(text).toContain('Amazon DynamoDB');
  });

  it('reads the text of a DOCX, even renamed to .txt (by magic bytes)', async () => {
    const buf = await docxBytes(['Data Engineer with AWS Glue and Amazon Kinesis']);
    writeFileSync(join(dir, 'cv.docx'), buf);
    writeFileSync(join(dir, 'renamed.txt'), buf);
    expect(await extractDocumentText(join(dir, 'cv.docx'))).toBe('Data Engineer with AWS Glue and Amazon Kinesis');
    expect(await extractDocumentText(join(dir, 'renamed.txt'))).toContain('AWS Glue');
  });

  it('reads plain text and Markdown', async () => {
    writeFileSync(join(dir, 'jd.md'), '# Site Reliability Engineer\n\n- Own SLOs\n');
    expect(await extractDocumentText(join(dir, 'jd.md'))).toBe('# Site Reliability Engineer\n\n- Own SLOs');
  });

  it('says a PDF without a text layer needs OCR', async () => {
    const path = await writePdf('scan.pdf', []);
    await expect(extractDocumentText(path, 'résumé')).rejects.toMatchObject({
      code: 'document_unsupported',
      message: expect.stringMatching(/no text layer.*OCR/),
    });
  });

  it('says an encrypted PDF needs its password removed', async () => {
    const path = await writeEncryptedPdf('locked.pdf');
    await expect(extractDocumentText(path)).rejects.toMatchObject({
      code: 'document_unsupported',
      message: expect.stringMatching(/password-protected; remove the password/),
    });
  });

  it('says a corrupt PDF looks damaged', async () => {
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf at all\n%%EOF');
    await expect(extractDocumentText(join(dir, 'broken.pdf'))).rejects.toMatchObject({
      code: 'document_unsupported',
      message: expect.stringMatching(/could not be read as PDF \(the file looks damaged\)/),
    });
  });

  it('rejects an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    await expect(extractDocumentText(join(dir, 'empty.txt'), 'job description')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'job description empty.txt is empty; save the text into it and try again',
    });
  });

  it('rejects a 50 MB file before reading it', async () => {
    const path = join(dir, 'huge.pdf');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    await expect(extractDocumentText(path)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/is 50\.0 MB; the limit is 10 MB/) });
  });

  it('rejects a format it cannot read', async () => {
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(extractDocumentText(join(dir, 'photo.png'))).rejects.toMatchObject({
      code: 'document_unsupported',
      message: expect.stringMatching(/not a PDF, DOCX or plain-text file/),
    });
  });

  it('stops a parse at its time limit (the reader runs in a child process that is killed), and reads again afterwards', async () => {
    const path = await writePdf(
      'slow.pdf',
      Array.from({ length: 30 }, (_, i) => `Line ${i} of a long résumé`),
    );
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await expect(extractDocumentText(path, 'résumé', 5)).rejects.toMatchObject({
      code: 'document_unsupported',
      message: 'résumé slow.pdf took longer than 0.005 s to read; save it as plain text (.txt) and try again',
    });
    clearInterval(ticker);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(ticks).toBeGreaterThan(0); // the event loop kept running while the worker read
    expect(await extractDocumentText(path, 'résumé')).toContain('Line 29 of a long résumé');
  });

  it('refuses a DOCX zip bomb from its declared sizes at once, before parsing it', async () => {
    const bomb = await docxBombBytes(300);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const started = performance.now();
    await expect(extractTextFromBytes(bomb, 'posting.docx', 'job description')).rejects.toMatchObject({
      code: 'document_too_long',
      message: expect.stringMatching(/expands to 3\d\d MB once unzipped/),
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads a DOCX bomb that lies about its size in a child process: refused within the time limit, this process unharmed', async () => {
    const bomb = await docxBombBytes(150, { declaresTrueSize: false });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const before = process.memoryUsage().heapUsed;
    const refused = await extractTextFromBytes(bomb, 'posting.docx', 'job description', 3_000).catch((error: { code: string }) => error);
    clearInterval(ticker);
    expect(['document_too_long', 'document_unsupported']).toContain((refused as { code: string }).code);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThan(20); // the event loop kept running while the child read
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(await extractTextFromBytes(await docxBytes(['Still reading documents after a bomb']), 'cv.docx')).toBe('Still reading documents after a bomb');
  }, 20_000);
});
