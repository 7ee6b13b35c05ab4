import { AsyncLocalStorage } from 'node:async_hooks';
import type { Coach } from '../coach.js';
import { composeServices, type Services } from '../services/compose.js';
import type { Store } from '../store/open-store.js';

/**
 * Team mode: every request runs as its signed-in user, over services composed on that user's
 * store scope. The routes are the single-user routes, unchanged: they hold `services`, whose
 * every call goes to the services of the request being served. Nothing is cached between
 * requests, so any instance answers any request alike.
 */
export interface TeamScope {
  /** Kept recordings (and their keep setting) are single-user only: a team server keeps no audio. */
  services: Omit<Services, 'recordings'>;
  /** Runs `task` (the rest of the request) as the user. */
  runAs<T>(userId: string, task: () => Promise<T>): Promise<T>;
}

function forward<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_shell, name) {
      const current = target();
      const value: unknown = Reflect.get(current, name, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

export function createTeamScope(coach: Coach, store: Store): TeamScope {
  const requests = new AsyncLocalStorage<Services>();
  const current = (): Services => {
    const services = requests.getStore();
    if (!services) throw new Error('a user-scoped service was called outside a signed-in request');
    return services;
  };
  const services: Omit<Services, 'recordings'> = {
    catalogue: forward(() => current().catalogue),
    sessions: forward(() => current().sessions),
    progress: forward(() => current().progress),
    tailor: forward(() => current().tailor),
    exercises: forward(() => current().exercises),
  };
  return {
    services,
    async runAs(userId, task) {
      const own = await composeServices({ coach, store: store.forUser(userId), allowCodeRun: false });
      return requests.run(own, task);
    },
  };
}
