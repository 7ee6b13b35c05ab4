// One repository contract, run against SQLite always and PostgreSQL when it answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/content/question.schema.js';
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

const feedback: Feedback = {
  score: 72,
  rubric: [{ point: 'p', covered: true, strength: 0.8, evidence: 'e' }],
  structure: { framework: 'CCTR', parts: [] },
  findings: [],
  services: ['Amazon SQS'],
  leadershipPrinciples: [],
  tips: [],
};

function session(id: string, createdAt: string): SessionRecord {
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    status: 'in-progress',
    plan: { role: 'sre', level: 'mid', topics: [], count: 2, mix: 0, questionIds: ['q1', 'q2'] },
  };
}

function attempt(id: string, sessionId: string, parent: string | null = null): AttemptRecord {
  return {
    id,
    sessionId,
    questionId: 'q1',
    parentAttemptId: parent,
    prompt: 'Why?',
    answer: 'Because.',
    feedback,
    score: 72,
    startedAt: '2026-11-01T10:00:00.000Z',
    answeredAt: '2026-11-01T10:01:00.000Z',
    durationMs: 60000,
  };
}

const bankQuestion: BankQuestion = {
  id: 'mine',
  topic: 'networking-security',
  levels: ['entry'],
  kind: 'concept',
  prompt: 'Why?',
  rubric: ['one', 'two', 'three'],
  modelAnswer: 'Because.',
  pitfalls: [{ claim: 'c', correction: 'd' }],
  followUps: [
    { prompt: 'And?', when: { missed: 1 } },
    { prompt: 'Or?', when: { finding: 'no-tradeoff' } },
  ],
  services: [],
  leadershipPrinciples: [],
  tags: [],
  references: [],
};

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

    it('saves a question practised alone as a session and its one attempt, both or neither', async () => {
      const practice: SessionRecord = { ...session('p1', '2026-11-04T10:00:00.000Z'), status: 'finished', kind: 'practice' };
      await store.attempts.saveWithSession(practice, attempt('pa1', 'p1'));
      expect(await store.sessions.find('p1')).toMatchObject({ kind: 'practice', status: 'finished' });
      expect((await store.attempts.listBySession('p1')).map((a) => a.id)).toEqual(['pa1']);
      // The attempt's id is taken: nothing of the second practice is kept.
      await expect(store.attempts.saveWithSession({ ...practice, id: 'p2' }, attempt('pa1', 'p2'))).rejects.toThrow();
      expect(await store.sessions.find('p2')).toBeUndefined();
      // Sessions made before kinds existed read as interviews.
      expect((await store.sessions.find('s2'))?.kind).toBe('interview');
    });

    it('keeps a skipped attempt marked as skipped', async () => {
      await store.sessions.create(session('sk', '2026-11-05T10:00:00.000Z'));
      await store.attempts.save({ ...attempt('sk1', 'sk'), answer: '', skipped: true });
      await store.attempts.save(attempt('sk2', 'sk'));
      expect((await store.attempts.listBySession('sk')).map((a) => [a.id, a.skipped])).toEqual([
        ['sk1', true],
        ['sk2', false],
      ]);
    });

    it('finishes a session', async () => {
      await store.sessions.setStatus('s1', 'finished', '2026-11-01T11:00:00.000Z');
      expect((await store.sessions.find('s1'))?.status).toBe('finished');
    });

    it("saves the user's questions all or none, replaces by id and deletes", async () => {
      const q = (id: string, prompt: string) => ({
        id,
        source: `id: ${id}\n`,
        question: { ...bankQuestion, id, prompt },
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
      });
      await store.userQuestions.saveAll([q('mine-1', 'First?'), q('mine-2', 'Second?')]);
      await store.userQuestions.saveAll([{ ...q('mine-1', 'First, rewritten?'), updatedAt: '2026-11-02T10:00:00.000Z' }]);
      const saved = await store.userQuestions.list();
      expect(saved.map((r) => [r.id, r.question.prompt, r.updatedAt])).toEqual([
        ['mine-1', 'First, rewritten?', '2026-11-02T10:00:00.000Z'],
        ['mine-2', 'Second?', '2026-11-01T10:00:00.000Z'],
      ]);
      expect(saved[0]!.question).toEqual({ ...bankQuestion, id: 'mine-1', prompt: 'First, rewritten?' });
      // A failing batch (a second row without its YAML) leaves what was there.
      await expect(store.userQuestions.saveAll([q('mine-3', 'Third?'), { ...q('mine-4', 'x'), source: null as unknown as string }])).rejects.toThrow();
      expect((await store.userQuestions.list()).map((r) => r.id)).toEqual(['mine-1', 'mine-2']);
      expect(await store.userQuestions.delete('mine-2')).toBe(true);
      expect(await store.userQuestions.delete('mine-2')).toBe(false);
      expect((await store.userQuestions.list()).map((r) => r.id)).toEqual(['mine-1']);
    });

    it('saves exercise attempts with their submission and result, in an interview or alone', async () => {
      const result = {
        passed: false,
        score: 50,
        checks: [
          { check: 'allow s3:GetObject on arn:aws:s3:::b/*', passed: true, message: 'allowed' },
          { check: 'least-privilege', passed: false, message: 'Action "*" grants every action', line: 4 },
        ],
      };
      const base = {
        exerciseId: 'iam-read',
        kind: 'iam-policy' as const,
        topic: 'networking-security' as const,
        prompt: 'Write the policy',
        submission: '{"Version":"2012-10-17"}',
        result,
      };
      await store.exerciseAttempts.save({ ...base, id: 'x2', sessionId: 's2', checkedAt: '2026-11-03T10:00:00.000Z' });
      await store.exerciseAttempts.save({
        ...base,
        id: 'x1',
        sessionId: null,
        checkedAt: '2026-11-02T10:00:00.000Z',
        result: { ...result, passed: true, score: 100 },
      });
      const all = await store.exerciseAttempts.listAll();
      expect(all.map((a) => a.id)).toEqual(['x1', 'x2']);
      expect(all[1]).toEqual({ ...base, id: 'x2', sessionId: 's2', checkedAt: '2026-11-03T10:00:00.000Z' });
      expect((await store.exerciseAttempts.listBySession('s2')).map((a) => a.id)).toEqual(['x2']);
      await expect(store.exerciseAttempts.save({ ...base, id: 'x3', sessionId: 'missing-session', checkedAt: '2026-11-03T10:00:00.000Z' })).rejects.toThrow();
    });

    it("keeps the user's exercises, replaces by id and deletes", async () => {
      const exercise = {
        id: 'my-ex',
        kind: 'cloudformation' as const,
        topic: 'architecture-devops' as const,
        levels: ['entry' as const],
        prompt: 'Declare a queue',
        starter: '',
        checks: [{ resource: { type: 'AWS::SQS::Queue', count: 1 } }],
        solution: 'x',
        explanation: '',
        hints: [],
        services: [],
      };
      await store.userExercises.save({
        id: 'my-ex',
        source: 'id: my-ex\n',
        exercise,
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
      });
      await store.userExercises.save({
        id: 'my-ex',
        source: 'id: my-ex\n# v2\n',
        exercise: { ...exercise, prompt: 'Declare two queues' },
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-02T10:00:00.000Z',
      });
      const saved = await store.userExercises.list();
      expect(saved.map((r) => [r.id, r.exercise.prompt, r.source])).toEqual([['my-ex', 'Declare two queues', 'id: my-ex\n# v2\n']]);
      expect(saved[0]!.exercise.checks).toEqual(exercise.checks);
      expect(await store.userExercises.delete('my-ex')).toBe(true);
      expect(await store.userExercises.delete('my-ex')).toBe(false);
      expect(await store.userExercises.list()).toEqual([]);
    });

    it('keeps saved documents until deleted, and lists them without their text', async () => {
      await store.documents.save({
        id: 'd1',
        kind: 'posting',
        name: 'posting.txt',
        text: 'Senior engineer, DynamoDB at scale.',
        createdAt: '2026-11-01T10:00:00.000Z',
      });
      await store.documents.save({ id: 'd2', kind: 'resume', name: 'cv.pdf', text: 'Cut cost 40%.', createdAt: '2026-11-02T10:00:00.000Z' });
      expect(await store.documents.list()).toEqual([
        { id: 'd2', kind: 'resume', name: 'cv.pdf', createdAt: '2026-11-02T10:00:00.000Z', characters: 13 },
        { id: 'd1', kind: 'posting', name: 'posting.txt', createdAt: '2026-11-01T10:00:00.000Z', characters: 35 },
      ]);
      expect((await store.documents.find('d1'))?.text).toBe('Senior engineer, DynamoDB at scale.');
      expect(await store.documents.delete('d1')).toBe(true);
      expect(await store.documents.find('d1')).toBeUndefined();
      expect(await store.documents.delete('d1')).toBe(false);
    });

    it('keeps a spoken answer with its attempt, and its audio until the recording or the attempt is deleted', async () => {
      const spoken = {
        transcript: 'Um, a queue decouples them.',
        isEdited: true,
        segments: [{ startSec: 0.5, endSec: 2.1, text: 'Um, a queue decouples them.' }],
        delivery: {
          durationSec: 2.6,
          speakingSec: 1.6,
          wordsPerMinute: 150,
          pauses: [],
          fillers: [{ word: 'um', count: 1 }],
          pitchVariationSemitones: 1.8,
          loudnessDb: -21,
          findings: [],
        },
      };
      await store.sessions.create(session('s3', '2026-11-03T10:00:00.000Z'));
      await store.attempts.save({ ...attempt('sp1', 's3'), answer: 'A queue decouples them.', spoken });
      await store.attempts.save(attempt('sp2', 's3', 'sp1'));
      expect((await store.attempts.find('sp1'))?.spoken).toEqual(spoken);
      expect((await store.attempts.find('sp2'))?.spoken).toBeNull();
      // Binary audio (every byte value) comes back byte for byte.
      const audio = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
      await store.recordings.save({ attemptId: 'sp1', mediaType: 'audio/wav', audio, createdAt: '2026-11-03T10:02:00.000Z' });
      await store.recordings.save({ attemptId: 'sp2', mediaType: 'audio/webm', audio: audio.subarray(0, 10), createdAt: '2026-11-03T10:03:00.000Z' });
      const kept = await store.recordings.find('sp1');
      expect(kept?.mediaType).toBe('audio/wav');
      expect(Buffer.from(kept!.audio).equals(Buffer.from(audio))).toBe(true);
      expect((await store.recordings.listAttemptIds()).sort()).toEqual(['sp1', 'sp2']);
      expect(await store.recordings.delete('sp2')).toBe(true);
      expect(await store.recordings.delete('sp2')).toBe(false);
      expect((await store.attempts.find('sp2'))?.answer).toBe('Because.');
      // Deleting the main answer takes its follow-up and the audio with it.
      expect(await store.attempts.delete('sp1')).toBe(true);
      expect(await store.attempts.delete('sp1')).toBe(false);
      expect(await store.attempts.find('sp2')).toBeUndefined();
      expect(await store.recordings.find('sp1')).toBeUndefined();
      expect(await store.recordings.listAttemptIds()).toEqual([]);
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
contract(
  'SQLite store',
  () => openStore(join(dir, 'nested', 'contract.db')),
  async () => undefined,
);

const schema = `loopcoach_test_${process.pid}_${Date.now()}`;
describe.skipIf(pgSkip !== null)(`PostgreSQL store${pgSkip ? ` (skipped: ${pgSkip})` : ''}`, () => {
  contract(
    'contract',
    () => openStore(PG_URL, { schema }),
    async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  );
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

  it('upgrades a version 1 database to the current schema and keeps its sessions', async () => {
    const path = join(dir, 'v1.db');
    const raw = new Database(path);
    raw.exec(`CREATE TABLE meta (key text primary key, value text not null);
      INSERT INTO meta VALUES ('schema_version', '1');
      CREATE TABLE settings (key text primary key, value text not null);
      CREATE TABLE sessions (id text primary key, created_at text not null, updated_at text not null, status text not null, plan text not null);
      CREATE TABLE attempts (id text primary key, seq integer not null, session_id text not null references sessions(id) on delete cascade, question_id text not null, parent_attempt_id text references attempts(id), prompt text not null, answer text not null, feedback text not null, score real not null, started_at text not null, answered_at text not null, duration_ms integer not null);`);
    raw
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?)')
      .run('old', '2026-10-01T10:00:00.000Z', '2026-10-01T10:00:00.000Z', 'finished', JSON.stringify(session('old', '2026-10-01T10:00:00.000Z').plan));
    raw.close();
    const store = await openStore(path);
    expect((await store.sessions.list()).map((s) => s.id)).toEqual(['old']);
    expect(await store.userQuestions.list()).toEqual([]);
    expect(await store.documents.list()).toEqual([]);
    await store.close();
    const check = new Database(path);
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: String(SCHEMA_VERSION) });
    check.close();
  });

  it('upgrades a version 2 database holding a duplicated answer: renumbered, nothing lost, then unique', async () => {
    const path = join(dir, 'v2.db');
    const raw = new Database(path);
    raw.exec(`CREATE TABLE meta (key text primary key, value text not null);
      INSERT INTO meta VALUES ('schema_version', '2');
      CREATE TABLE settings (key text primary key, value text not null);
      CREATE TABLE sessions (id text primary key, created_at text not null, updated_at text not null, status text not null, plan text not null);
      CREATE TABLE attempts (id text primary key, seq integer not null, session_id text not null references sessions(id) on delete cascade, question_id text not null, parent_attempt_id text references attempts(id), prompt text not null, answer text not null, feedback text not null, score real not null, started_at text not null, answered_at text not null, duration_ms integer not null);
      CREATE INDEX attempts_session_idx ON attempts (session_id, seq);
      CREATE TABLE user_questions (id text primary key, source text not null, question text not null, created_at text not null, updated_at text not null);
      CREATE TABLE documents (id text primary key, kind text not null, name text not null, text text not null, created_at text not null);`);
    raw
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?)')
      .run('dup', '2026-10-01T10:00:00.000Z', '2026-10-01T10:00:00.000Z', 'in-progress', JSON.stringify(session('dup', '2026-10-01T10:00:00.000Z').plan));
    const insert = raw.prepare('INSERT INTO attempts VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)');
    for (const [id, at] of [
      ['first', '2026-10-01T10:01:00.000Z'],
      ['second', '2026-10-01T10:01:01.000Z'],
    ] as const) {
      insert.run(id, 1, 'dup', 'q1', 'Why?', `answer ${id}`, JSON.stringify(feedback), 72, at, at, 0);
    }
    raw.close();
    const store = await openStore(path);
    expect((await store.attempts.listBySession('dup')).map((a) => a.id)).toEqual(['first', 'second']);
    await expect(store.attempts.save(attempt('third', 'dup'))).resolves.toBeUndefined();
    await store.close();
    const check = new Database(path);
    expect(check.prepare('SELECT id, seq FROM attempts ORDER BY seq').all()).toEqual([
      { id: 'first', seq: 1 },
      { id: 'second', seq: 2 },
      { id: 'third', seq: 3 },
    ]);
    expect(() => check.prepare("UPDATE attempts SET seq = 1 WHERE id = 'second'").run()).toThrow(/UNIQUE/);
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: String(SCHEMA_VERSION) });
    check.close();
  });

  it('several processes can open one new SQLite file at once (the Migrator waits its turn)', async () => {
    const path = join(dir, 'together.db');
    const openStoreModule = new URL('../../src/store/open-store.ts', import.meta.url).href;
    const script = `const { openStore } = await import(${JSON.stringify(openStoreModule)}); await (await openStore(${JSON.stringify(path)})).close();`;
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const exits = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
            child.on('exit', resolve);
          }),
      ),
    );
    expect(exits).toEqual([0, 0, 0]);
    const check = new Database(path);
    expect(check.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toHaveLength(SCHEMA_VERSION);
    check.close();
  }, 120_000);

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
