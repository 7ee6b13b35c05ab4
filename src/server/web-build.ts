import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoopCoachError } from '../errors.js';

/**
 * The web app's folder (beside src/, or beside dist/src/ once built). A source checkout has its
 * sources (index.html, src/); an installed package has only the prebuilt dist/.
 */
export function webRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', '..', 'web'), join(here, '..', '..', '..', 'web')];
  const hasApp = (dir: string) => existsSync(join(dir, 'index.html')) || existsSync(join(dir, 'dist', 'index.html'));
  return candidates.find(hasApp) ?? candidates[0]!;
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True in a source checkout: the web app's sources are there to build from. */
function hasSources(root: string): boolean {
  return existsSync(join(root, 'index.html')) && existsSync(join(root, 'src'));
}

/**
 * The folder of the built web app. An installed package serves its prebuilt web/dist as is (no
 * Vite at run time); a source checkout builds it with Vite when it is missing or older than its sources.
 */
export async function ensureWebBuilt(root = webRoot(), log: (line: string) => void = () => {}): Promise<string> {
  const dist = join(root, 'dist');
  const builtAt = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  if (!hasSources(root)) {
    if (builtAt > 0) return dist;
    throw new LoopCoachError(
      'file_not_found',
      `the web app is missing (looked in ${root}): reinstall loopcoach, or run \`npm run build:web\` in a clone of the repository`,
    );
  }
  const sources = Math.max(newestChange(join(root, 'src')), statSync(join(root, 'index.html')).mtimeMs);
  if (builtAt >= sources) return dist;
  log('Building the web app (first start, or its sources changed)…');
  await buildWithVite(root);
  return dist;
}

async function buildWithVite(root: string): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new LoopCoachError('internal', 'the web app is not built and Vite is not installed: run `npm install` in the repository');
  }
  // Vite and the React plugin pick their bundle from NODE_ENV; a test run sets it to "test",
  // which would ship React's development build, so the build always runs as production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(root, 'vite.config.ts'), root, mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
