import type { Kysely, Selectable } from 'kysely';
import type { Feedback } from '../core/types.js';
import type { Transaction } from 'kysely';
import { LoopCoachError } from '../errors.js';
import type { AttemptRecord, AttemptRepository, RecordOutcome, SpokenRecord } from './attempt.repository.js';
import type { RecordingRepository } from './recording.repository.js';
import type { AttemptsTable, Database, SessionsTable } from './schema.js';
import type { SessionRecord, SessionRepository, SessionStatus } from './session.repository.js';
import type { SettingsRepository } from './settings.repository.js';
import type { DocumentKind, DocumentRepository } from './document.repository.js';
import type { UserQuestionRepository } from './user-question.repository.js';
import type { ExerciseAttemptRecord, ExerciseAttemptRepository, UserExerciseRepository } from './exercise.repository.js';
import type { Exercise, ExerciseResult } from '../core/exercises/types.js';
import type { BankQuestion } from '../content/question.schema.js';
import { teamRepository, type TeamRepository } from './team.store.js';

/** The repositories over one Kysely database; the same code serves SQLite and PostgreSQL. */
export interface Store {
  sessions: SessionRepository;
  attempts: AttemptRepository;
  settings: SettingsRepository;
  userQuestions: UserQuestionRepository;
  documents: DocumentRepository;
  recordings: RecordingRepository;
  /**
   * The same repositories over one team-mode user's rows only: their sessions, attempts, own
   * questions and documents; another user's id reads as not found. The store itself (single-user
   * mode) sees every row.
   */
  forUser(userId: string): Store;
  /** The team-mode tables: accounts, sign-in sessions, cohorts, sharing, comments, assignments. */
  team: TeamRepository;
  exerciseAttempts: ExerciseAttemptRepository;
  userExercises: UserExerciseRepository;
  close(): Promise<void>;
}

/** Whose rows a repository sees: one team-mode user, or (undefined) every row, as the single user. */
type Owner = string | undefined;

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    status: row.status as SessionStatus,
    plan: JSON.parse(row.plan) as SessionRecord['plan'],
    kind: row.kind === 'practice' ? 'practice' : 'interview',
  };
}

export function toAttempt(row: Selectable<AttemptsTable>): AttemptRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    questionId: row.question_id,
    parentAttemptId: row.parent_attempt_id,
    prompt: row.prompt,
    answer: row.answer,
    feedback: JSON.parse(row.feedback) as Feedback,
    score: Number(row.score),
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    durationMs: Number(row.duration_ms),
    idempotencyKey: row.idempotency_key,
    spoken: row.spoken ? (JSON.parse(row.spoken) as SpokenRecord) : null,
    skipped: Number(row.skipped) === 1,
  };
}

function toAttemptRow(a: AttemptRecord, seq: number) {
  return {
    id: a.id,
    seq,
    session_id: a.sessionId,
    question_id: a.questionId,
    parent_attempt_id: a.parentAttemptId,
    prompt: a.prompt,
    answer: a.answer,
    feedback: JSON.stringify(a.feedback),
    score: a.score,
    started_at: a.startedAt,
    answered_at: a.answeredAt,
    duration_ms: a.durationMs,
    idempotency_key: a.idempotencyKey ?? null,
    spoken: a.spoken ? JSON.stringify(a.spoken) : null,
    skipped: a.skipped ? 1 : 0,
  };
}

/**
 * Locks the session row for the rest of the transaction (PostgreSQL: a row lock that a
 * concurrent answer waits on; SQLite: the transaction already holds the write lock) and
 * records the answer's time on it. False when the session does not exist.
 */
