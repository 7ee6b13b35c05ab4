import type { PublicExercise } from '../api/exercises.contract.js';
import type { Exercise, ExerciseKind, ExerciseResult } from '../core/exercises/types.js';
import type { Topic } from '../core/types.js';
import { LoopCoachError } from '../errors.js';
import { evaluateSubmission, type EvaluatorDeps } from '../evaluators/evaluate.js';

export interface ExerciseFilter {
  kind?: ExerciseKind;
  topic?: Topic;
}

export type { PublicExercise } from '../api/exercises.contract.js';

export function toPublicExercise(exercise: Exercise): PublicExercise {
  const { wrongAnswers: _wrongAnswers, ...rest } = exercise;
  return rest;
}

/** Lists, finds and checks hands-on exercises. */
export class ExerciseService {
  constructor(private readonly deps: { exercises: Exercise[] } & EvaluatorDeps) {}

  list(filter: ExerciseFilter = {}): Exercise[] {
    return this.deps.exercises.filter((e) => (!filter.kind || e.kind === filter.kind) && (!filter.topic || e.topic === filter.topic));
  }

  /** The exercise with this id, or exercise_not_found. */
  get(id: string): Exercise {
    const exercise = this.deps.exercises.find((e) => e.id === id);
    if (!exercise) throw new LoopCoachError('exercise_not_found', `no exercise with id "${id}"; see \`loopcoach exercise list\``);
    return exercise;
  }

  check(exercise: Exercise, submission: string): Promise<ExerciseResult> {
    return evaluateSubmission(exercise, submission, this.deps);
  }
}
