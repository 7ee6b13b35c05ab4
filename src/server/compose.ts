import type { Context } from 'hono';
import type { Hono } from 'hono';
import type { Coach } from '../coach.js';
import { loadCfnSpec } from '../content/cfn-spec.js';
import { loadExercises } from '../content/exercises.js';
import { ExerciseService } from '../services/exercise.service.js';
import { ProgressService } from '../services/progress.service.js';
import { QuestionCatalogue } from '../services/question-catalogue.js';
import { SessionService } from '../services/session.service.js';
import { TailorService } from '../services/tailor.service.js';
import type { Store } from '../store/open-store.js';
import { createApp } from './app.js';

export interface ServerParts {
  coach: Coach;
  store: Store;
  /** Serves the built web app for every non-API path, when given. */
  staticHandler?: (c: Context, next: () => Promise<void>) => Promise<Response | void>;
}

/**
 * The one place the server's services are wired to the store and the coach; `loopcoach serve`
 * and the browser tests both start the app through it, so they cannot drift apart.
 */
export async function composeServerApp({ coach, store, staticHandler }: ServerParts): Promise<Hono> {
  const catalogue = await QuestionCatalogue.open({ coach, userQuestions: store.userQuestions });
  const sessions = new SessionService({ sessions: store.sessions, attempts: store.attempts, coach: catalogue });
  const progress = new ProgressService({ attempts: store.attempts, coach: catalogue });
  const tailor = new TailorService({ coach, documents: store.documents, attempts: store.attempts, sessions, findQuestion: (id) => catalogue.findQuestion(id) });
  // Single-user mode is the only mode today; a shared (team) server must pass allowCodeRun: false.
  const exercises = new ExerciseService({ exercises: loadExercises(), loadSpec: loadCfnSpec, allowCodeRun: true });
  return createApp({ coach, catalogue, sessions, progress, tailor, exercises, ...(staticHandler ? { staticHandler } : {}) });
}
