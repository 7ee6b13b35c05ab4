import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type SqliteDatabase } from 'kysely';
import { LoopCoachError, isLoopCoachError } from '../errors.js';
import { createKyselyStore, type Store } from './kysely.store.js';
import { migrate, refuseNewerSchema } from './migrations.js';
import type { Database } from './schema.js';

export type { Store } from './kysely.store.js';

export interface OpenStoreOptions {
  /** PostgreSQL only: the schema to use (created when missing); tests use one of their own. */
  schema?: string;
}

/** True when the location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** How long a SQLite write waits for another process's write to finish before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** SQLite runs DDL in transactions; telling Kysely so makes its Migrator run all steps in one. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class LoopCoachSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * Kysely opens transactions with a plain BEGIN, which takes the write lock only at the first
 * write; when another process wrote in between, SQLite then fails at once (SQLITE_BUSY) instead
 * of waiting. Every transaction here writes, so each begins IMMEDIATE and waits its turn.
 */
function immediateTransactions(database: SqliteDatabase): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare: (source: string) => database.prepare(/^\s*begin\s*$/i.test(source) ? 'begin immediate' : source),
  };
}

async function sqliteDb(path: string): Promise<Kysely<Database>> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new LoopCoachSqliteDialect({ database: immediateTransactions(database) }) });
}

/** WAL lets readers and one writer work at once (the CLI beside the server); set after the version check, as it rewrites the file header. */
async function useWriteAheadLog(db: Kysely<Database>): Promise<void> {
  await sql`pragma journal_mode = wal`.execute(db);
}

async function postgresDb(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg');
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new LoopCoachError('config_invalid', `invalid schema name "${schema}"`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two instances starting at once: IF NOT EXISTS still lets the second fail on the catalogue.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens (and migrates) the database at a file path or postgres:// URL; refuses one newer than this code. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  let db: Kysely<Database> | undefined;
  try {
    const postgres = isPostgresUrl(location);
    db = postgres ? await postgresDb(location, options.schema) : await sqliteDb(location);
    await refuseNewerSchema(db);
    if (!postgres) await useWriteAheadLog(db);
    await migrate(db, postgres ? (options.schema ?? 'public') : undefined);
    return createKyselyStore(db);
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    if (isLoopCoachError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new LoopCoachError('database_error', `cannot open the database ${redact(location)}: ${message.split('\n')[0]}`, { cause: error });
  }
}

/** A URL without its password, for messages. */
function redact(location: string): string {
  return location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
