// The built web app served beside the API: files, the hash-routed fallback, and no escape from its folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/coach.js';
import { createApp } from '../../src/server/app.js';
import { staticFiles } from '../../src/server/static.js';
import { writeQuestionBank } from '../../e2e/fixtures.js';

let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'loopcoach-static-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dist, 'assets', 'app-123.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  app = createApp({ coach: await createCoach({ questionDir: writeQuestionBank() }), staticHandler: staticFiles(dist) });
});

describe('web app files', () => {
  it('serves assets with their type and a long cache', async () => {
    const res = await app.request('/assets/app-123.js');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers any other page path with index.html', async () => {
    const res = await app.request('/library');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>app</title>');
  });

  it.each(['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%E0%A4%A'])('never serves a file outside its folder (%s)', async (path) => {
    const text = await (await app.request(path)).text();
    expect(text).not.toContain('do not serve');
  });

  it('keeps API errors as JSON, not the web page', async () => {
    const res = await app.request('/api/missing');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});
