import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocumentText, withTimeout } from '../../src/content/documents.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopcoach-docs-'));
});

async function writePdf(name: string, lines: string[]): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 750 - i * 20, size: 12, font }));
  if (lines.length === 0) page.drawRectangle({ x: 40, y: 40, width: 200, height: 100, color: rgb(0.2, 0.2, 0.2) });
  const path = join(dir, name);
  writeFileSync(path, await pdf.save({ useObjectStreams: false }));
  return path;
}

/** A PDF whose trailer says it is encrypted with a user password: what a protected résumé looks like to a reader. */
async function writeEncryptedPdf(name: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  page.drawText('Secret résumé text', { x: 40, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const hex = (b: number) => `<${b.toString(16).padStart(2, '0').repeat(32)}>`;
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  // pdf-lib cannot encrypt, so the /Encrypt dictionary is written into the trailer by hand.
  const withEncrypt = bytes.replace(/trailer\s*<</, `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O ${hex(0xab)} /U ${hex(0xcd)} >> /ID [${hex(1).slice(0, 34)}> ${hex(1).slice(0, 34)}>]`);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(withEncrypt, 'latin1'));
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
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Data Engineer with AWS Glue and Amazon Kinesis')] })] }] });
    const buf = await Packer.toBuffer(doc);
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
    await expect(extractDocumentText(path, 'résumé')).rejects.toMatchObject({ code: 'document_unsupported', message: expect.stringMatching(/no text layer.*OCR/) });
  });

  it('says an encrypted PDF needs its password removed', async () => {
    const path = await writeEncryptedPdf('locked.pdf');
    await expect(extractDocumentText(path)).rejects.toMatchObject({ code: 'document_unsupported', message: expect.stringMatching(/password-protected; remove the password/) });
  });

  it('says a corrupt PDF looks damaged', async () => {
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf at all\n%%EOF');
    await expect(extractDocumentText(join(dir, 'broken.pdf'))).rejects.toMatchObject({ code: 'document_unsupported', message: expect.stringMatching(/could not be read as PDF \(the file looks damaged\)/) });
  });

  it('rejects an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    await expect(extractDocumentText(join(dir, 'empty.txt'), 'job description')).rejects.toMatchObject({ code: 'invalid_input', message: 'job description empty.txt is empty; save the text into it and try again' });
  });

  it('rejects a 50 MB file before reading it', async () => {
    const path = join(dir, 'huge.pdf');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    await expect(extractDocumentText(path)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/is 50\.0 MB; the limit is 10 MB/) });
  });

  it('rejects a format it cannot read', async () => {
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(extractDocumentText(join(dir, 'photo.png'))).rejects.toMatchObject({ code: 'document_unsupported', message: expect.stringMatching(/not a PDF, DOCX or plain-text file/) });
  });

  it('gives up on parsing that never finishes', async () => {
    const never = new Promise<string>(() => {});
    await expect(withTimeout(never, 20, 'cv.pdf took longer than 0.02 s to read')).rejects.toMatchObject({ code: 'document_unsupported', message: 'cv.pdf took longer than 0.02 s to read' });
  });
});
