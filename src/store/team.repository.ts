import type { AttemptRecord } from './attempt.repository.js';

export const ROLES = ['admin', 'coach', 'candidate'] as const;
export type Role = (typeof ROLES)[number];

export const SHARING = ['all', 'shared'] as const;
/** What a cohort's coach may see of a member: all their practice, or only attempts they shared. */
export type Sharing = (typeof SHARING)[number];

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A user with what signing in checks; never sent to a client. */
export interface UserCredentials extends UserRecord {
  passwordHash: string | null;
  oidcSubject: string | null;
}

export interface AuthSessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface CohortRecord {
  id: string;
  name: string;
  coachId: string;
  inviteCode: string;
  createdAt: string;
}

export interface MemberRecord {
  cohortId: string;
  userId: string;
  sharing: Sharing;
  joinedAt: string;
}

export interface CommentRecord {
  id: string;
  attemptId: string;
  cohortId: string;
  authorId: string;
  /** The sentence of the answer the comment is anchored to, as it appears in the answer. */
  sentence: string;
  body: string;
  createdAt: string;
}

/** A set of questions, or a mock interview to run, by a due date. */
export type AssignmentSpec = { kind: 'questions'; questionIds: string[] } | { kind: 'mock'; role: string; level: string; count: number; topics: string[] };

export interface AssignmentRecord {
  id: string;
  cohortId: string;
  title: string;
  spec: AssignmentSpec;
  dueAt: string;
  createdAt: string;
}

/** The team-mode tables. Reads by id return undefined when nothing matches; callers decide who may ask. */
export interface TeamRepository {
  createUser(user: UserCredentials): Promise<void>;
  findUser(id: string): Promise<UserCredentials | undefined>;
  findUserByEmail(email: string): Promise<UserCredentials | undefined>;
  findUserByOidcSubject(subject: string): Promise<UserCredentials | undefined>;
  listUsers(): Promise<UserRecord[]>;
  setPasswordHash(userId: string, hash: string): Promise<void>;
  /** Links an account to the identity provider's subject (its first OIDC sign-in). */
  setOidcSubject(userId: string, subject: string): Promise<void>;
  /** Removes the account and every row it owns (sessions, attempts, exercise attempts, questions, exercises, documents, cohorts it coaches, comments, sign-ins). */
  deleteUser(userId: string): Promise<void>;

  createAuthSession(session: AuthSessionRecord): Promise<void>;
  findAuthSession(tokenHash: string): Promise<AuthSessionRecord | undefined>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  deleteAuthSessionsOf(userId: string): Promise<number>;
  /** Removes every sign-in session that expired at or before `now` (ISO time); returns how many. */
  deleteExpiredAuthSessions(now: string): Promise<number>;

  createCohort(cohort: CohortRecord): Promise<void>;
  findCohort(id: string): Promise<CohortRecord | undefined>;
  findCohortByInvite(code: string): Promise<CohortRecord | undefined>;
  listCohortsCoachedBy(userId: string): Promise<CohortRecord[]>;
  listMembershipsOf(userId: string): Promise<Array<MemberRecord & { cohortName: string }>>;
  /** Adds the member, or updates their sharing when already in. */
  upsertMember(member: MemberRecord): Promise<void>;
  findMember(cohortId: string, userId: string): Promise<MemberRecord | undefined>;
  listMembers(cohortId: string): Promise<Array<MemberRecord & { name: string; email: string }>>;
  removeMember(cohortId: string, userId: string): Promise<boolean>;

  shareAttempt(attemptId: string, userId: string, at: string): Promise<void>;
  unshareAttempt(attemptId: string, userId: string): Promise<void>;
  listSharedAttemptIds(userId: string): Promise<Set<string>>;
  /** One attempt and its owner, whoever owns it. */
  findAttempt(attemptId: string): Promise<(AttemptRecord & { userId: string | null }) | undefined>;

  addComment(comment: CommentRecord): Promise<void>;
  listComments(attemptId: string): Promise<Array<CommentRecord & { authorName: string }>>;
  /** Every comment on this user's attempts. */
  listCommentsOnAttemptsOf(userId: string): Promise<Array<CommentRecord & { authorName: string }>>;

  addAssignment(assignment: AssignmentRecord): Promise<void>;
  listAssignments(cohortIds: readonly string[]): Promise<AssignmentRecord[]>;
}
