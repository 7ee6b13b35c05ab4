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
