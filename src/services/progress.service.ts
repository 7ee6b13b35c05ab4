import type { PracticeSuggestion, ProgressView, QuestionComparisonView } from '../api/progress.contract.js';
import type { Coach } from '../coach.js';
import { buildProgress, type ProgressAttempt } from '../core/session/progress.js';
import type { Exercise } from '../core/exercises/types.js';
import { suggestAnyPractice } from '../core/session/suggestion.js';
import type { AttemptRecord, AttemptRepository } from '../store/attempt.repository.js';
import { deliveryMeasures, deliveryTrend, type DeliveryTrend } from '../core/delivery/trend.js';
import type { ExerciseAttemptRecord, ExerciseAttemptRepository } from '../store/exercise.repository.js';

export type { PracticeSuggestion, ProgressView, QuestionComparisonView } from '../api/progress.contract.js';

export interface ProgressServiceDeps {
  attempts: AttemptRepository;
  coach: Pick<Coach, 'findQuestion' | 'questions'>;
  /** Exercise attempts and the exercises that still exist; progress and re-practice include them when given. */
  exerciseAttempts?: ExerciseAttemptRepository;
  findExercise?: (id: string) => Exercise | undefined;
  now?: () => Date;
}

/** The losses between a question's first and latest attempts (the core's comparison lists the gains). */
function losses(attempts: readonly ProgressAttempt[]): Pick<QuestionComparisonView, 'lost' | 'habitsAdded'> {
  const first = attempts[0]!.feedback;
  const latest = attempts.at(-1)!.feedback;
  const coveredLatest = new Set(latest.rubric.filter((r) => r.covered).map((r) => r.point));
  const firstCodes = new Set(first.findings.map((f) => f.code));
  return {
    lost: first.rubric.filter((r) => r.covered && !coveredLatest.has(r.point)).map((r) => r.point),
    habitsAdded: [...new Set(latest.findings.map((f) => f.code))].filter((c) => !firstCodes.has(c)),
  };
}

/** Progress per topic and habit over time, repeated questions side by side, and streaks. */
export class ProgressService {
  constructor(private readonly deps: ProgressServiceDeps) {}

  /** Progress over every main-question attempt whose question is still in the bank; each repeated question with its prompt, gains and losses. */
  async progress(): Promise<ProgressView> {
    const attempts = (await this.deps.attempts.listAll()).filter((a) => a.parentAttemptId === null);
    const known = attempts.flatMap((a) => {
      const topic = this.deps.coach.findQuestion(a.questionId)?.topic;
      return topic ? [{ ...a, topic }] : [];
    });
    const exerciseAttempts = await this.exerciseAttempts();
    const progress = buildProgress(known, this.today(), exerciseAttempts.map((e) => ({ exerciseId: e.exerciseId, topic: e.topic, score: e.result.score, passed: e.result.passed, checkedAt: e.checkedAt })));
    const questions = progress.questions.map((q) => ({
      ...q,
      prompt: this.deps.coach.findQuestion(q.questionId)?.prompt ?? q.questionId,
      ...losses(known.filter((a) => a.questionId === q.questionId)),
      delivery: known.filter((a) => a.questionId === q.questionId).map((a) => (a.spoken ? deliveryMeasures(a.spoken.delivery) : null)),
    }));
    const exercises = progress.exercises.map((e) => {
      const last = exerciseAttempts.filter((a) => a.exerciseId === e.exerciseId).at(-1)!;
      return { ...e, prompt: this.deps.findExercise?.(e.exerciseId)?.prompt ?? last.prompt, kind: last.kind };
    });
    return { ...progress, questions, exercises, delivery: spokenTrend(await this.deps.attempts.listAll()) };
  }

  /** Today's suggestion from spaced re-practice (questions and exercises), with what to show; null when nothing is due. */
  async suggestion(): Promise<PracticeSuggestion | null> {
    const attempts = (await this.deps.attempts.listAll()).filter((a) => a.parentAttemptId === null);
    // Entry-level questions first, so a newcomer's first suggestion is one to start with.
    const ordered = [...this.deps.coach.questions].sort((a, b) => Number(!a.levels.includes('entry')) - Number(!b.levels.includes('entry')));
    const exerciseAttempts = (await this.exerciseAttempts()).map((e) => ({ exerciseId: e.exerciseId, passed: e.result.passed, score: e.result.score, checkedAt: e.checkedAt }));
    const known = new Set(exerciseAttempts.map((e) => e.exerciseId).filter((id) => this.deps.findExercise?.(id)));
    const suggestion = suggestAnyPractice(attempts, ordered, exerciseAttempts, known, this.today());
    if (suggestion && 'exerciseId' in suggestion) {
      const exercise = this.deps.findExercise?.(suggestion.exerciseId);
      return exercise ? { exerciseId: exercise.id, prompt: exercise.prompt, topic: exercise.topic, reason: suggestion.reason } : null;
    }
    const question = suggestion ? this.deps.coach.findQuestion(suggestion.questionId) : undefined;
    return suggestion && question ? { ...suggestion, prompt: question.prompt, topic: question.topic } : null;
  }

  private async exerciseAttempts(): Promise<ExerciseAttemptRecord[]> {
    return (await this.deps.exerciseAttempts?.listAll()) ?? [];
  }

  private today(): string {
    return (this.deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  }
}

/** Every spoken answer (follow-ups included: they are spoken too) over time. */
function spokenTrend(attempts: AttemptRecord[]): DeliveryTrend {
  return deliveryTrend(attempts.flatMap((a) => (a.spoken ? [{ attemptId: a.id, questionId: a.questionId, answeredAt: a.answeredAt, delivery: a.spoken.delivery }] : [])));
}
