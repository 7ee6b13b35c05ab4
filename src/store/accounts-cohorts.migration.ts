import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * 0007: team mode. Every user-owned row gains a nullable user_id (null = the single user), and
 * the accounts, signed-in sessions, cohorts, sharing, comments and assignments tables are added.
 * user_questions is rebuilt without its primary key on id alone, as two users may reuse an id;
 * (owner, id) is unique instead.
 */
export async function accountsAndCohorts(db: Kysely<Database>): Promise<void> {
  for (const table of ['sessions', 'attempts', 'documents'] as const) {
    await db.schema.alterTable(table).addColumn('user_id', 'text').execute();
    await db.schema.createIndex(`${table}_user_idx`).on(table).column('user_id').execute();
  }
  await rebuildUserQuestions(db);
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('oidc_subject', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('auth_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_user_idx').on('auth_sessions').column('user_id').execute();
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invite_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cohort_members')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('shared_attempts')
    .addColumn('attempt_id', 'text', (c) => c.primaryKey().references('attempts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_attempt_idx').on('comments').column('attempt_id').execute();
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function rebuildUserQuestions(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('user_questions_owned')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO user_questions_owned (id, user_id, source, question, created_at, updated_at) SELECT id, NULL, source, question, created_at, updated_at FROM user_questions`.execute(
    db,
  );
  await db.schema.dropTable('user_questions').execute();
  await db.schema.alterTable('user_questions_owned').renameTo('user_questions').execute();
  await sql`CREATE UNIQUE INDEX user_questions_owner_id_unique ON user_questions ((COALESCE(user_id, '')), id)`.execute(db);
}
