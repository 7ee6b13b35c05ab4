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
    [
      'storage-databases',
      'dynamodb-keys',
      bankYaml('dynamodb-keys', 'storage-databases', '[mid, senior]', '[Amazon DynamoDB]', 'How do you choose partition and sort keys in DynamoDB?'),
    ],
    [
      'compute-serverless',
      'lambda-cold-starts',
      bankYaml('lambda-cold-starts', 'compute-serverless', '[entry, mid]', '[AWS Lambda]', 'What is a Lambda cold start and how do you reduce it?'),
    ],
    [
      'behavioral',
      'customer-feedback',
      bankYaml(
        'customer-feedback',
        'behavioral',
        '[entry, mid, senior]',
        '[]',
        'Tell me about a time customer feedback changed your plan.',
        'leadershipPrinciples: [Customer Obsession]',
      ),
    ],
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
  const withEncrypt = bytes.replace(
    /trailer\s*<</,
    `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O ${hex(0xab)} /U ${hex(0xcd)} >> /ID [${hex(1).slice(0, 34)}> ${hex(1).slice(0, 34)}>]`,
  );
  return Buffer.from(withEncrypt, 'latin1');
}

/** A DOCX with one paragraph per entry. */
export async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}

/**
 * A DOCX "zip bomb": a valid package whose word/document.xml inflates to about `inflatedMb` MB
 * of text from a few hundred kilobytes per 100 MB (zip written by hand, streamed through deflate
 * so this process never holds the inflated text).
 */
export async function docxBombBytes(inflatedMb: number, { declaresTrueSize = true } = {}): Promise<Buffer> {
  const { createDeflateRaw } = await import('node:zlib');
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const paragraph = Buffer.from(`<w:p><w:r><w:t>${'We run AWS Lambda and Amazon S3. '.repeat(1000)}</w:t></w:r></w:p>`);
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head);
  let size = head.length;
  for (; size < inflatedMb * 1024 * 1024; size += paragraph.length) {
    if (!deflate.write(paragraph)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end('</w:body></w:document>');
  await finished;
  const deflated = Buffer.concat(chunks);
  const entries: Array<{ name: string; data: Buffer; method: number; size: number }> = [
    {
      name: '[Content_Types].xml',
      method: 0,
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      size: 0,
    },
    {
      name: '_rels/.rels',
      method: 0,
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      size: 0,
    },
    { name: 'word/document.xml', method: 8, data: deflated, size: size + '</w:body></w:document>'.length },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    // A bomb that lies declares its compressed size as its inflated one.
    const uncompressed = entry.method === 0 || !declaresTrueSize ? entry.data.length : entry.size;
    // CRC-32 left at 0: readers (JSZip, as mammoth uses it) do not check it by default.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
