import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LoopCoachError } from '../errors.js';
import type { Store } from '../store/open-store.js';
import type { PasswordHasher } from '../store/password-hasher.js';
import { ROLES, type Role, type TeamRepository, type UserRecord } from '../store/team.repository.js';

/** Tunables of accounts and sign-in. */
export interface AccountParameters {
  /** How long a sign-in lasts: a working week, so a class signs in on Monday. */
  sessionTtlMs: number;
  /** Shortest password accepted (NIST SP 800-63B: at least 8). */
  minPasswordLength: number;
}

export function defaultAccountParameters(): AccountParameters {
  return { sessionTtlMs: 7 * 24 * 3600 * 1000, minPasswordLength: 8 };
}

export interface AccountServiceDeps {
  team: TeamRepository;
  /** One user's rows (sessions, attempts, questions, documents). */
  storeFor: (userId: string) => Pick<Store, 'sessions' | 'attempts' | 'userQuestions' | 'documents' | 'exerciseAttempts' | 'userExercises'>;
  hasher: PasswordHasher;
  tokens: { newToken(): string; hashToken(token: string): string };
  params?: AccountParameters;
  now?: () => Date;
}

/** A signed-in browser: the cookie's token (sent once, stored hashed) and the CSRF token its writes must carry. */
export interface SignedIn {
  user: UserRecord;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  oidcSubject?: string;
}

const email = z.email('give a valid email address').max(254);

function publicUser({ id, email: address, name, role, createdAt }: UserRecord): UserRecord {
  return { id, email: address, name, role, createdAt };
}

/** Accounts, passwords (argon2id) and sign-in sessions stored in the database, so any instance knows them. */
export class AccountService {
  private readonly params: AccountParameters;
  private readonly now: () => Date;
  /** Verified when the email is unknown, so a wrong email takes as long as a wrong password. */
  private decoyHash: Promise<string> | undefined;

  constructor(private readonly deps: AccountServiceDeps) {
    this.params = deps.params ?? defaultAccountParameters();
    this.now = deps.now ?? (() => new Date());
  }

  /** Creates an account; the first admin comes from `loopcoach users add --role admin`. */
  async addUser(input: NewUser): Promise<UserRecord> {
    const address = this.checkEmail(input.email);
    if (!ROLES.includes(input.role)) throw new LoopCoachError('invalid_input', `unknown role "${input.role}"; roles: ${ROLES.join(', ')}`);
    if (!input.name.trim()) throw new LoopCoachError('invalid_input', 'give the user a name');
    if (input.password !== undefined) this.checkPassword(input.password);
    if (await this.deps.team.findUserByEmail(address)) throw new LoopCoachError('user_exists', `there is already an account for ${address}`);
    const user = { id: randomUUID(), email: address, name: input.name.trim(), role: input.role, createdAt: this.now().toISOString() };
    const passwordHash = input.password === undefined ? null : await this.deps.hasher.hash(input.password);
    await this.deps.team.createUser({ ...user, passwordHash, oidcSubject: input.oidcSubject ?? null });
    return user;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.deps.team.listUsers();
  }

  /** Checks the password and opens a sign-in session; the same error whether the email or the password is wrong. */
  async signIn(address: string, password: string): Promise<SignedIn> {
    const user = await this.deps.team.findUserByEmail(address.trim().toLowerCase());
    const digest = user?.passwordHash ?? (await this.decoy());
    const matches = await this.deps.hasher.verify(digest, password);
    if (!user?.passwordHash || !matches) throw new LoopCoachError('sign_in_failed', 'the email or password is wrong');
    return this.openSession(user);
  }

  /**
   * Signs in someone the organisation's identity provider vouched for: the account linked to that
   * subject, else the account with that email (then linked), else a new candidate account.
   */
  async signInWithIdentity(identity: { subject: string; email: string | undefined; name: string | undefined }): Promise<SignedIn> {
    const linked = await this.deps.team.findUserByOidcSubject(identity.subject);
    if (linked) return this.openSession(linked);
    if (!identity.email)
      throw new LoopCoachError('sign_in_failed', 'the identity provider did not share your email address, which Loop Coach needs to find your account');
    const byEmail = await this.deps.team.findUserByEmail(identity.email.trim().toLowerCase());
    if (byEmail) {
      await this.deps.team.setOidcSubject(byEmail.id, identity.subject);
      return this.openSession(byEmail);
    }
    const user = await this.addUser({ email: identity.email, name: identity.name ?? identity.email, role: 'candidate', oidcSubject: identity.subject });
    return this.openSession(user);
  }

