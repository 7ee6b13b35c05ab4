import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { LoopCoachError, isLoopCoachError } from '../errors.js';
import { createKyselyStore, type Store } from './kysely.store.js';
import { migrate } from './migrations.js';
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

async function sqliteDb(path: string): Promise<Kysely<Database>> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

async function postgresDb(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg');
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new LoopCoachError('config_invalid', `invalid schema name "${schema}"`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
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
    db = isPostgresUrl(location) ? await postgresDb(location, options.schema) : await sqliteDb(location);
    await migrate(db);
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
