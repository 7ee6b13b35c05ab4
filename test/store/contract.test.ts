// One repository contract, run against SQLite always and PostgreSQL when it answers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feedback } from '../../src/core/types.js';
import type { AttemptRecord } from '../../src/store/attempt.repository.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { SessionRecord } from '../../src/store/session.repository.js';

const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
const pgSkip = await postgresReason();
if (pgSkip) console.warn(`PostgreSQL contract tests skipped: cannot connect to ${PG_URL} (${pgSkip})`);

const feedback: Feedback = { score: 72, rubric: [{ point: 'p', covered: true, strength: 0.8, evidence: 'e' }], structure: { framework: 'CCTR', parts: [] }, findings: [], services: ['Amazon SQS'], leadershipPrinciples: [], tips: [] };

function session(id: string, createdAt: string): SessionRecord {
  return { id, createdAt, updatedAt: createdAt, status: 'in-progress', plan: { role: 'sre', level: 'mid', topics: [], count: 2, mix: 0, questionIds: ['q1', 'q2'] } };
}

function attempt(id: string, sessionId: string, parent: string | null = null): AttemptRecord {
  return { id, sessionId, questionId: 'q1', parentAttemptId: parent, prompt: 'Why?', answer: 'Because.', feedback, score: 72, startedAt: '2026-11-01T10:00:00.000Z', answeredAt: '2026-11-01T10:01:00.000Z', durationMs: 60000 };
}

function contract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void>) {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('creates, finds and lists sessions newest first', async () => {
      await store.sessions.create(session('s1', '2026-11-01T10:00:00.000Z'));
      await store.sessions.create(session('s2', '2026-11-02T10:00:00.000Z'));
      expect((await store.sessions.find('s1'))?.plan.questionIds).toEqual(['q1', 'q2']);
      expect(await store.sessions.find('nope')).toBeUndefined();
      expect((await store.sessions.list()).map((s) => s.id)).toEqual(['s2', 's1']);
    });

    it('saves attempts with their feedback and touches the session', async () => {
      await store.attempts.save(attempt('a1', 's1'));
      await store.attempts.save(attempt('a2', 's1', 'a1'));
      const saved = await store.attempts.listBySession('s1');
      expect(saved.map((a) => a.id)).toEqual(['a1', 'a2']);
      expect(saved[1]!.parentAttemptId).toBe('a1');
      expect(saved[0]!.feedback).toEqual(feedback);
      expect(saved[0]!.durationMs).toBe(60000);
      expect((await store.sessions.find('s1'))?.updatedAt).toBe('2026-11-01T10:01:00.000Z');
    });

    it('leaves no half attempt when a save fails', async () => {
      await expect(store.attempts.save(attempt('a1', 's1'))).rejects.toThrow();
      await expect(store.attempts.save(attempt('a9', 'missing-session'))).rejects.toThrow();
      expect((await store.attempts.listAll()).map((a) => a.id)).toEqual(['a1', 'a2']);
    });

    it('finishes a session', async () => {
      await store.sessions.setStatus('s1', 'finished', '2026-11-01T11:00:00.000Z');
      expect((await store.sessions.find('s1'))?.status).toBe('finished');
    });

    it('keeps settings as JSON and overwrites them', async () => {
      expect(await store.settings.get('role')).toBeUndefined();
      await store.settings.set('role', { name: 'sre' });
      await store.settings.set('role', { name: 'data-engineer' });
      expect(await store.settings.get('role')).toEqual({ name: 'data-engineer' });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'loopcoach-store-'));
contract('SQLite store', () => openStore(join(dir, 'nested', 'contract.db')), async () => undefined);

const schema = `loopcoach_test_${process.pid}_${Date.now()}`;
describe.skipIf(pgSkip !== null)(`PostgreSQL store${pgSkip ? ` (skipped: ${pgSkip})` : ''}`, () => {
  contract('contract', () => openStore(PG_URL, { schema }), async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });
});

describe('schema versions', () => {
  it('refuses a database newer than this code and leaves its bytes unchanged', async () => {
    const path = join(dir, 'future.db');
    await (await openStore(path)).close();
    const raw = new Database(path);
    raw.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION + 1));
    raw.close();
    const before = readFileSync(path);
    await expect(openStore(path)).rejects.toMatchObject({ code: 'database_too_new' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('opens an existing database again without migrating twice', async () => {
    const path = join(dir, 'again.db');
    const first = await openStore(path);
    await first.sessions.create(session('keep', '2026-11-03T10:00:00.000Z'));
    await first.close();
    const second = await openStore(path);
    expect((await second.sessions.list()).map((s) => s.id)).toEqual(['keep']);
    await second.close();
  });
});
