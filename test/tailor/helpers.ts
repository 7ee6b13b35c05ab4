import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/output.js';

export const fixtures = fileURLToPath(new URL('../fixtures/tailor/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

function bankYaml(id: string, topic: string, levels: string, services: string, prompt: string, extra = ''): string {
  return `id: ${id}
topic: ${topic}
levels: ${levels}
kind: concept
prompt: ${prompt}
rubric:
  - The first point a strong answer covers about this topic.
  - The second point a strong answer covers about this topic.
  - The third point a strong answer covers about this topic.
modelAnswer: A model answer that covers the first, second and third points with a trade-off.
pitfalls:
  - claim: A wrong claim.
    correction: Why it is wrong.
followUps:
  - prompt: What did you miss first?
    when: { missed: 1 }
  - prompt: What did you miss second?
    when: { missed: 2 }
services: ${services}
${extra}`;
}

/** A tiny question bank in a temp folder, so tests do not depend on the real bank. */
export function writeTempBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-tailor-bank-'));
  const files: Array<[string, string, string]> = [
    ['storage-databases', 'dynamodb-keys', bankYaml('dynamodb-keys', 'storage-databases', '[mid, senior]', '[Amazon DynamoDB]', 'How do you choose partition and sort keys in DynamoDB?')],
    ['compute-serverless', 'lambda-cold-starts', bankYaml('lambda-cold-starts', 'compute-serverless', '[entry, mid]', '[AWS Lambda]', 'What is a Lambda cold start and how do you reduce it?')],
    ['behavioral', 'customer-feedback', bankYaml('customer-feedback', 'behavioral', '[entry, mid, senior]', '[]', 'Tell me about a time customer feedback changed your plan.', 'leadershipPrinciples: [Customer Obsession]')],
  ];
  for (const [topic, id, text] of files) {
    mkdirSync(join(dir, topic), { recursive: true });
    writeFileSync(join(dir, topic, `${id}.yaml`), text);
  }
  return dir;
}

export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => '',
    stdout: () => out,
    stderr: () => err,
  };
}

/** A PDF with one line of text per entry; with no lines, an image-only page (what a scan looks like). */
export async function pdfBytes(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 40, y: 750 - i * 20, size: 12, font }));
  if (lines.length === 0) page.drawRectangle({ x: 40, y: 40, width: 200, height: 100, color: rgb(0.2, 0.2, 0.2) });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A PDF whose trailer says it is encrypted with a user password: what a protected résumé looks like to a reader. */
export async function encryptedPdfBytes(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  page.drawText('Secret résumé text', { x: 40, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const hex = (b: number) => `<${b.toString(16).padStart(2, '0').repeat(32)}>`;
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  // pdf-lib cannot encrypt, so the /Encrypt dictionary is written into the trailer by hand.
  const withEncrypt = bytes.replace(/trailer\s*<</, `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O ${hex(0xab)} /U ${hex(0xcd)} >> /ID [${hex(1).slice(0, 34)}> ${hex(1).slice(0, 34)}>]`);
  return Buffer.from(withEncrypt, 'latin1');
}

/** A DOCX with one paragraph per entry. */
export async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}
