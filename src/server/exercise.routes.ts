import type { Hono } from 'hono';
import { checkOwnExerciseBodySchema, checkSubmissionBodySchema, exerciseListQuerySchema, validateExerciseBodySchema } from '../api/exercises.contract.js';
import { MAX_SUBMISSION_CHARS } from '../content/exercise.schema.js';
import { parseExerciseText } from '../content/exercises.js';
import type { Exercise } from '../core/exercises/types.js';
import { LoopCoachError } from '../errors.js';
import { toPublicExercise, type ExerciseService } from '../services/exercise.service.js';
import { parseJsonBody, parseWith } from './validate.js';

export function checkSubmissionSize(submission: string): void {
  if (submission.length > MAX_SUBMISSION_CHARS)
    throw new LoopCoachError('submission_too_large', `the submission has ${submission.length} characters; the limit is ${MAX_SUBMISSION_CHARS} (100 KB)`);
}

/** Hands-on exercises: list, show, check a submission (saved as an attempt), the saved attempts, and the user's own exercises. */
export function registerExerciseRoutes(app: Hono, exercises: ExerciseService): void {
  const shown = (e: Exercise) => ({ ...toPublicExercise(e), source: exercises.sourceOf(e.id) });
  app.get('/api/exercises', (c) => c.json(exercises.list(parseWith(exerciseListQuerySchema, c.req.query())).map(shown)));

  app.get('/api/exercises/:id', (c) => c.json(shown(exercises.get(c.req.param('id')))));

  app.get('/api/exercise-attempts', async (c) => c.json(await exercises.attempts()));

  app.get('/api/my-exercises', (c) => c.json(exercises.yours().map(shown)));

  app.post('/api/my-exercises', async (c) => {
    const { exercise } = await parseJsonBody(c, validateExerciseBodySchema);
    return c.json(shown(await exercises.importExercise(exercise)), 201);
  });

  app.delete('/api/my-exercises/:id', async (c) => {
    await exercises.remove(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') });
  });

  app.post('/api/exercises/validate', async (c) => {
    const { exercise } = await parseJsonBody(c, validateExerciseBodySchema);
    return c.json(toPublicExercise(parseExerciseText(exercise, 'the exercise')));
  });

  app.post('/api/exercises/check', async (c) => {
    const body = await parseJsonBody(c, checkOwnExerciseBodySchema);
    checkSubmissionSize(body.submission);
    return c.json(await exercises.attempt(parseExerciseText(body.exercise, 'the exercise'), body.submission));
  });

  app.post('/api/exercises/:id/check', async (c) => {
    const exercise = exercises.get(c.req.param('id'));
    const { submission } = await parseJsonBody(c, checkSubmissionBodySchema);
    checkSubmissionSize(submission);
    return c.json(await exercises.attempt(exercise, submission));
  });
}
