// Answers to questions written from a job posting or a résumé are attempts like any other: their
// topic reaches progress, and a new server (a restart) still finds them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoach, type Coach } from '../../src/coach.js';
import { composeServerApp } from '../../src/server/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { fixture, writeTempBank } from '../tailor/helpers.js';

let coach: Coach;
let store: Store;

beforeAll(async () => {
  coach = await createCoach({ questionDir: writeTempBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-api-tailored-progress-')), 'test.db'));
});

afterAll(() => store?.close());

const post = (app: Hono, path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

const STORY =
  'At a retailer our Redshift bill grew every month. I owned the fix: I moved cold data to S3 and queried it with Spectrum, and chose that over a bigger cluster because most queries touched last month only. The trade-off was slower queries on old data. I measured the bill in Cost Explorer over three months against the previous quarter: it fell 35%.';

describe('a question written from a résumé', () => {
  it('counts in progress by its topic and habits, also after a restart', async () => {
    const app = await composeServerApp({ coach, store });
    const { session } = await (
      await post(app, '/api/plans/sessions', {
        posting: { text: fixture('senior-solutions-architect.md') },
        resume: { text: fixture('resume-backend.md') },
        count: 5,
      })
    ).json();
    const generated = session.plan.tailored as Array<{ id: string; topic: string }>;
    expect(generated.length).toBeGreaterThan(0);
    // Answer every prompt (follow-ups included) until the interview ends.
    for (let turn = 0; turn < 20; turn++) {
      const body = await (await post(app, `/api/sessions/${session.id}/answers`, { answer: STORY })).json();
      if (body.finished) break;
    }
    const expected = new Set(generated.map((q) => q.topic));
    const restarted = await composeServerApp({ coach, store });
    const progress = await (await restarted.request('/api/progress')).json();
    for (const topic of expected) expect(Object.keys(progress.topics)).toContain(topic);
    // Every habit the report lists is in History's habits too (follow-up answers included).
    const { report } = await (await restarted.request(`/api/sessions/${session.id}`)).json();
    expect(report.habits.length).toBeGreaterThan(0);
    for (const habit of report.habits) expect(Object.keys(progress.habits)).toContain(habit.code);
    const history = await (await restarted.request('/api/history')).json();
    expect(history[0]).toMatchObject({ id: session.id, status: 'finished', score: expect.any(Number) });
  });
});
