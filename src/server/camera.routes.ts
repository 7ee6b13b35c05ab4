import { open, stat } from 'node:fs/promises';
import type { Context, Hono } from 'hono';
import { cameraAssets, type CameraAsset } from '../camera/node-assets.js';
import { errorResponse } from './errors.js';

/** A byte range of a file of `size` bytes, from a Range header; 'unsatisfiable' when it lies outside. */
export function parseByteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}

async function readSlice(path: string, start: number, end: number): Promise<Uint8Array> {
  const file = await open(path);
  try {
    const bytes = new Uint8Array(end - start + 1);
    await file.read(bytes, 0, bytes.length, start);
    return bytes;
  } finally {
    await file.close();
  }
}

/** Serves one file whole, or the byte range asked for (206), so the browser can seek and resume. */
async function serveFile(c: Context, asset: CameraAsset): Promise<Response> {
  const size = (await stat(asset.path)).size;
  const headers: Record<string, string> = { 'content-type': asset.type, 'cache-control': 'public, max-age=86400', 'accept-ranges': 'bytes' };
  const range = parseByteRange(c.req.header('range'), size);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const body = c.req.method === 'HEAD' ? null : await readSlice(asset.path, start, end);
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  return new Response(body as BodyInit | null, { status: range ? 206 : 200, headers });
}

/**
 * Camera: GET /camera/<file> serves the in-page face analysis (human's bundle, the face models and
 * the tfjs WebAssembly binaries) from this server, with Range support; never a CDN. Frames never
 * leave the page, so there is nothing to upload.
 */
export function registerCameraRoutes(app: Hono): void {
  let assets: Record<string, CameraAsset> | undefined;
  app.on(['GET', 'HEAD'], '/camera/:file', async (c) => {
    assets ??= cameraAssets();
    const asset = Object.hasOwn(assets, c.req.param('file')) ? assets[c.req.param('file')] : undefined;
    if (!asset) return errorResponse(c, 'not_found', `no camera file ${c.req.param('file')}`, 404);
    return serveFile(c, asset);
  });
}
