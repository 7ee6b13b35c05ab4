// The OpenAPI document is generated from the routes' own zod schemas: every route the app registers is
// in it, nothing else is, it is valid OpenAPI 3.1, and it states the limits the server enforces.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { errorBodySchema } from '../../src/api/common.contract.js';
import { importedQuestionsSchema } from '../../src/api/my-questions.contract.js';
import { suggestionResponseSchema } from '../../src/api/progress.contract.js';
import { healthSchema } from '../../src/api/questions.contract.js';
import { sessionSummarySchema } from '../../src/api/sessions.contract.js';
import { ERROR_CODES } from '../../src/errors.js';
import { composeServerApp, composeTeamServerApp } from '../../src/server/compose.js';
import { signedInSchema, userSchema } from '../../src/api/team.contract.js';
import { composeAccountService } from '../../src/services/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';

let app: Hono;
let store: Store;
let doc: {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
        parameters?: Array<{ name: string; in: string; required: boolean }>;
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
};

beforeAll(async () => {
  const coach = await createCoach({ questionDir: writeQuestionBank() });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-openapi-')), 'test.db'));
  // The server as `loopcoach serve` composes it: every optional group of routes is registered.
  app = await composeServerApp({ coach, store, staticHandler: async (_c, next) => next() });
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = await res.json();
});

afterAll(() => store?.close());

/** Each route the app answers, as `METHOD /path/{param}` (middleware, fallbacks and the web app's pages left out). */
function registeredRoutes(of: Hono = app): string[] {
  const routes = of.routes
    .filter((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*')
    .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
  return [...new Set(routes)].sort();
}

function documentedRoutes(document: typeof doc = doc): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

describe('OpenAPI document', () => {
  it('lists exactly the routes the app registers', () => {
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThan(20);
    expect(documentedRoutes()).toEqual(registered);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('states the limits the routes enforce, from their schemas', async () => {
    const start = doc.paths['/api/sessions']!.post!.requestBody!.content['application/json']!.schema as {
      required: string[];
      additionalProperties: boolean;
      properties: { count: { maximum: number } };
    };
    expect(start.required).toEqual(['role', 'level']);
    expect(start.additionalProperties).toBe(false);
    expect(start.properties.count.maximum).toBe(50);
    const tooMany = await app.request('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'sre', level: 'entry', count: 51 }),
    });
    expect(tooMany.status).toBe(400);

    const importBody = doc.paths['/api/my-questions']!.post!.requestBody!.content['application/json']!.schema as {
      properties: { yaml: { maxLength: number } };
    };
    expect(importBody.properties.yaml.maxLength).toBe(200_000);

    const answer = doc.paths['/api/sessions/{id}/answers']!.post!;
    expect(answer.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'id', in: 'path', required: true }),
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      ]),
    );
    expect(Object.keys(answer.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '413']));
  });

  it('describes every error code in the error shape', () => {
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(expect.arrayContaining(Object.keys(ERROR_CODES)));
  });

  it('documents response shapes the server really sends', async () => {
    const json = (path: string, body: unknown) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(healthSchema.parse(await (await app.request('/api/health')).json()).questions).toBeGreaterThan(0);
    expect((await json('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1 })).status).toBe(201);
    const history = sessionSummarySchema.array().parse(await (await app.request('/api/history')).json());
    expect(history).toHaveLength(1);
    expect(suggestionResponseSchema.safeParse(await (await app.request('/api/suggestion')).json()).success).toBe(true);
    const yaml =
      'id: my-own\ntopic: troubleshooting\nlevels: [entry]\nkind: concept\nprompt: Why would a Lambda function time out?\nrubric: [It waits on a slow dependency., Its timeout is too short., It runs out of memory.]\nmodelAnswer: It waits on a slow dependency or its timeout is too short.\npitfalls: [{ claim: Timeouts are always code bugs., correction: Often a dependency is slow. }]\nfollowUps: [{ prompt: How do you find the slow call?, when: { missed: 1 } }, { prompt: What would you change first?, when: { missed: 2 } }]\n';
    const imported = await json('/api/my-questions', { yaml });
    expect(imported.status).toBe(201);
    expect(importedQuestionsSchema.parse(await imported.json())).toEqual({ imported: ['my-own'] });
    expect(errorBodySchema.parse(await (await app.request('/api/questions/nope')).json()).error.code).toBe('question_not_found');
  });
});

describe('OpenAPI document of a team server', () => {
  const origin = 'http://coach.test';
  let teamStore: Store;
  let teamApp: Hono;
  let close: () => Promise<void>;
  let teamDoc: typeof doc;

  beforeAll(async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-openapi-team-')), 'team.db');
    teamStore = await openStore(db);
    await composeAccountService(teamStore).addUser({ email: 'ada@school.test', name: 'Ada', role: 'admin', password: 'long enough password' });
    ({ app: teamApp, close } = await composeTeamServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store: teamStore,
      policy: { publicOrigin: origin },
      databaseLocation: db,
      staticHandler: async (_c, next) => next(),
    }));
    const res = await teamApp.request(`${origin}/api/openapi.json`);
    expect(res.status).toBe(200);
    teamDoc = await res.json();
  });

  afterAll(async () => {
    await close?.();
    await teamStore?.close();
  });

  it('lists exactly the routes a team server registers, the team routes among them', () => {
    const registered = registeredRoutes(teamApp);
    expect(registered).toEqual(
      expect.arrayContaining(['POST /api/auth/sign-in', 'PUT /api/cohorts/{id}/sharing', 'GET /api/cohorts/{id}/dashboard', 'DELETE /api/account']),
    );
    // A team server adds its account and cohort routes and keeps no recordings (audio stays on the device).
    expect(registered.filter((r) => !registeredRoutes().includes(r)).length).toBeGreaterThan(20);
    expect(registered.some((r) => r.includes('/recording'))).toBe(false);
    expect(documentedRoutes(teamDoc)).toEqual(registered);
  });

  it('is a valid OpenAPI 3.1 document, and the single-user document has no team route', async () => {
    const result = await new Validator().validate(structuredClone(teamDoc));
    expect(result.errors ?? []).toEqual([]);
    expect(doc.paths['/api/auth/sign-in']).toBeUndefined();
  });

  it("states the team routes' schemas and the sign-in every other route needs", async () => {
    const joinBody = teamDoc.paths['/api/cohorts/join']!.post!.requestBody!.content['application/json']!.schema as {
      required: string[];
      properties: { sharing: { enum: string[] } };
    };
    expect(joinBody.required).toEqual(['code', 'sharing']);
    expect(joinBody.properties.sharing.enum).toEqual(['all', 'shared']);
    expect(Object.keys(teamDoc.paths['/api/history']!.get!.responses)).toContain('401');
    expect(Object.keys(teamDoc.paths['/api/grade']!.post!.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
    expect(Object.keys(teamDoc.paths['/api/health']!.get!.responses)).not.toContain('401');

    const signIn = await teamApp.request(`${origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'ada@school.test', password: 'long enough password' }),
    });
    expect(signIn.status).toBe(200);
    const signed = signedInSchema.parse(await signIn.json());
    const users = await teamApp.request(`${origin}/api/users`, { headers: { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! } });
    expect(
      userSchema
        .array()
        .parse(await users.json())
        .map((u) => u.id),
    ).toEqual([signed.user.id]);
  });
});
