import { randomUUID } from 'node:crypto';
import type { PublicExercise } from '../api/exercises.contract.js';
import type { Exercise, ExerciseKind, ExerciseResult } from '../core/exercises/types.js';
import type { Topic } from '../core/types.js';
import { parseExerciseText } from '../content/exercises.js';
import { LoopCoachError } from '../errors.js';
import { evaluateSubmission, type EvaluatorDeps } from '../evaluators/evaluate.js';
import type { ExerciseAttemptRecord, ExerciseAttemptRepository, UserExerciseRepository } from '../store/exercise.repository.js';

export interface ExerciseFilter {
  kind?: ExerciseKind;
  topic?: Topic;
}

/** Where an exercise comes from: the shipped ones, or the user's own. */
export type ExerciseSource = 'bank' | 'yours';

export type { PublicExercise } from '../api/exercises.contract.js';

export function toPublicExercise(exercise: Exercise): PublicExercise {
  const { wrongAnswers: _wrongAnswers, ...rest } = exercise;
  return rest;
}

/** One saved attempt as History shows it. */
export type ExerciseAttemptView = ExerciseAttemptRecord;

export interface ExerciseServiceDeps extends EvaluatorDeps {
  exercises: Exercise[];
  /** Where checked submissions are saved; without it nothing is saved (the CLI's list and show). */
  attempts?: ExerciseAttemptRepository;
  /** The user's imported exercises; without it only the shipped ones exist. */
  userExercises?: UserExerciseRepository;
  now?: () => Date;
  newId?: () => string;
}

/** Lists, finds and checks hands-on exercises; saves each checked submission; keeps the user's own exercises. */
export class ExerciseService {
  private own = new Map<string, Exercise>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ExerciseServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** A service with the user's saved exercises loaded. */
  static async open(deps: ExerciseServiceDeps): Promise<ExerciseService> {
    const service = new ExerciseService(deps);
    await service.reload();
    return service;
  }

  /** The shipped exercises, then the user's own, filtered by kind and topic. */
  list(filter: ExerciseFilter = {}): Exercise[] {
    return [...this.deps.exercises, ...this.own.values()].filter(
      (e) => (!filter.kind || e.kind === filter.kind) && (!filter.topic || e.topic === filter.topic),
    );
  }

  /** The exercise with this id, or undefined. */
  find(id: string): Exercise | undefined {
    return this.deps.exercises.find((e) => e.id === id) ?? this.own.get(id);
  }

  /** The exercise with this id, or exercise_not_found. */
  get(id: string): Exercise {
    const exercise = this.find(id);
    if (!exercise) throw new LoopCoachError('exercise_not_found', `no exercise with id "${id}"; see \`loopcoach exercise list\``);
    return exercise;
  }

  sourceOf(id: string): ExerciseSource {
    return this.own.has(id) ? 'yours' : 'bank';
  }

  /** Runs the evaluators on a submission; saves nothing. */
  check(exercise: Exercise, submission: string): Promise<ExerciseResult> {
    return evaluateSubmission(exercise, submission, this.deps);
  }

  /** Checks a submission and saves it, with its result, as an attempt (inside an interview when a session id is given). */
  async attempt(exercise: Exercise, submission: string, sessionId: string | null = null): Promise<ExerciseResult> {
    const result = await this.check(exercise, submission);
    await this.record(exercise, submission, result, sessionId);
    return result;
  }

  /** Saves a submission already checked, with its result, as an attempt. */
  async record(exercise: Exercise, submission: string, result: ExerciseResult, sessionId: string | null = null): Promise<void> {
    await this.deps.attempts?.save({
      id: this.newId(),
      exerciseId: exercise.id,
      kind: exercise.kind,
      topic: exercise.topic,
      prompt: exercise.prompt,
      submission,
      result,
      sessionId,
      checkedAt: this.now().toISOString(),
    });
  }

  /** Every saved attempt, newest first. */
  async attempts(): Promise<ExerciseAttemptView[]> {
    return [...((await this.deps.attempts?.listAll()) ?? [])].reverse();
  }

  /** The attempts made inside one interview session, oldest first. */
  async attemptsInSession(sessionId: string): Promise<ExerciseAttemptView[]> {
    return (await this.deps.attempts?.listBySession(sessionId)) ?? [];
  }

  /** The ids of exercises whose latest attempt passed. */
  async passedIds(): Promise<Set<string>> {
    const latest = new Map<string, boolean>();
    for (const a of (await this.deps.attempts?.listAll()) ?? []) latest.set(a.exerciseId, a.result.passed);
    return new Set([...latest].filter(([, passed]) => passed).map(([id]) => id));
  }

  /** The user's own exercises, oldest first. */
  yours(): Exercise[] {
    return [...this.own.values()];
  }

  /** Imports one exercise file (YAML or JSON); its id replaces the user's exercise of that id; a shipped id is refused. */
  async importExercise(text: string): Promise<Exercise> {
    const repository = this.requireUserExercises();
    const exercise = parseExerciseText(text, 'the exercise');
    if (this.deps.exercises.some((e) => e.id === exercise.id))
      throw new LoopCoachError('exercise_invalid', `the id "${exercise.id}" belongs to a shipped exercise: give yours another id`);
    const at = this.now().toISOString();
    const existing = (await repository.list()).find((r) => r.id === exercise.id);
    await repository.save({ id: exercise.id, source: text, exercise, createdAt: existing?.createdAt ?? at, updatedAt: at });
    await this.reload();
    return exercise;
  }

  /** Removes one of the user's exercises; exercise_not_found when there is none with that id. */
  async remove(id: string): Promise<void> {
    if (this.deps.exercises.some((e) => e.id === id)) throw new LoopCoachError('invalid_input', `"${id}" is a shipped exercise, not one of yours`);
    if (!(await this.requireUserExercises().delete(id))) throw new LoopCoachError('exercise_not_found', `you have no exercise with id "${id}"`);
    await this.reload();
  }

  private requireUserExercises(): UserExerciseRepository {
    if (!this.deps.userExercises) throw new LoopCoachError('invalid_input', 'your own exercises need a database');
    return this.deps.userExercises;
  }

  private async reload(): Promise<void> {
    const records = (await this.deps.userExercises?.list()) ?? [];
    this.own = new Map(records.map((r) => [r.id, r.exercise]));
  }
}
