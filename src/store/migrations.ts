import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { LoopCoachError } from '../errors.js';
import type { Database } from './schema.js';
import { accountsAndCohorts } from './accounts-cohorts.migration.js';
import { exerciseOwners } from './exercise-owners.migration.js';

/**
 * Migrations in order, run by Kysely's Migrator (one transaction, under its lock, so several
 * processes can start on one database). Versions 1 and 2 predate the Migrator: their steps use
 * IF NOT EXISTS, so on a database they already built they change nothing and are only recorded.
 * Each step also records its number as meta.schema_version, which older Loop Coach versions read
 * to refuse a database newer than they know.
 */
const STEPS: Array<(db: Kysely<Database>) => Promise<void>> = [
  async (db) => {
    await db.schema
      .createTable('settings')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('attempts')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('parent_attempt_id', 'text', (c) => c.references('attempts.id'))
      .addColumn('prompt', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('feedback', 'text', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attempts_session_idx').ifNotExists().on('attempts').columns(['session_id', 'seq']).execute();
    await db.schema.createIndex('attempts_question_idx').ifNotExists().on('attempts').column('question_id').execute();
  },
  async (db) => {
    // The user's own questions (YAML as written, plus the validated question as JSON) and the
    // documents (job postings, résumés) a user chose to save; nothing is stored unless asked.
    await db.schema
      .createTable('user_questions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('documents')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async (db) => {
    // Exactly-once answers: one attempt per (session, seq), and per (session, idempotency key).
    // Databases written before this may hold a duplicate seq (two answers saved at once): they
    // are renumbered in saved order, so nothing is lost and the unique index can be built.
    await sql`UPDATE attempts SET seq = (
      SELECT ranked.n FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY seq, answered_at, id) AS n FROM attempts
      ) ranked WHERE ranked.id = attempts.id
    )`.execute(db);
    await db.schema.dropIndex('attempts_session_idx').ifExists().execute();
    await db.schema.createIndex('attempts_session_seq_unique').unique().on('attempts').columns(['session_id', 'seq']).execute();
    await db.schema.alterTable('attempts').addColumn('idempotency_key', 'text').execute();
    await db.schema.createIndex('attempts_idempotency_unique').unique().on('attempts').columns(['session_id', 'idempotency_key']).execute();
  },
  async (db) => {
    // Every graded answer is an attempt: a question practised alone is a one-question session of
    // kind 'practice'. A prompt the candidate chose to skip in an interview is kept as an attempt
    // marked skipped (0/1, so both dialects store it alike), never scored.
    await db.schema
      .alterTable('sessions')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('interview'))
      .execute();
    await db.schema
      .alterTable('attempts')
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
  async (db) => {
    // Spoken answers: the transcript, whether the user edited it, its timed segments and the
    // delivery report live with the attempt; the audio only in recordings, and only when the user
    // chose to keep recordings. bytea is PostgreSQL's binary type; SQLite stores blobs as given.
    await db.schema.alterTable('attempts').addColumn('spoken', 'text').execute();
    await db.schema
      .createTable('recordings')
      .addColumn('attempt_id', 'text', (c) => c.primaryKey().references('attempts.id').onDelete('cascade'))
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('audio', sql`bytea`, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async (db) => {
    // Hands-on exercises: each checked submission with its result, and the user's own exercise files.
    await db.schema
      .createTable('exercise_attempts')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('prompt', 'text', (c) => c.notNull())
      .addColumn('submission', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.references('sessions.id').onDelete('cascade'))
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('exercise_attempts_exercise_idx').ifNotExists().on('exercise_attempts').column('exercise_id').execute();
    await db.schema.createIndex('exercise_attempts_session_idx').ifNotExists().on('exercise_attempts').column('session_id').execute();
    await db.schema
      .createTable('user_exercises')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('exercise', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  accountsAndCohorts,
  exerciseOwners,
  async (db) => {
    // Expired sign-in sessions are swept at every sign-in: found by their expiry, not by a scan.
    await db.schema.createIndex('auth_sessions_expires_idx').on('auth_sessions').column('expires_at').execute();
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = STEPS.length;

async function recordVersion(db: Kysely<Database>, version: number): Promise<void> {
  await db.schema
    .createTable('meta')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.deleteFrom('meta').where('key', '=', 'schema_version').execute();
  await db
    .insertInto('meta')
    .values({ key: 'schema_version', value: String(version) })
    .execute();
}

/** Migration names sort in order: 0001-…, 0002-…; the Migrator keeps them in kysely_migration. */
const NAMES = [
  '0001-sessions-attempts',
  '0002-user-questions-documents',
  '0003-exactly-once-answers',
  '0004-practice-attempts',
  '0005-spoken-answers',
  '0006-exercise-attempts',
  '0007-accounts-cohorts',
  '0008-exercise-owners',
  '0009-team-followups',
];

const provider: MigrationProvider = {
  async getMigrations() {
    const entries = STEPS.map((step, i): [string, Migration] => [
      NAMES[i]!,
      {
        up: async (db) => {
          const typed = db as Kysely<Database>;
          await step(typed);
          await recordVersion(typed, i + 1);
        },
      },
    ]);
    return Object.fromEntries(entries);
  },
};

/**
 * The version recorded in the database, 0 for a fresh one; reads only. It queries rather than
 * introspects because PostgreSQL introspection lists every schema's tables, not just ours.
 */
export async function readSchemaVersion(db: Kysely<Database>): Promise<number> {
  let row: { value: string } | undefined;
  try {
    row = await db.selectFrom('meta').select('value').where('key', '=', 'schema_version').executeTakeFirst();
  } catch {
    return 0; // no meta table yet; a real connection error resurfaces in the migration
  }
  return row ? Number(row.value) : 0;
}

/** Refuses, before anything is written, a database made by a newer Loop Coach. */
export async function refuseNewerSchema(db: Kysely<Database>): Promise<void> {
  const current = await readSchemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new LoopCoachError(
      'database_too_new',
      `the database has schema version ${current}, newer than this Loop Coach knows (${SCHEMA_VERSION}); upgrade loopcoach to use it`,
    );
  }
}

/**
 * Brings the schema up to date with Kysely's Migrator. `migrationSchema` names the PostgreSQL
 * schema that holds the Migrator's own tables (its introspection sees every schema's tables).
 */
export async function migrate(db: Kysely<Database>, migrationSchema?: string): Promise<void> {
  await refuseNewerSchema(db);
  if ((await readSchemaVersion(db)) === SCHEMA_VERSION && (await hasMigrationTable(db))) return;
  // Branches merged in any order number their migrations by name (0004 may arrive after 0006
  // ran on a development database): a missing earlier one still runs, and the version recorded
  // is the newest this code knows once all of them have run.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(migrationSchema ? { migrationTableSchema: migrationSchema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  // An UPDATE, not delete-and-insert: instances starting together may both get here.
  await db
    .updateTable('meta')
    .set({ value: String(SCHEMA_VERSION) })
    .where('key', '=', 'schema_version')
    .execute();
}

/** True when the Migrator's table holds rows (a database migrated by this code before). */
async function hasMigrationTable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT name FROM kysely_migration`.execute(db);
    return true;
  } catch {
    return false;
  }
}
