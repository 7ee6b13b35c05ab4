import type { Kysely, Selectable } from 'kysely';
import { toAttempt } from './kysely.store.js';
import type { CohortsTable, CommentsTable, Database, UsersTable } from './schema.js';
import type { AssignmentSpec, CohortRecord, CommentRecord, Role, Sharing, TeamRepository, UserCredentials } from './team.repository.js';

export type { TeamRepository } from './team.repository.js';

function toUser(row: Selectable<UsersTable>): UserCredentials {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
  };
}

function toCohort(row: Selectable<CohortsTable>): CohortRecord {
  return { id: row.id, name: row.name, coachId: row.coach_id, inviteCode: row.invite_code, createdAt: row.created_at };
}

function toComment(row: Selectable<CommentsTable> & { author_name: string }): CommentRecord & { authorName: string } {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    cohortId: row.cohort_id,
    authorId: row.author_id,
    sentence: row.sentence,
    body: row.body,
    createdAt: row.created_at,
    authorName: row.author_name,
  };
}

/** The team-mode tables over one Kysely database (SQLite or PostgreSQL alike). */
export function teamRepository(db: Kysely<Database>): TeamRepository {
  const comments = () =>
    db.selectFrom('comments').innerJoin('users', 'users.id', 'comments.author_id').selectAll('comments').select('users.name as author_name');
  return {
    async createUser(u) {
      await db
        .insertInto('users')
        .values({ id: u.id, email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash, oidc_subject: u.oidcSubject, created_at: u.createdAt })
        .execute();
    },
    async findUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async findUserByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async findUserByOidcSubject(subject) {
      const row = await db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => {
        const { passwordHash: _p, oidcSubject: _o, ...user } = toUser(r);
        return user;
      });
    },
    async setPasswordHash(userId, hash) {
      await db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
    },
    async setOidcSubject(userId, subject) {
      await db.updateTable('users').set({ oidc_subject: subject }).where('id', '=', userId).execute();
    },
    async deleteUser(userId) {
      await db.transaction().execute(async (trx) => {
        // Comments on this user's attempts go with the attempts (cascade); their own rows by user_id.
        await trx.deleteFrom('shared_attempts').where('user_id', '=', userId).execute();
        await trx
          .deleteFrom('comments')
          .where('attempt_id', 'in', trx.selectFrom('attempts').select('id').where('user_id', '=', userId))
          .execute();
        await trx.deleteFrom('attempts').where('user_id', '=', userId).execute();
        await trx.deleteFrom('exercise_attempts').where('user_id', '=', userId).execute();
        await trx.deleteFrom('user_exercises').where('user_id', '=', userId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await trx.deleteFrom('user_questions').where('user_id', '=', userId).execute();
        await trx.deleteFrom('documents').where('user_id', '=', userId).execute();
        await trx.deleteFrom('users').where('id', '=', userId).execute();
      });
    },

    async createAuthSession(s) {
      await db
        .insertInto('auth_sessions')
        .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt })
        .execute();
    },
    async findAuthSession(tokenHash) {
      const r = await db.selectFrom('auth_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return r ? { tokenHash: r.token_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at } : undefined;
    },
    async deleteAuthSession(tokenHash) {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteAuthSessionsOf(userId) {
      const result = await db.deleteFrom('auth_sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteExpiredAuthSessions(now) {
      const result = await db.deleteFrom('auth_sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async createCohort(c) {
      await db.insertInto('cohorts').values({ id: c.id, name: c.name, coach_id: c.coachId, invite_code: c.inviteCode, created_at: c.createdAt }).execute();
    },
    async findCohort(id) {
      const row = await db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCohort(row) : undefined;
    },
    async findCohortByInvite(code) {
      const row = await db.selectFrom('cohorts').selectAll().where('invite_code', '=', code).executeTakeFirst();
      return row ? toCohort(row) : undefined;
    },
    async listCohortsCoachedBy(userId) {
      const rows = await db.selectFrom('cohorts').selectAll().where('coach_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toCohort);
    },
    async listMembershipsOf(userId) {
      const rows = await db
        .selectFrom('cohort_members')
        .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
        .selectAll('cohort_members')
        .select('cohorts.name')
        .where('cohort_members.user_id', '=', userId)
        .orderBy('joined_at')
        .execute();
      return rows.map((r) => ({ cohortId: r.cohort_id, userId: r.user_id, sharing: r.sharing as Sharing, joinedAt: r.joined_at, cohortName: r.name }));
    },
    async upsertMember(m) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('cohort_members').where('cohort_id', '=', m.cohortId).where('user_id', '=', m.userId).execute();
        await trx.insertInto('cohort_members').values({ cohort_id: m.cohortId, user_id: m.userId, sharing: m.sharing, joined_at: m.joinedAt }).execute();
      });
    },
    async findMember(cohortId, userId) {
      const r = await db.selectFrom('cohort_members').selectAll().where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
      return r ? { cohortId: r.cohort_id, userId: r.user_id, sharing: r.sharing as Sharing, joinedAt: r.joined_at } : undefined;
    },
    async listMembers(cohortId) {
      const rows = await db
        .selectFrom('cohort_members')
        .innerJoin('users', 'users.id', 'cohort_members.user_id')
        .selectAll('cohort_members')
        .select(['users.name', 'users.email'])
        .where('cohort_id', '=', cohortId)
        .orderBy('users.name')
        .execute();
      return rows.map((r) => ({
        cohortId: r.cohort_id,
        userId: r.user_id,
        sharing: r.sharing as Sharing,
        joinedAt: r.joined_at,
        name: r.name,
        email: r.email,
      }));
    },
    async removeMember(cohortId, userId) {
      const result = await db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async shareAttempt(attemptId, userId, at) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('shared_attempts').where('attempt_id', '=', attemptId).execute();
        await trx.insertInto('shared_attempts').values({ attempt_id: attemptId, user_id: userId, shared_at: at }).execute();
      });
    },
    async unshareAttempt(attemptId, userId) {
      await db.deleteFrom('shared_attempts').where('attempt_id', '=', attemptId).where('user_id', '=', userId).execute();
    },
    async listSharedAttemptIds(userId) {
      const rows = await db.selectFrom('shared_attempts').select('attempt_id').where('user_id', '=', userId).execute();
      return new Set(rows.map((r) => r.attempt_id));
    },
    async findAttempt(attemptId) {
      const row = await db.selectFrom('attempts').selectAll().where('id', '=', attemptId).executeTakeFirst();
      return row ? { ...toAttempt(row), userId: row.user_id } : undefined;
    },

    async addComment(c) {
      await db
        .insertInto('comments')
        .values({
          id: c.id,
          attempt_id: c.attemptId,
          cohort_id: c.cohortId,
          author_id: c.authorId,
          sentence: c.sentence,
          body: c.body,
          created_at: c.createdAt,
        })
        .execute();
    },
    async listComments(attemptId) {
      const rows = await comments().where('comments.attempt_id', '=', attemptId).orderBy('comments.created_at').orderBy('comments.id').execute();
      return rows.map(toComment);
    },
    async listCommentsOnAttemptsOf(userId) {
      const rows = await comments()
        .where('comments.attempt_id', 'in', db.selectFrom('attempts').select('id').where('user_id', '=', userId))
        .orderBy('comments.created_at')
        .orderBy('comments.id')
        .execute();
      return rows.map(toComment);
    },

    async addAssignment(a) {
      await db
        .insertInto('assignments')
        .values({ id: a.id, cohort_id: a.cohortId, title: a.title, spec: JSON.stringify(a.spec), due_at: a.dueAt, created_at: a.createdAt })
        .execute();
    },
    async listAssignments(cohortIds) {
      if (cohortIds.length === 0) return [];
      const rows = await db
        .selectFrom('assignments')
        .selectAll()
        .where('cohort_id', 'in', [...cohortIds])
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        cohortId: r.cohort_id,
        title: r.title,
        spec: JSON.parse(r.spec) as AssignmentSpec,
        dueAt: r.due_at,
        createdAt: r.created_at,
      }));
    },
  };
}
