import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { LoopCoachError } from '../errors.js';
import { isPostgresUrl } from '../store/open-store.js';

/** Every limit, named: points per window (seconds). */
export interface RateLimitParameters {
  /** Wrong passwords per account: 5 in 15 minutes (OWASP's advice on credential stuffing). */
  signInPerAccount: { points: number; duration: number };
  /** Wrong passwords per address: a class behind one NAT shares it, so 4 accounts' worth. */
  signInPerAddress: { points: number; duration: number };
  /** Graded answers per account per minute: far above a person typing, far below a script. */
  gradingPerAccount: { points: number; duration: number };
  /** Graded answers per address per minute. */
  gradingPerAddress: { points: number; duration: number };
}

export function defaultRateLimitParameters(): RateLimitParameters {
  return {
    signInPerAccount: { points: 5, duration: 15 * 60 },
    signInPerAddress: { points: 20, duration: 15 * 60 },
    gradingPerAccount: { points: 120, duration: 60 },
    gradingPerAddress: { points: 600, duration: 60 },
  };
}

/** The default limits with graded answers set to `perMinute` per account (five times that per address). */
export function rateLimitsWithGrading(perMinute: number): RateLimitParameters {
  return {
    ...defaultRateLimitParameters(),
    gradingPerAccount: { points: perMinute, duration: 60 },
    gradingPerAddress: { points: perMinute * 5, duration: 60 },
  };
}

/** The limits a team server applies, shared by every instance when they are kept in PostgreSQL. */
export interface RateLimits {
  /** Throws rate_limited when this account or address has had too many wrong passwords lately. */
  checkSignIn(account: string, address: string): Promise<void>;
  /** Counts a wrong password against the account and the address. */
  failedSignIn(account: string, address: string): Promise<void>;
  /** A right password clears the account's count. */
  succeededSignIn(account: string): Promise<void>;
  /** Counts one graded answer; throws rate_limited over the limit. */
  grading(userId: string, address: string): Promise<void>;
  close(): Promise<void>;
}

function limited(seconds: number): LoopCoachError {
  return new LoopCoachError('rate_limited', `too many attempts: try again in ${Math.max(1, Math.ceil(seconds))} seconds`);
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw limited(error.msBeforeNext / 1000);
    throw error;
  }
}

async function checkRemaining(limiter: RateLimiterAbstract, key: string, points: number): Promise<void> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= points) throw limited(state.msBeforeNext / 1000);
}

/**
 * Rate limits over PostgreSQL (one table, shared by every instance) when the database is a
 * postgres:// URL, in memory otherwise (one SQLite server is one instance).
 */
export async function createRateLimits(location: string, params = defaultRateLimitParameters(), schema?: string): Promise<RateLimits> {
  let pool: { end(): Promise<void> } | undefined;
  let make: (name: string, limit: { points: number; duration: number }) => RateLimiterAbstract;
  if (isPostgresUrl(location)) {
    const { default: pg } = await import('pg');
    const client = new pg.Pool({ connectionString: location, max: 2 });
    pool = client;
    await new Promise<void>((resolve, reject) => {
      new RateLimiterPostgres(
        {
          storeClient: client,
          storeType: 'pool',
          tableName: 'loopcoach_rate_limits',
          ...(schema ? { schemaName: schema } : {}),
          keyPrefix: 'setup',
          points: 1,
          duration: 1,
        },
        (error?: Error) => (error ? reject(error) : resolve()),
      );
    });
    make = (name, limit) =>
      new RateLimiterPostgres({
        storeClient: client,
        storeType: 'pool',
        tableName: 'loopcoach_rate_limits',
        ...(schema ? { schemaName: schema } : {}),
        tableCreated: true,
        keyPrefix: name,
        ...limit,
      });
  } else {
    make = (name, limit) => new RateLimiterMemory({ keyPrefix: name, ...limit });
  }
  const signInAccount = make('signin_account', params.signInPerAccount);
  const signInAddress = make('signin_address', params.signInPerAddress);
  const gradingAccount = make('grading_account', params.gradingPerAccount);
  const gradingAddress = make('grading_address', params.gradingPerAddress);
  return {
    async checkSignIn(account, address) {
      await checkRemaining(signInAccount, account, params.signInPerAccount.points);
      await checkRemaining(signInAddress, address, params.signInPerAddress.points);
    },
    async failedSignIn(account, address) {
      await signInAccount.penalty(account, 1);
      await signInAddress.penalty(address, 1);
    },
    async succeededSignIn(account) {
      await signInAccount.delete(account);
    },
    async grading(userId, address) {
      await consume(gradingAccount, userId);
      await consume(gradingAddress, address);
    },
    close: async () => {
      await pool?.end();
    },
  };
}
