// Exercise attempts through the API on a real SQLite file, over the one composition root:
// saved with their submission and results, listed in History, counted in progress, offered
// again for re-practice when they failed, included in mock interviews, and the user's own exercises.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from '../../e2e/fixtures.js';
import { createCoach } from '../../src/coach.js';
import { loadExercises } from '../../src/content/exercises.js';
import { composeServerApp } from '../../src/server/compose.js';
import { openExerciseService } from '../../src/services/compose.js';
import { SessionService } from '../../src/services/session.service.js';
import { ProgressService } from '../../src/services/progress.service.js';
import { openStore, type Store } from '../../src/store/open-store.js';

const sqs = loadExercises().find((e) => e.id === 'iam-sqs-consumer')!;
const wrong = sqs.wrongAnswers![0]!.submission;

let app: Awaited<ReturnType<typeof composeServerApp>>;
let store: Store;

beforeAll(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'loopcoach-exercise-attempts-')), 'test.db'));
  app = await composeServerApp({ coach: await createCoach({ questionDir: writeQuestionBank() }), store });
});

afterAll(() => store?.close());

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const get = async (path: string) => (await app.request(path)).json();

const OWN = `id: my-queue
kind: cloudformation
topic: architecture-devops
levels: [entry, mid]
prompt: Declare one SQS queue with a 60-second visibility timeout
starter: "Resources: {}"
checks:
  - valid-template: true
  - resource: { type: AWS::SQS::Queue, count: 1 }
  - property: { type: AWS::SQS::Queue, path: VisibilityTimeout, equals: 60 }
solution: |
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties:
        VisibilityTimeout: 60
explanation: One queue; the timeout outlasts the work.
`;

describe('exercise attempts', () => {
  it('saves each checked submission with its result and lists them in History, newest first', async () => {
    const failed = await post(`/api/exercises/${sqs.id}/check`, { submission: wrong });
    expect(failed.status).toBe(200);
    const result = await failed.json();
    expect(Object.keys(result).sort()).toEqual(['checks', 'passed', 'score']);
    expect(result.passed).toBe(false);
    const passed = await (await post(`/api/exercises/${sqs.id}/check`, { submission: sqs.solution })).json();
    expect(passed.passed).toBe(true);

    const attempts = await get('/api/exercise-attempts');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({
      exerciseId: sqs.id,
      kind: 'iam-policy',
      topic: sqs.topic,
      submission: sqs.solution,
      sessionId: null,
      result: { passed: true, score: 100 },
    });
    expect(attempts[1].submission).toBe(wrong);
    expect(attempts[1].result.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { check: string }) => c.check)).toEqual([
      'deny sqs:SendMessage on arn:aws:sqs:us-east-1:111122223333:orders',
      'deny sqs:PurgeQueue on arn:aws:sqs:us-east-1:111122223333:orders',
      'least-privilege',
    ]);
  });

  it('does not save a refused submission', async () => {
    const tooLarge = await post(`/api/exercises/${sqs.id}/check`, { submission: 'x'.repeat(100 * 1024 + 1) });
    expect(tooLarge.status).toBe(413);
    expect(await get('/api/exercise-attempts')).toHaveLength(2);
  });

  it('counts exercise results in progress per topic and lists each exercise attempted', async () => {
    const progress = await get('/api/progress');
    const today = new Date().toISOString().slice(0, 10);
    expect(progress.topics[sqs.topic]).toEqual([{ date: today, score: Math.round((passedShare(wrong) + 100) / 2) }]);
    expect(progress.exercises).toEqual([
      {
        exerciseId: sqs.id,
        prompt: sqs.prompt,
        kind: 'iam-policy',
        passed: true,
        attempts: [
          { date: today, score: expect.any(Number), passed: false },
          { date: today, score: 100, passed: true },
        ],
      },
    ]);
    expect(progress.streak.daysPractised).toBe(1);
  });

  it("imports the user's own exercise, lists it with the shipped ones, checks and saves attempts at it, deletes it", async () => {
    const imported = await post('/api/my-exercises', { exercise: OWN });
    expect(imported.status).toBe(201);
    expect(await imported.json()).toMatchObject({ id: 'my-queue', source: 'yours' });
    expect((await get('/api/my-exercises')).map((e: { id: string }) => e.id)).toEqual(['my-queue']);
    expect((await get('/api/exercises?kind=cloudformation')).find((e: { id: string }) => e.id === 'my-queue')).toMatchObject({ source: 'yours' });
    expect(await get('/api/exercises/my-queue')).toMatchObject({ prompt: 'Declare one SQS queue with a 60-second visibility timeout', source: 'yours' });

    const checked = await (
      await post('/api/exercises/my-queue/check', {
        submission: 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n',
      })
    ).json();
    expect(checked.checks.map((c: { passed: boolean }) => c.passed)).toEqual([true, true, false]);
    expect(checked.checks[2]).toMatchObject({ message: 'VisibilityTimeout of Jobs (AWS::SQS::Queue) is 30, expected 60', line: 5 });
    expect((await get('/api/exercise-attempts'))[0]).toMatchObject({ exerciseId: 'my-queue', result: { passed: false } });

    const shippedId = await post('/api/my-exercises', { exercise: OWN.replace('id: my-queue', `id: ${sqs.id}`) });
    expect(shippedId.status).toBe(400);
    expect((await shippedId.json()).error).toMatchObject({ code: 'exercise_invalid' });
    const broken = await post('/api/my-exercises', { exercise: OWN.replace('kind: cloudformation', 'kind: terraform') });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/^the exercise: kind/);

    const deleted = await app.request('/api/my-exercises/my-queue', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await app.request('/api/exercises/my-queue')).status).toBe(404);
    expect((await app.request('/api/my-exercises/my-queue', { method: 'DELETE' })).status).toBe(404);
    expect((await app.request(`/api/my-exercises/${sqs.id}`, { method: 'DELETE' })).status).toBe(400);
    // The attempt at the deleted exercise stays in History.
    expect((await get('/api/exercise-attempts'))[0]).toMatchObject({
      exerciseId: 'my-queue',
      prompt: 'Declare one SQS queue with a 60-second visibility timeout',
    });
  });
});

