import type { Context } from 'hono';
import type { Hono } from 'hono';
import type { Coach } from '../coach.js';
import { composeServices } from '../services/compose.js';
import type { Store } from '../store/open-store.js';
import { createApp } from './app.js';
import { LoopCoachError } from '../errors.js';
import { openIdConnectClient, type OidcSettings } from '../store/oidc.client.js';
import { composeAccountService } from '../services/compose.js';
import { CohortService } from '../services/cohort.service.js';
import type { AccountParameters } from '../services/account.service.js';
import { newToken } from '../store/tokens.js';
import { createRateLimits, type RateLimitParameters } from './rate-limit.js';
import { gradingLimit, teamAuth } from './team-auth.js';
import { createTeamScope } from './team-scope.js';
import type { RequestPolicy } from './security.js';
import type { Logger } from '../logger.js';

export interface ServerParts {
  coach: Coach;
  store: Store;
  /** Serves the built web app for every non-API path, when given. */
  staticHandler?: (c: Context, next: () => Promise<void>) => Promise<Response | void>;
  /** Which Host names and Origins the server accepts. */
  policy?: RequestPolicy;
  /** Where every 500 is logged. */
  logger?: Logger;
}

/**
 * The server's app over the services of the one composition root (services/compose.ts, which the
 * CLI uses too); `loopcoach serve` and the browser tests both start the app through it.
 */
export interface TeamServerParts extends ServerParts {
  /** Where the rate limits are kept: the database's location (PostgreSQL: shared by every instance). */
  databaseLocation: string;
  /** PostgreSQL schema of the store, when not public (tests). */
  schema?: string;
  /** Trust X-Forwarded-For from the reverse proxy for the client's address. */
  trustProxy?: boolean;
  rateLimits?: RateLimitParameters;
  /** Sign-in with the organisation's identity provider, when configured. */
  oidc?: Omit<OidcSettings, 'redirectUri'>;
  accountParams?: AccountParameters;
}

/**
 * Team mode: the same routes, each request run as its signed-in user over that user's rows, plus
 * sign-in, accounts and cohorts. Candidate code never runs on a shared server. Returns the app and
 * what to close on shutdown.
 */
export async function composeTeamServerApp(parts: TeamServerParts): Promise<{ app: Hono; close: () => Promise<void> }> {
  const { coach, store, staticHandler, policy, logger } = parts;
  const scope = createTeamScope(coach, store);
  const accounts = composeAccountService(store, parts.accountParams);
  const cohorts = new CohortService({
    team: store.team,
    attemptsOf: (userId) => store.forUser(userId).attempts,
    exerciseAttemptsOf: (userId) => store.forUser(userId).exerciseAttempts,
    coach,
    newInviteCode: () => newToken(18),
  });
  const limits = await createRateLimits(parts.databaseLocation, parts.rateLimits, parts.schema);
  const trustProxy = parts.trustProxy ?? false;
  const publicOrigin = policy?.publicOrigin;
  if (!publicOrigin)
    throw new LoopCoachError('config_invalid', 'team mode needs LOOPCOACH_ORIGIN: the address browsers use, such as https://coach.example.com');
  const oidc = parts.oidc ? await openIdConnectClient({ ...parts.oidc, redirectUri: `${publicOrigin}/api/auth/oidc/callback` }) : undefined;
  const team = {
    auth: teamAuth({ accounts, runAs: scope.runAs }),
    gradingLimit: gradingLimit(limits, trustProxy),
    routes: { accounts, cohorts, limits, secureCookies: publicOrigin.startsWith('https:'), trustProxy, publicOrigin, ...(oidc ? { oidc } : {}) },
  };
  const app = createApp({
    coach,
    ...scope.services,
    team,
    ...(staticHandler ? { staticHandler } : {}),
    ...(policy ? { policy } : {}),
    ...(logger ? { logger } : {}),
  });
  return { app, close: () => limits.close() };
}

export async function composeServerApp({ coach, store, staticHandler, policy, logger }: ServerParts): Promise<Hono> {
  const { catalogue, sessions, progress, tailor, exercises, recordings } = await composeServices({ coach, store });
  return createApp({
    coach,
    catalogue,
    sessions,
    progress,
    tailor,
    exercises,
    recordings,
    ...(staticHandler ? { staticHandler } : {}),
    ...(policy ? { policy } : {}),
    ...(logger ? { logger } : {}),
  });
}
