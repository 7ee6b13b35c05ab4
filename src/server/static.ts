import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built web app from `root`; unknown paths get index.html (the app routes by hash). */
export function staticFiles(root: string) {
  return async (c: Context): Promise<Response> => {
    const requested = normalize(safeDecode(new URL(c.req.url).pathname)).replace(/^([/\\])+/, '');
    const path = join(root, requested);
    const inside = path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
    const file = inside && (await isFile(path)) ? path : join(root, 'index.html');
    const body = await readFile(file);
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(body, { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache } });
  };
}

/** A malformed %-escape is not an error worth a 500: treat the path as unknown (index.html). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/';
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
