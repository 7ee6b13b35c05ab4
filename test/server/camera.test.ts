// The in-page camera analysis is served from this server (never a CDN): human's bundle, the three
// face models and the tfjs WebAssembly binaries, with byte ranges so the browser can seek and resume.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cameraAssets, CAMERA_FILES } from '../../src/camera/node-assets.js';
import { createCoach } from '../../src/coach.js';
import { createApp } from '../../src/server/app.js';
import { parseByteRange } from '../../src/server/camera.routes.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security.js';
import { writeQuestionBank } from '../../e2e/fixtures.js';

const missing = CAMERA_FILES.filter(([name]) => !cameraAssets()[name]).map(([name]) => name);
const skipReason = missing.length > 0 ? `camera files missing (${missing.join(', ')}): npm install, then npm run build` : undefined;
if (skipReason) console.warn(`test/server/camera.test.ts skipped: ${skipReason}`);

describe('byte ranges', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=95-200', { start: 95, end: 99 }],
  ])('%s of 100 bytes', (header, expected) => {
    expect(parseByteRange(header, 100)).toEqual(expected);
  });

  it('a range past the end cannot be satisfied; a malformed one is ignored (whole file)', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=5-2', 100)).toBe('unsatisfiable');
    expect(parseByteRange('items=0-1', 100)).toBeUndefined();
    expect(parseByteRange(undefined, 100)).toBeUndefined();
  });
});

describe.skipIf(skipReason)('camera files', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ coach: await createCoach({ questionDir: writeQuestionBank() }) });
  });

  it("serves the bundle, the models and the wasm with their types, under the page's security policy", async () => {
    const bundle = await app.request('/camera/human.esm.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const wasm = await app.request('/camera/tfjs-backend-wasm-simd.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    const model = (await (await app.request('/camera/facemesh.json')).json()) as { weightsManifest: Array<{ paths: string[] }> };
    for (const path of model.weightsManifest.flatMap((m) => m.paths)) expect((await app.request(`/camera/${path}`)).status).toBe(200);
  });

  it('answers a Range request with exactly those bytes (206) and an impossible one with 416', async () => {
    const whole = readFileSync(cameraAssets()['iris.bin']!.path);
    const part = await app.request('/camera/iris.bin', { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(100, 200))).toBe(true);
    const beyond = await app.request('/camera/iris.bin', { headers: { range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
  });

  it("has nothing else: other names are a 404 in the API's error shape", async () => {
    for (const name of ['gear.json', '..%2Fpackage.json', 'models.json']) {
      const res = await app.request(`/camera/${name}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
