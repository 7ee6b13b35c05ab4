// Starts the real server (built web app, real SQLite file) for browser tests, and stops it again.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createCoach } from '../src/coach.js';
import { composeServerApp } from '../src/server/compose.js';
import { staticFiles } from '../src/server/static.js';
import { ensureWebBuilt } from '../src/server/web-build.js';
import { openStore, type Store } from '../src/store/open-store.js';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The app on a free localhost port, over the question folder and the database file given. */
export async function startTestServer(questionDir: string, dbPath: string): Promise<RunningServer> {
  const dist = await ensureWebBuilt();
  const coach = await createCoach({ questionDir });
  const store: Store = await openStore(dbPath);
  const app = await composeServerApp({ coach, store, staticHandler: staticFiles(dist) });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}
