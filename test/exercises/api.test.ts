// /api/exercises through the app: list, show, check, the user's own exercise, and bad input in the error shape.
import { describe, expect, it } from 'vitest';
import { loadCfnSpec } from '../../src/content/cfn-spec.js';
import { loadExercises } from '../../src/content/exercises.js';
import { createCoach } from '../../src/index.js';
import { createApp } from '../../src/server/app.js';
import { ExerciseService } from '../../src/services/exercise.service.js';

const exercises = loadExercises();
const app = createApp({ coach: await createCoach({ questionDir: null }), exercises: new ExerciseService({ exercises, loadSpec: loadCfnSpec }) });
const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const iam = exercises.find((e) => e.id === 'iam-dynamodb-one-table')!;

describe('exercise API', () => {
  it('lists exercises, filtered by kind, without the wrong answers', async () => {
    const res = await app.request('/api/exercises?kind=iam-policy');
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.every((e) => e.kind === 'iam-policy' && !('wrongAnswers' in e))).toBe(true);
  });

  it('shows one exercise and says 404 for an unknown id', async () => {
    expect(((await (await app.request('/api/exercises/vpc-bastion-ssh')).json()) as { starter: string }).starter).toContain('Bastion');
    const missing = await app.request('/api/exercises/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'exercise_not_found', message: expect.stringContaining('nope') } });
  });

  it('checks a submission: the solution passes, the starter fails with per-check messages', async () => {
    const pass = (await (await post(`/api/exercises/${iam.id}/check`, { submission: iam.solution })).json()) as { passed: boolean; score: number };
    expect(pass).toMatchObject({ passed: true, score: 100 });
    const fail = (await (await post(`/api/exercises/${iam.id}/check`, { submission: iam.starter })).json()) as {
      passed: boolean;
      checks: Array<{ check: string; passed: boolean; message: string; line?: number }>;
    };
    expect(fail.passed).toBe(false);
    const leastPrivilege = fail.checks.find((c) => c.check === 'least-privilege')!;
    expect(leastPrivilege).toMatchObject({ passed: false, line: 4 });
    expect(leastPrivilege.message).toContain('dynamodb:*');
  });

  it('checks against the user own exercise file', async () => {
    const own = `id: my-exercise\nkind: iam-policy\ntopic: networking-security\nlevels: [entry]\nprompt: Read one object\nstarter: "{}"\nchecks:\n  - allow: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }\nsolution: x\nexplanation: y\n`;
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] });
    const res = await post('/api/exercises/check', { exercise: own, submission: policy });
    expect(await res.json()).toMatchObject({ passed: true, score: 100 });
    expect(await (await post('/api/exercises/validate', { exercise: own })).json()).toMatchObject({ id: 'my-exercise', kind: 'iam-policy', starter: '{}' });
    const bad = await post('/api/exercises/check', { exercise: 'id: [', submission: policy });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('exercise_invalid');
  });

  it('refuses submissions over 100 KB with 413, and malformed bodies with 400', async () => {
    const big = await post(`/api/exercises/${iam.id}/check`, { submission: 'x'.repeat(100 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('submission_too_large');
    const malformed = await post(`/api/exercises/${iam.id}/check`, '{"submission":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    const wrongField = await post(`/api/exercises/${iam.id}/check`, { answer: 'x' });
    expect(wrongField.status).toBe(400);
  });
});
