import type { Coach } from '../coach.js';
import type { Store } from '../store/open-store.js';
import { ProgressService } from './progress.service.js';
import { QuestionCatalogue } from './question-catalogue.js';
import { RecordingService } from './recording.service.js';
import { SessionService } from './session.service.js';
import { TailorService } from './tailor.service.js';
import { loadCfnSpec } from '../content/cfn-spec.js';
import { loadExercises } from '../content/exercises.js';
import { ExerciseService } from './exercise.service.js';
import { AccountService, type AccountParameters } from './account.service.js';
import { argon2idHasher } from '../store/password-hasher.js';
import { hashToken, newToken } from '../store/tokens.js';

/** Every service over one coach and one store. */
export interface Services {
  /** The bank plus the user's own questions. */
  catalogue: QuestionCatalogue;
  sessions: SessionService;
  progress: ProgressService;
  tailor: TailorService;
  /** Kept audio of spoken answers and the keep-recordings setting. */
  recordings: RecordingService;
  /** The shipped exercises plus the user's own; every checked submission is saved. */
  exercises: ExerciseService;
}

/**
 * The one composition root: the CLI's commands and the server's routes get their services here,
 * so both see the same questions (the bank and the user's own) over the same store. A shared
 * (team) server composes with allowCodeRun: false, so candidate code never runs on it.
 */
export async function composeServices({ coach, store, allowCodeRun = true }: { coach: Coach; store: Store; allowCodeRun?: boolean }): Promise<Services> {
  const catalogue = await QuestionCatalogue.open({ coach, userQuestions: store.userQuestions });
  const exercises = await openExerciseService(store, { allowCodeRun });
  const sessions = new SessionService({ sessions: store.sessions, attempts: store.attempts, coach: catalogue, exercises });
  const progress = new ProgressService({
    answers: sessions,
    coach: catalogue,
    exerciseAttempts: store.exerciseAttempts,
    findExercise: (id) => exercises.find(id),
  });
  const tailor = new TailorService({ coach, documents: store.documents, sessions, findQuestion: (id) => catalogue.findQuestion(id) });
  const recordings = new RecordingService({ attempts: store.attempts, recordings: store.recordings, settings: store.settings });
  return { catalogue, sessions, progress, tailor, exercises, recordings };
}

/**
 * The hands-on exercises over the shipped files alone, with no database (nothing saved). Candidate code runs only in single-user mode;
 * a shared (team) server composes its exercises with allowCodeRun: false.
 */
export function composeExerciseService({ allowCodeRun = true }: { allowCodeRun?: boolean } = {}): ExerciseService {
  return new ExerciseService({ exercises: loadExercises(), loadSpec: loadCfnSpec, allowCodeRun });
}

/**
 * The hands-on exercises over the shipped files and the user's own, saving every checked
 * submission in the store (a team user's store scope keeps them theirs).
 */
export function openExerciseService(
  store: Pick<Store, 'exerciseAttempts' | 'userExercises'>,
  { allowCodeRun = true }: { allowCodeRun?: boolean } = {},
): Promise<ExerciseService> {
  return ExerciseService.open({
    exercises: loadExercises(),
    loadSpec: loadCfnSpec,
    allowCodeRun,
    attempts: store.exerciseAttempts,
    userExercises: store.userExercises,
  });
}

/** Accounts and sign-in over the store's team tables (argon2id passwords, hashed session tokens). */
export function composeAccountService(store: Store, params?: AccountParameters): AccountService {
  return new AccountService({
    team: store.team,
    storeFor: (userId) => store.forUser(userId),
    hasher: argon2idHasher(),
    tokens: { newToken: () => newToken(), hashToken },
    ...(params ? { params } : {}),
  });
}