async function lockSession(trx: Transaction<Database>, sessionId: string, at: string, owner: Owner): Promise<boolean> {
  const result = await trx
    .updateTable('sessions')
    .set({ updated_at: at })
    .where('id', '=', sessionId)
    .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A unique-constraint violation on SQLite or PostgreSQL (another writer took the same seq or key). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function toSessionRow(s: SessionRecord, owner: Owner) {
  return {
    id: s.id,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    status: s.status,
    plan: JSON.stringify(s.plan),
    kind: s.kind ?? 'interview',
    user_id: owner ?? null,
  };
}

function sessionRepository(db: Kysely<Database>, owner: Owner): SessionRepository {
  return {
    async create(s) {
      await db.insertInto('sessions').values(toSessionRow(s, owner)).execute();
    },
    async find(id) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return row ? toSession(row) : undefined;
    },
    async list() {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toSession);
    },
    async setStatus(id, status, updatedAt) {
      await db
        .updateTable('sessions')
        .set({ status, updated_at: updatedAt })
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .execute();
    },
  };
}

/** Thrown inside a transaction to roll it back: the answer was already recorded under this key. */
class Replayed extends Error {
  constructor(readonly attempt: AttemptRecord) {
    super('replayed');
  }
}

/** Thrown inside a transaction to roll it back: another answer took the pending prompt. */
class Conflict extends Error {}

function attemptRepository(db: Kysely<Database>, owner: Owner): AttemptRepository {
  return {
    async save(a) {
      // One transaction: a killed process leaves either the whole attempt and its session's new
      // updated_at, or neither.
      await db.transaction().execute(async (trx) => {
        if (!(await lockSession(trx, a.sessionId, a.answeredAt, owner))) throw new LoopCoachError('session_not_found', `no session with id "${a.sessionId}"`);
        const last = await trx
          .selectFrom('attempts')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('session_id', '=', a.sessionId)
          .executeTakeFirst();
        await trx
          .insertInto('attempts')
          .values({ ...toAttemptRow(a, Number(last?.seq ?? 0) + 1), user_id: owner ?? null })
          .execute();
      });
    },
    async saveWithSession(session, a) {
      await db.transaction().execute(async (trx) => {
        // Both rows carry the owner in team mode, as every other session and attempt does.
        await trx.insertInto('sessions').values(toSessionRow(session, owner)).execute();
        await trx
          .insertInto('attempts')
          .values({ ...toAttemptRow(a, 1), user_id: owner ?? null })
          .execute();
      });
    },
    async record(a, isStillPending) {
      try {
        return await db.transaction().execute(async (trx): Promise<RecordOutcome> => {
          if (!(await lockSession(trx, a.sessionId, a.answeredAt, owner))) throw new LoopCoachError('session_not_found', `no session with id "${a.sessionId}"`);
          const rows = await trx.selectFrom('attempts').selectAll().where('session_id', '=', a.sessionId).orderBy('seq').execute();
          const saved = rows.map(toAttempt);
          const earlier = a.idempotencyKey ? saved.find((s) => s.idempotencyKey === a.idempotencyKey) : undefined;
          if (earlier) throw new Replayed(earlier);
          if (!isStillPending(saved)) throw new Conflict();
          await trx
            .insertInto('attempts')
            .values({ ...toAttemptRow(a, Number(rows.at(-1)?.seq ?? 0) + 1), user_id: owner ?? null })
            .execute();
          return { status: 'saved' };
        });
      } catch (error) {
        // Replays and conflicts roll the transaction back (the session's updated_at included).
        if (error instanceof Replayed) return { status: 'replayed', attempt: error.attempt };
        if (error instanceof Conflict || isUniqueViolation(error)) return { status: 'conflict' };
        throw error;
      }
    },
    async listBySession(sessionId) {
      const rows = await db
        .selectFrom('attempts')
        .selectAll()
        .where('session_id', '=', sessionId)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('seq')
        .execute();
      return rows.map(toAttempt);
    },
    async listAll() {
      const rows = await db
        .selectFrom('attempts')
        .selectAll()
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('answered_at')
        .orderBy('seq')
        .execute();
      return rows.map(toAttempt);
    },
    async find(id) {
      const row = await db
        .selectFrom('attempts')
        .selectAll()
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return row ? toAttempt(row) : undefined;
    },
    async delete(id) {
      return db.transaction().execute(async (trx) => {
        // Another user's answer reads as not found.
        const mine = await trx
          .selectFrom('attempts')
          .select(['id', 'session_id'])
          .where('id', '=', id)
          .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
          .executeTakeFirst();
        if (!mine) return false;
        const ids = [id, ...(await trx.selectFrom('attempts').select('id').where('parent_attempt_id', '=', id).execute()).map((r) => r.id)];
        // Audio first: it must never outlive its answer, whatever the driver does with cascades.
        await trx.deleteFrom('recordings').where('attempt_id', 'in', ids).execute();
        await trx.deleteFrom('attempts').where('parent_attempt_id', '=', id).execute();
        const result = await trx.deleteFrom('attempts').where('id', '=', id).executeTakeFirst();
        // A question practised alone is a one-question session: it goes with its answer, so History lists nothing empty.
        await trx.deleteFrom('sessions').where('id', '=', mine.session_id).where('kind', '=', 'practice').execute();
        return Number(result.numDeletedRows) > 0;
      });
    },
  };
}

