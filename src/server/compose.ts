import type { Context } from 'hono';
import type { Hono } from 'hono';
import type { Coach } from '../coach.js';
import { composeServices } from '../services/compose.js';
import type { Store } from '../store/open-store.js';
import { createApp } from './app.js';
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
export async function composeServerApp({ coach, store, staticHandler, policy, logger }: ServerParts): Promise<Hono> {
  const { catalogue, sessions, progress, tailor, exercises, recordings } = await composeServices({ coach, store });
  return createApp({ coach, catalogue, sessions, progress, tailor, exercises, recordings, ...(staticHandler ? { staticHandler } : {}), ...(policy ? { policy } : {}), ...(logger ? { logger } : {}) });
}
