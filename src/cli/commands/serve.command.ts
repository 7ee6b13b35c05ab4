import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { loadConfig } from '../../config.js';
import { LoopCoachError } from '../../errors.js';
import type { CliIo } from '../output.js';

/** `loopcoach serve [--port N]`: the web app and its JSON API on localhost. */
export function registerServe(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('serve')
    .description('serve the web app and its JSON API on http://localhost:4173 (PORT overrides)')
    .option('--port <port>', 'port to listen on')
    .action((flags: { port?: string }) =>
      run(async () => {
        const config = loadConfig({ port: flags.port });
        const [{ serve }, { composeServerApp }, { staticFiles }, { ensureWebBuilt }, { openStore }] = await Promise.all([
          import('@hono/node-server'),
          import('../../server/compose.js'),
          import('../../server/static.js'),
          import('../../server/web-build.js'),
          import('../../store/open-store.js'),
        ]);
        const dist = await ensureWebBuilt(undefined, (line) => io.out(line));
        const coach = await createCoach();
        const store = await openStore(config.db);
        const app = await composeServerApp({ coach, store, staticHandler: staticFiles(dist) });
        await new Promise<void>((resolve, reject) => {
          const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
            io.out(`Loop Coach is running at http://localhost:${config.port}  (${coach.questions.length} questions; Ctrl-C stops it)`);
          });
          server.on('error', (error: NodeJS.ErrnoException) =>
            reject(new LoopCoachError('config_invalid', error.code === 'EADDRINUSE' ? `port ${config.port} is in use: set PORT to another port` : `cannot listen on port ${config.port}: ${error.message}`)),
          );
          const stop = () => server.close(() => void store.close().then(resolve, resolve));
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );
}