function recordingRepository(db: Kysely<Database>): RecordingRepository {
  return {
    async save(r) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('recordings').where('attempt_id', '=', r.attemptId).execute();
        await trx.insertInto('recordings').values({ attempt_id: r.attemptId, media_type: r.mediaType, audio: r.audio, created_at: r.createdAt }).execute();
      });
    },
    async find(attemptId) {
      const row = await db.selectFrom('recordings').selectAll().where('attempt_id', '=', attemptId).executeTakeFirst();
      return row ? { attemptId: row.attempt_id, mediaType: row.media_type, audio: new Uint8Array(row.audio), createdAt: row.created_at } : undefined;
    },
    async listAttemptIds() {
      return (await db.selectFrom('recordings').select('attempt_id').execute()).map((r) => r.attempt_id);
    },
    async delete(attemptId) {
      const result = await db.deleteFrom('recordings').where('attempt_id', '=', attemptId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteAll() {
      const result = await db.deleteFrom('recordings').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function settingsRepository(db: Kysely<Database>): SettingsRepository {
  return {
    async get<T>(key: string) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async set(key, value) {
      const text = JSON.stringify(value);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('settings').where('key', '=', key).execute();
        await trx.insertInto('settings').values({ key, value: text }).execute();
      });
    },
  };
}

function userQuestionRepository(db: Kysely<Database>, owner: Owner): UserQuestionRepository {
  return {
    async list() {
      const rows = await db
        .selectFrom('user_questions')
        .selectAll()
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        source: r.source,
        question: JSON.parse(r.question) as BankQuestion,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }));
    },
    async saveAll(records) {
      await db.transaction().execute(async (trx) => {
        for (const r of records) {
          await trx
            .deleteFrom('user_questions')
            .where('id', '=', r.id)
            .where((eb) => (owner === undefined ? eb('user_id', 'is', null) : eb('user_id', '=', owner)))
            .execute();
          await trx
            .insertInto('user_questions')
            .values({
              id: r.id,
              user_id: owner ?? null,
              source: r.source,
              question: JSON.stringify(r.question),
              created_at: r.createdAt,
              updated_at: r.updatedAt,
            })
            .execute();
        }
      });
    },
    async delete(id) {
      const result = await db
        .deleteFrom('user_questions')
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function documentRepository(db: Kysely<Database>, owner: Owner): DocumentRepository {
  return {
    async save(d) {
      await db
        .insertInto('documents')
        .values({ id: d.id, user_id: owner ?? null, kind: d.kind, name: d.name, text: d.text, created_at: d.createdAt })
        .execute();
    },
    async list() {
      const rows = await db
        .selectFrom('documents')
        .select(['id', 'kind', 'name', 'created_at', (eb) => eb.fn<number>('length', ['text']).as('characters')])
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind as DocumentKind, name: r.name, createdAt: r.created_at, characters: Number(r.characters) }));
    },
    async find(id) {
      const r = await db
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return r ? { id: r.id, kind: r.kind as DocumentKind, name: r.name, text: r.text, createdAt: r.created_at } : undefined;
    },
    async delete(id) {
      const result = await db
        .deleteFrom('documents')
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function toExerciseAttempt(r: Selectable<Database['exercise_attempts']>): ExerciseAttemptRecord {
  return {
    id: r.id,
    exerciseId: r.exercise_id,
    kind: r.kind as Exercise['kind'],
    topic: r.topic as Exercise['topic'],
    prompt: r.prompt,
    submission: r.submission,
    result: JSON.parse(r.result) as ExerciseResult,
    sessionId: r.session_id,
    checkedAt: r.checked_at,
  };
}

function exerciseAttemptRepository(db: Kysely<Database>, owner: Owner): ExerciseAttemptRepository {
  return {
    async save(a) {
      await db
        .insertInto('exercise_attempts')
        .values({
          id: a.id,
          exercise_id: a.exerciseId,
          kind: a.kind,
          topic: a.topic,
          prompt: a.prompt,
          submission: a.submission,
          result: JSON.stringify(a.result),
          passed: a.result.passed ? 1 : 0,
          score: a.result.score,
          session_id: a.sessionId,
          checked_at: a.checkedAt,
          user_id: owner ?? null,
        })
        .execute();
    },
    async listAll() {
      const rows = await db
        .selectFrom('exercise_attempts')
        .selectAll()
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('checked_at')
        .orderBy('id')
        .execute();
      return rows.map(toExerciseAttempt);
    },
    async listBySession(sessionId) {
      const rows = await db
        .selectFrom('exercise_attempts')
        .selectAll()
        .where('session_id', '=', sessionId)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('checked_at')
        .orderBy('id')
        .execute();
      return rows.map(toExerciseAttempt);
    },
  };
}

function userExerciseRepository(db: Kysely<Database>, owner: Owner): UserExerciseRepository {
  return {
    async list() {
      const rows = await db
        .selectFrom('user_exercises')
        .selectAll()
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, source: r.source, exercise: JSON.parse(r.exercise) as Exercise, createdAt: r.created_at, updatedAt: r.updated_at }));
    },
    async save(r) {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('user_exercises')
          .where('id', '=', r.id)
          .where((eb) => (owner === undefined ? eb('user_id', 'is', null) : eb('user_id', '=', owner)))
          .execute();
        await trx
          .insertInto('user_exercises')
          .values({
            id: r.id,
            user_id: owner ?? null,
            source: r.source,
            exercise: JSON.stringify(r.exercise),
            created_at: r.createdAt,
            updated_at: r.updatedAt,
          })
          .execute();
      });
    },
    async delete(id) {
      const result = await db
        .deleteFrom('user_exercises')
        .where('id', '=', id)
        .$if(owner !== undefined, (q) => q.where('user_id', '=', owner!))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/** A driver's error after start-up (a corrupted page, a foreign table, a lost connection) as database_error. */
export function toDatabaseError(error: unknown): LoopCoachError {
  if (error instanceof LoopCoachError) return error;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LoopCoachError('database_error', `the database failed: ${message}; check the file or server named by LOOPCOACH_DB (nothing was changed)`, {
    cause: error,
  });
}

/** The same repository, each method mapping driver errors to database_error. */
function guarded<T extends object>(repository: T): T {
  const entries = Object.entries(repository).map(([name, method]) => [
    name,
    typeof method !== 'function'
      ? method
      : async (...args: unknown[]) => {
          try {
            return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            throw toDatabaseError(error);
          }
        },
  ]);
  return Object.fromEntries(entries) as T;
}

/** Wraps a migrated Kysely database in the repository contract. */
export function createKyselyStore(db: Kysely<Database>, owner?: string): Store {
  return {
    sessions: guarded(sessionRepository(db, owner)),
    attempts: guarded(attemptRepository(db, owner)),
    settings: guarded(settingsRepository(db)),
    userQuestions: guarded(userQuestionRepository(db, owner)),
    documents: guarded(documentRepository(db, owner)),
    recordings: guarded(recordingRepository(db)),
    exerciseAttempts: guarded(exerciseAttemptRepository(db, owner)),
    userExercises: guarded(userExerciseRepository(db, owner)),
    forUser: (userId) => createKyselyStore(db, userId),
    team: guarded(teamRepository(db)),
    close: () => db.destroy(),
  };
}
