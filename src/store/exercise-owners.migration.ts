import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * 0008: exercise attempts and the user's own exercises get an owner in team mode, like the rows
 * of 0007 (null = the single user). user_exercises is rebuilt without its primary key on id
 * alone, as two users may import exercises with the same id; (owner, id) is unique instead.
 */
export async function exerciseOwners(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('exercise_attempts').addColumn('user_id', 'text').execute();
  await db.schema.createIndex('exercise_attempts_user_idx').on('exercise_attempts').column('user_id').execute();
  await db.schema
    .createTable('user_exercises_owned')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('exercise', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO user_exercises_owned (id, user_id, source, exercise, created_at, updated_at) SELECT id, NULL, source, exercise, created_at, updated_at FROM user_exercises`.execute(
    db,
  );
  await db.schema.dropTable('user_exercises').execute();
  await db.schema.alterTable('user_exercises_owned').renameTo('user_exercises').execute();
  await sql`CREATE UNIQUE INDEX user_exercises_owner_id_unique ON user_exercises ((COALESCE(user_id, '')), id)`.execute(db);
}
