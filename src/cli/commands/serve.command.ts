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
    .option('--team', 'team mode: accounts and sign-in, cohorts (needs LOOPCOACH_ORIGIN; PostgreSQL for several instances)')
    .action((flags: { port?: string; team?: boolean }) =>
      run(async () => {
        const config = loadConfig({ port: flags.port, ...(flags.team ? { team: true } : {}) });
        const [{ listen }, { composeServerApp, composeTeamServerApp }, { staticFiles }, { ensureWebBuilt }, { openStore }, { rateLimitsWithGrading }] =
          await Promise.all([
            import('../../server/listen.js'),
            import('../../server/compose.js'),
            import('../../server/static.js'),
            import('../../server/web-build.js'),
            import('../../store/open-store.js'),
            import('../../server/rate-limit.js'),
          ]);
        const dist = await ensureWebBuilt(undefined, (line) => io.out(line));
        const coach = await createCoach();
        const store = await openStore(config.db);
        const policy = { port: config.port, ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}) };
        const { createLogger } = await import('../../logger.js');
        const parts = { coach, store, staticHandler: staticFiles(dist), policy, logger: createLogger() };
        const { app, close } = config.team
          ? await composeTeamServerApp({
              ...parts,
              databaseLocation: config.db,
              trustProxy: config.trustProxy,
              ...(config.oidc ? { oidc: config.oidc } : {}),
              ...(config.gradingLimit ? { rateLimits: rateLimitsWithGrading(config.gradingLimit) } : {}),
            })
          : { app: await composeServerApp(parts), close: async () => undefined };
        const server = await listen(app, { port: config.port, hostname: config.host }).catch(async (error: NodeJS.ErrnoException) => {
          await close();
          await store.close();
          throw new LoopCoachError(
            'config_invalid',
            error.code === 'EADDRINUSE' ? `port ${config.port} is in use: set PORT to another port` : `cannot listen on port ${config.port}: ${error.message}`,
          );
        });
        const mode = config.team ? 'team mode, sign-in required; ' : '';
        io.out(
          `Loop Coach is running at ${config.publicOrigin ?? `http://localhost:${config.port}`}  (${mode}${coach.questions.length} questions; Ctrl-C stops it)`,
        );
        await new Promise<void>((resolve) => {
          const stop = () =>
            server.close(
              () =>
                void close()
                  .then(() => store.close())
                  .then(resolve, resolve),
            );
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );
}