  /**
   * A sign-in session for a user whose identity is established. Every sign-in also sweeps the
   * sessions that have expired (anyone's), so an abandoned cookie's row does not outlive it.
   */
  async openSession(user: UserRecord): Promise<SignedIn> {
    const token = this.deps.tokens.newToken();
    const csrfToken = this.deps.tokens.newToken();
    const createdAt = this.now();
    await this.deps.team.deleteExpiredAuthSessions(createdAt.toISOString());
    const expiresAt = new Date(createdAt.getTime() + this.params.sessionTtlMs).toISOString();
    await this.deps.team.createAuthSession({
      tokenHash: this.deps.tokens.hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: createdAt.toISOString(),
      expiresAt,
    });
    return { user: publicUser(user), token, csrfToken, expiresAt };
  }

  /** The user and CSRF token behind a cookie token; undefined when unknown or expired (an expired one is removed). */
  async authenticate(token: string): Promise<{ user: UserRecord; csrfToken: string } | undefined> {
    const tokenHash = this.deps.tokens.hashToken(token);
    const session = await this.deps.team.findAuthSession(tokenHash);
    if (!session) return undefined;
    if (session.expiresAt <= this.now().toISOString()) {
      await this.deps.team.deleteAuthSession(tokenHash);
      return undefined;
    }
    const user = await this.deps.team.findUser(session.userId);
    return user ? { user: publicUser(user), csrfToken: session.csrfToken } : undefined;
  }

  async signOut(token: string): Promise<void> {
    await this.deps.team.deleteAuthSession(this.deps.tokens.hashToken(token));
  }

  /** Ends every sign-in of the user, on every device and instance; returns how many. */
  async signOutEverywhere(userId: string): Promise<number> {
    return this.deps.team.deleteAuthSessionsOf(userId);
  }

  /** An admin sets a new password; the user's sign-ins all end. */
  async resetPassword(actor: UserRecord, userId: string, password: string): Promise<void> {
    if (actor.role !== 'admin') throw new LoopCoachError('forbidden', 'only an admin can reset a password');
    await this.setPassword(userId, password);
  }

  /** Sets a password and ends the user's sign-ins (the CLI, run on the server's database, calls this directly). */
  async setPassword(userId: string, password: string): Promise<void> {
    this.checkPassword(password);
    if (!(await this.deps.team.findUser(userId))) throw new LoopCoachError('user_not_found', `no user with id "${userId}"`);
    await this.deps.team.setPasswordHash(userId, await this.deps.hasher.hash(password));
    await this.deps.team.deleteAuthSessionsOf(userId);
  }

  /** Everything stored about the user, as one JSON document. */
  async exportData(user: UserRecord): Promise<Record<string, unknown>> {
    const own = this.deps.storeFor(user.id);
    const [sessions, attempts, questions, documentList, memberships, coaching, comments, exerciseAttempts, exercises] = await Promise.all([
      own.sessions.list(),
      own.attempts.listAll(),
      own.userQuestions.list(),
      own.documents.list(),
      this.deps.team.listMembershipsOf(user.id),
      this.deps.team.listCohortsCoachedBy(user.id),
      this.deps.team.listCommentsOnAttemptsOf(user.id),
      own.exerciseAttempts.listAll(),
      own.userExercises.list(),
    ]);
    const documents = await Promise.all(documentList.map((d) => own.documents.find(d.id)));
    const shared = await this.deps.team.listSharedAttemptIds(user.id);
    return {
      exportedAt: this.now().toISOString(),
      account: publicUser(user),
      sessions,
      attempts,
      sharedAttemptIds: [...shared],
      commentsOnMyAnswers: comments,
      questions,
      documents,
      exerciseAttempts,
      exercises,
      memberships,
      cohortsCoached: coaching,
    };
  }

  /** Removes the account and everything in it; its sign-ins end with it. */
  async deleteAccount(user: UserRecord): Promise<void> {
    await this.deps.team.deleteUser(user.id);
  }

  private checkEmail(value: string): string {
    const parsed = email.safeParse(value.trim().toLowerCase());
    if (!parsed.success) throw new LoopCoachError('invalid_input', `"${value}" is not an email address`);
    return parsed.data;
  }

  private checkPassword(password: string): void {
    if (password.length < this.params.minPasswordLength)
      throw new LoopCoachError('invalid_input', `a password needs at least ${this.params.minPasswordLength} characters`);
    if (password.length > 1000) throw new LoopCoachError('invalid_input', 'a password takes at most 1000 characters');
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.deps.hasher.hash(this.deps.tokens.newToken());
    return this.decoyHash;
  }
}
