// The user's own questions through the API, on a real SQLite file: import, list, practise, sessions, delete, bad input.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { composeServerApp } from '../../src/server/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: Hono;
let store: Store;
let dbPath: string;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'loopcoach-api-mine-')), 'test.db');
  store = await openStore(dbPath);
  app = await composeServerApp({ coach: await createCoach({ questionDir: writeQuestionBank() }), store });
});

afterAll(() => store?.close());

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A question in the bank's schema, as a user would write it. */
function questionYaml(id: string, prompt = 'How would you cut the cost of a fleet of idle development instances?'): string {
  return `id: ${id}
topic: cost-finops
levels: [mid]
kind: scenario
prompt: ${prompt}
rubric:
  - Stop the instances outside working hours with a schedule.
  - Right-size them from their CloudWatch CPU and memory figures.
  - Tag them by owner so each team sees its own spend.
modelAnswer: In our team the dev fleet ran all night. I scheduled a stop outside working hours, right-sized the instances from their CloudWatch CPU and memory figures, and tagged them by owner so each team saw its spend. The trade-off is a slower first start in the morning. The bill fell 45%.
pitfalls:
  - claim: Stopped instances still cost the full hourly price.
    correction: A stopped instance costs nothing for compute, only for its volumes.
followUps:
  - prompt: How would you stop people switching the schedule off?
    when: { missed: 1 }
  - prompt: What does stopping cost you?
    when: { finding: no-tradeoff }
services: [Amazon EC2, Amazon CloudWatch]
`;
}

const rows = async () => (await store.userQuestions.list()).map((r) => r.id);

describe('your questions API', () => {
  it('imports one question, lists it as yours, and grades it like the bank', async () => {
    const res = await post('/api/my-questions', { yaml: questionYaml('idle-dev-fleet') });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: ['idle-dev-fleet'] });
    const mine = await (await app.request('/api/my-questions')).json();
    expect(mine).toEqual([expect.objectContaining({ id: 'idle-dev-fleet', source: 'yours', topic: 'cost-finops' })]);
    const all = await (await app.request('/api/questions?topic=cost-finops')).json();
    expect(all.map((q: { id: string; source: string }) => [q.id, q.source])).toEqual([['idle-dev-fleet', 'yours']]);
    expect((await (await app.request('/api/questions/sg-vs-nacl')).json()).source).toBe('bank');
    const graded = await (
      await post('/api/grade', { questionId: 'idle-dev-fleet', answer: 'I scheduled a stop of the instances outside working hours.' })
    ).json();
    expect(graded.rubric[0]).toMatchObject({ covered: true, evidence: 'I scheduled a stop of the instances outside working hours.' });
  });

  it('imports a list and several YAML documents at once, replacing an id of yours', async () => {
    const list = `- ${questionYaml('list-one').replace(/\n(?=.)/g, '\n  ')}- ${questionYaml('list-two').replace(/\n(?=.)/g, '\n  ')}`;
    expect(await (await post('/api/my-questions', { yaml: list })).json()).toEqual({ imported: ['list-one', 'list-two'] });
    const docs = `${questionYaml('doc-one')}---\n${questionYaml('idle-dev-fleet', 'How would you stop paying for idle development instances?')}`;
    expect(await (await post('/api/my-questions', { yaml: docs })).json()).toEqual({ imported: ['doc-one', 'idle-dev-fleet'] });
    expect((await (await app.request('/api/questions/idle-dev-fleet')).json()).prompt).toBe('How would you stop paying for idle development instances?');
    expect(await rows()).toEqual(['idle-dev-fleet', 'list-one', 'list-two', 'doc-one']);
  });

  it.each([
    ['malformed JSON', '{"yaml": ', 400, 'invalid_input', /not valid JSON/],
    ['invalid YAML', { yaml: 'id: x\nrubric: [unclosed' }, 400, 'question_invalid', /not valid YAML \(line \d+\)/],
    [
      'a missing field',
      { yaml: questionYaml('no-model').replace(/modelAnswer:.*\n/, '') },
      400,
      'question_invalid',
      /question 1 \("no-model"\): A question needs a model answer \(the `modelAnswer` field\)\./,
    ],
    ['a bank id', { yaml: questionYaml('sg-vs-nacl') }, 400, 'question_invalid', /belongs to a question of the bank/],
    ['an id twice in one file', { yaml: `${questionYaml('twice')}---\n${questionYaml('twice')}` }, 400, 'question_invalid', /appears twice/],
    [
      'a valid question beside an invalid one',
      { yaml: `${questionYaml('good-one')}---\n${questionYaml('bad-one').replace('kind: scenario', 'kind: riddle')}` },
      400,
      'question_invalid',
      /question 2 \("bad-one"\): A question's `kind` must be one of: concept, /,
    ],
    ['an oversize file', { yaml: 'x'.repeat(200_001) }, 400, 'invalid_input', /at most 200000/],
    ['nothing at all', { yaml: '# only a comment\n' }, 400, 'question_invalid', /holds no question/],
  ])('refuses %s with a clear message and stores nothing', async (_name, body, status, code, message) => {
    const before = await rows();
    const res = await post('/api/my-questions', body);
    expect(res.status).toBe(status);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await rows()).toEqual(before);
  });

  it('plans a session that includes your question and answers it', async () => {
    const start = await post('/api/sessions', { role: 'solutions-architect', level: 'mid', topics: ['cost-finops'], count: 1, seed: 'mine' });
    expect(start.status).toBe(201);
    const { session, next } = await start.json();
    expect(['idle-dev-fleet', 'list-one', 'list-two', 'doc-one']).toContain(next.questionId);
    const answered = await post(`/api/sessions/${session.id}/answers`, {
      answer: 'I scheduled a stop of the instances outside working hours and right-sized them from CloudWatch.',
    });
    expect(answered.status).toBe(201);
    expect((await answered.json()).feedback.rubric).toHaveLength(3);
  });

  it('deletes your question, and says so for an unknown id or a bank question', async () => {
    expect((await app.request('/api/my-questions/doc-one', { method: 'DELETE' })).status).toBe(200);
    expect(await rows()).not.toContain('doc-one');
    expect((await app.request('/api/questions/doc-one')).status).toBe(404);
    const unknown = await app.request('/api/my-questions/doc-one', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('question_not_found');
    expect((await app.request('/api/my-questions/sg-vs-nacl', { method: 'DELETE' })).status).toBe(400);
  });

  it('finds your questions again after a restart on the same database file', async () => {
    const again = await openStore(dbPath);
    try {
      const restarted = await composeServerApp({ coach: await createCoach({ questionDir: writeQuestionBank() }), store: again });
      const mine = await (await restarted.request('/api/my-questions')).json();
      expect(mine.map((q: { id: string }) => q.id)).toEqual(['idle-dev-fleet', 'list-one', 'list-two']);
    } finally {
      await again.close();
    }
  });
});
