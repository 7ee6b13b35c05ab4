// A database that ran a later migration first (branches merge in any order: 0006 may have run on
// a development database before 0004 existed) still gets the earlier one, and records the newest version.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';

describe('migrations merged out of order', () => {
  it('runs 0004-practice-attempts on a database that already ran 0006, and keeps what was saved', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'loopcoach-unordered-')), 'dev.db');
    const first = await openStore(path);
    await first.sessions.create({
      id: 'old',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
      status: 'finished',
      plan: { role: 'sre', level: 'mid', topics: [], count: 1, mix: 0, questionIds: ['q1'] },
    });
    await first.close();
    // The database as main built it: 0006 ran, 0004 did not (no kind, no skipped), version 4.
    const raw = new Database(path);
    raw.exec(`DELETE FROM kysely_migration WHERE name = '0004-practice-attempts';
      ALTER TABLE sessions DROP COLUMN kind;
      ALTER TABLE attempts DROP COLUMN skipped;
      UPDATE meta SET value = '4' WHERE key = 'schema_version';`);
    raw.close();

    const store = await openStore(path);
    expect(await store.sessions.find('old')).toMatchObject({ id: 'old', kind: 'interview' });
    await store.close();
    const check = new Database(path);
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: String(SCHEMA_VERSION) });
    expect((check.prepare('SELECT name FROM kysely_migration').all() as Array<{ name: string }>).map((r) => r.name)).toContain('0004-practice-attempts');
    expect((check.prepare('PRAGMA table_info(attempts)').all() as Array<{ name: string }>).map((c) => c.name)).toContain('skipped');
    check.close();
  });
});
