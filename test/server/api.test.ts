// The JSON API in-process: every route, and bad input that must get a clear error and change nothing.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/index.js';
import { createApp } from '../../src/server/app.js';

let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-api-'));
  mkdirSync(join(dir, 'networking-security'));
  writeFileSync(
    join(dir, 'networking-security', 'sg-vs-nacl.yaml'),
    `id: sg-vs-nacl
topic: networking-security
levels: [entry]
kind: concept
prompt: What is the difference between a security group and a network ACL?
rubric:
  - Security groups are stateful; network ACLs are stateless.
  - Security groups only allow; network ACLs allow and deny.
  - Network ACLs apply to a whole subnet.
modelAnswer: In a VPC I ran, security groups were stateful and network ACLs stateless. Security groups only allow, NACLs allow and deny, and a NACL applies to the whole subnet. I used a NACL deny to block one range; the downside is NACL mistakes are hard to spot. As a result we blocked it in 5 minutes.
pitfalls:
  - claim: Security groups are stateless.
    correction: They are stateful.
followUps:
  - prompt: What breaks if you forget ephemeral ports?
    when: { missed: 1 }
  - prompt: Which one do you use day to day?
    when: { finding: no-tradeoff }
services: [Amazon VPC]
`,
  );
  app = createApp({ coach: await createCoach({ questionDir: dir }) });
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/grade', { method: 'POST', body, headers });

describe('API', () => {
  it('lists and filters questions', async () => {
    const all = await app.request('/api/questions');
    expect(all.status).toBe(200);
    expect((await all.json()).map((q: { id: string }) => q.id)).toEqual(['sg-vs-nacl']);
    const none = await app.request('/api/questions?level=senior');
    expect(await none.json()).toEqual([]);
    const byService = await app.request('/api/questions?service=VPC');
    expect(await byService.json()).toHaveLength(1);
  });

  it('returns one question with every field', async () => {
    const res = await app.request('/api/questions/sg-vs-nacl');
    expect(res.status).toBe(200);
    const q = await res.json();
    expect(q).toMatchObject({ id: 'sg-vs-nacl', kind: 'concept', rubric: expect.any(Array), modelAnswer: expect.any(String), followUps: expect.any(Array) });
  });

  it('grades an answer to a bank question and to an inline question', async () => {
    const bank = await post(JSON.stringify({ questionId: 'sg-vs-nacl', answer: 'Security groups are stateful and NACLs are stateless.' }));
    expect(bank.status).toBe(200);
    const feedback = await bank.json();
    expect(Object.keys(feedback).sort()).toEqual(['findings', 'leadershipPrinciples', 'rubric', 'score', 'services', 'structure', 'tips']);
    expect(feedback.rubric[0].covered).toBe(true);
    const inline = await post(
      JSON.stringify({
        question: { prompt: 'Why SQS?', kind: 'concept', rubric: ['SQS decouples producers from consumers.'] },
        answer: 'It decouples producers and consumers.',
      }),
    );
    expect(inline.status).toBe(200);
  });

  it('names the field a question of 10,000 rubric points breaks, at once', async () => {
    const started = performance.now();
    const res = await post(
      JSON.stringify({ question: { prompt: 'What is S3?', rubric: Array.from({ length: 10_000 }, (_, i) => `point ${i}`) }, answer: 'Object storage.' }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^question\.rubric: .*12/) });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each([
    ['malformed JSON', () => post('{"questionId": '), 400, 'invalid_input'],
    ['a missing answer', () => post(JSON.stringify({ questionId: 'sg-vs-nacl' })), 400, 'invalid_input'],
    ['an unknown question id', () => post(JSON.stringify({ questionId: 'nope', answer: 'x' })), 404, 'question_not_found'],
    ['an oversize answer', () => post(JSON.stringify({ questionId: 'sg-vs-nacl', answer: 'a'.repeat(20_001) })), 413, 'answer_too_long'],
    ['an unknown topic filter', () => app.request('/api/questions?topic=space'), 400, 'invalid_input'],
    ['an unknown question', () => app.request('/api/questions/nope'), 404, 'question_not_found'],
    ['an unknown route', () => app.request('/api/nothing-here'), 404, 'not_found'],
  ])('answers %s with a clear error', async (_name, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/\bat \w+ \(/);
  });

  it('serves its OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/questions',
        '/api/questions/{id}',
        '/api/grade',
        '/api/transcribe',
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/sessions/{id}/answers',
        '/api/history',
        '/api/progress',
      ]),
    );
  });
});