describe('mock interviews with a hands-on exercise', () => {
  it('includes one exercise of a kind the role writes, at the level; checks and saves it with the session; the report data has the result', async () => {
    const start = await post('/api/sessions', { role: 'cloud-devops-engineer', level: 'entry', count: 1, seed: 'fixed', exercise: true });
    expect(start.status).toBe(201);
    const { session } = await start.json();
    const exercise = loadExercises().find((e) => e.id === session.plan.exerciseId)!;
    expect(['cloudformation', 'iam-policy', 'vpc-reachability']).toContain(exercise.kind);
    expect(exercise.levels).toContain('entry');

    const before = await get(`/api/sessions/${session.id}`);
    expect(before.exercise).toMatchObject({ exercise: { id: exercise.id, prompt: exercise.prompt }, attempts: [] });
    expect(before.exercise.exercise.wrongAnswers).toBeUndefined();

    const result = await (await post(`/api/sessions/${session.id}/exercise`, { submission: exercise.solution })).json();
    expect(result.passed).toBe(true);
    const after = await get(`/api/sessions/${session.id}`);
    expect(after.exercise.attempts).toEqual([
      expect.objectContaining({ exerciseId: exercise.id, sessionId: session.id, submission: exercise.solution, result }),
    ]);
    expect((await get('/api/exercise-attempts'))[0]).toMatchObject({ sessionId: session.id });
  });

  it('plans no exercise unless asked, and refuses a check for an interview without one', async () => {
    const { session } = await (await post('/api/sessions', { role: 'sre', level: 'entry', count: 1, seed: 'fixed' })).json();
    expect(session.plan.exerciseId).toBeUndefined();
    expect((await get(`/api/sessions/${session.id}`)).exercise).toBeUndefined();
    const refused = await post(`/api/sessions/${session.id}/exercise`, { submission: '{}' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toBe(`session "${session.id}" includes no hands-on exercise`);
    expect((await post('/api/sessions/nope/exercise', { submission: '{}' })).status).toBe(404);
  });

  it.each([
    ['sre', ['vpc-reachability', 'cloudformation']],
    ['backend-developer', ['lambda-python', 'iam-policy']],
  ])('a %s interview gets an exercise of a kind that role writes', async (role, kinds) => {
    for (const seed of ['a', 'b', 'c']) {
      const { session } = await (await post('/api/sessions', { role, level: 'mid', count: 1, seed, exercise: true })).json();
      expect(kinds).toContain(loadExercises().find((e) => e.id === session.plan.exerciseId)?.kind);
    }
  });
});

describe('spaced re-practice of exercises', () => {
  it('brings a failed exercise back the next day, before questions, and a passed one only after three weeks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-exercise-due-'));
    const own = await openStore(join(dir, 'due.db'));
    try {
      let now = new Date('2026-11-01T09:00:00Z');
      const coach = await createCoach({ questionDir: writeQuestionBank() });
      const exercises = await openExerciseService(own);
      const clocked = await (
        await import('../../src/services/exercise.service.js')
      ).ExerciseService.open({
        exercises: exercises.list(),
        loadSpec: async () => {
          throw new Error('not needed');
        },
        attempts: own.exerciseAttempts,
        now: () => now,
      });
      const answers = new SessionService({ sessions: own.sessions, attempts: own.attempts, coach });
      const progress = new ProgressService({ answers, coach, exerciseAttempts: own.exerciseAttempts, findExercise: (id) => clocked.find(id), now: () => now });
      await clocked.attempt(sqs, wrong);
      expect(await progress.suggestion()).not.toMatchObject({ exerciseId: sqs.id });
      now = new Date('2026-11-02T09:00:00Z');
      expect(await progress.suggestion()).toEqual({
        exerciseId: sqs.id,
        prompt: sqs.prompt,
        topic: sqs.topic,
        reason: expect.stringMatching(/^This exercise did not pass yesterday \(\d+% of its checks\); try it again now\.$/),
      });
      await clocked.attempt(sqs, sqs.solution);
      now = new Date('2026-11-10T09:00:00Z');
      expect(await progress.suggestion()).not.toMatchObject({ exerciseId: sqs.id });
      now = new Date('2026-11-23T09:00:00Z');
      expect(await progress.suggestion()).toMatchObject({ exerciseId: sqs.id, reason: 'You passed this exercise 21 days ago; doing it again keeps it fresh.' });
    } finally {
      await own.close();
    }
  });
});

/** The share of checks a submission passes, as the evaluator scores it (for the expected topic mean). */
function passedShare(submission: string): number {
  return submission === wrong ? Math.round((100 * (sqs.checks.length - sqs.wrongAnswers![0]!.fails.length)) / sqs.checks.length) : 100;
}
