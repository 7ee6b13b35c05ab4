import type { Kysely } from 'kysely';
import { LoopCoachError } from '../errors.js';
import type { Database } from './schema.js';

type Migration = (db: Kysely<Database>) => Promise<void>;

/** Migrations in order; index + 1 is the schema version. The same schema-builder code runs on both dialects. */
const MIGRATIONS: Migration[] = [
  async (db) => {
    await db.schema.createTable('settings').ifNotExists().addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
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
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

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

/**
 * Brings the schema up to date in one transaction. A database written by a newer Loop Coach is
 * refused before anything is written, so an older install cannot damage it.
 */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const current = await readSchemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new LoopCoachError('database_too_new', `the database has schema version ${current}, newer than this Loop Coach knows (${SCHEMA_VERSION}); upgrade loopcoach to use it`);
  }
  if (current === SCHEMA_VERSION) return;
  await db.transaction().execute(async (trx) => {
    await trx.schema.createTable('meta').ifNotExists().addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
    for (const step of MIGRATIONS.slice(current)) await step(trx);
    await trx.deleteFrom('meta').where('key', '=', 'schema_version').execute();
    await trx.insertInto('meta').values({ key: 'schema_version', value: String(SCHEMA_VERSION) }).execute();
  });
}
