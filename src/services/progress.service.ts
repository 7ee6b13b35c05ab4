import type { PracticeSuggestion, ProgressView } from '../api/progress.contract.js';
import type { Coach } from '../coach.js';
import { buildProgress } from '../core/session/progress.js';
import type { Exercise } from '../core/exercises/types.js';
import { suggestAnyPractice } from '../core/session/suggestion.js';
import type { AttemptRecord } from '../store/attempt.repository.js';
import { deliveryMeasures, deliveryTrend, type DeliveryTrend } from '../core/delivery/trend.js';
import { cameraMeasures, cameraTrend, type CameraTrend } from '../core/camera/trend.js';
import type { ExerciseAttemptRecord, ExerciseAttemptRepository } from '../store/exercise.repository.js';
import type { SessionService } from './session.service.js';

export type { PracticeSuggestion, ProgressView, QuestionComparisonView } from '../api/progress.contract.js';

export interface ProgressServiceDeps {
  /** The one source of what was answered and how it scored (interviews, follow-ups, questions practised alone). */
  answers: Pick<SessionService, 'answeredAttempts'>;
  coach: Pick<Coach, 'findQuestion' | 'questions'>;
  /** Exercise attempts and the exercises that still exist; progress and re-practice include them when given. */
  exerciseAttempts?: ExerciseAttemptRepository;
  findExercise?: (id: string) => Exercise | undefined;
  now?: () => Date;
}

/** Progress per topic and habit over time, repeated questions side by side, exercises, and streaks. */
export class ProgressService {
  constructor(private readonly deps: ProgressServiceDeps) {}

  /**
   * Progress over every answer: topic scores from main answers whose question is known (bank,
   * the user's own, or written for a session from a job posting or résumé) and from exercise
   * attempts; habits and streaks from every answer, follow-ups included; each repeated question
   * with its prompt, gains and losses.
   */
  async progress(): Promise<ProgressView> {
    const attempts = (await this.deps.answers.answeredAttempts()).map((a) => ({ ...a, isFollowUp: a.parentAttemptId !== null }));
    const exerciseAttempts = await this.exerciseAttempts();
    const progress = buildProgress(
      attempts,
      this.today(),
      exerciseAttempts.map((e) => ({ exerciseId: e.exerciseId, topic: e.topic, score: e.result.score, passed: e.result.passed, checkedAt: e.checkedAt })),
    );
    // Each repeated question's delivery, one entry per attempt in the comparison's order (main answers only, as compared).
    const mains = attempts.filter((a) => !a.isFollowUp);
    const questions = progress.questions.map((q) => ({
      ...q,
      delivery: mains.filter((a) => a.questionId === q.questionId).map((a) => (a.spoken ? deliveryMeasures(a.spoken.delivery) : null)),
      camera: mains.filter((a) => a.questionId === q.questionId).map((a) => (a.spoken?.camera ? cameraMeasures(a.spoken.camera) : null)),
    }));
    const exercises = progress.exercises.map((e) => {
      const last = exerciseAttempts.filter((a) => a.exerciseId === e.exerciseId).at(-1)!;
      return { ...e, prompt: this.deps.findExercise?.(e.exerciseId)?.prompt ?? last.prompt, kind: last.kind };
    });
    return { ...progress, questions, exercises, delivery: spokenTrend(attempts), camera: onCameraTrend(attempts) };
  }

  /** Today's suggestion from spaced re-practice (questions and exercises), with what to show; null when nothing is due. */
  async suggestion(): Promise<PracticeSuggestion | null> {
    const attempts = (await this.deps.answers.answeredAttempts()).filter((a) => a.parentAttemptId === null);
    // Entry-level questions first, so a newcomer's first suggestion is one to start with.
    const ordered = [...this.deps.coach.questions].sort((a, b) => Number(!a.levels.includes('entry')) - Number(!b.levels.includes('entry')));
    const exerciseAttempts = (await this.exerciseAttempts()).map((e) => ({
      exerciseId: e.exerciseId,
      passed: e.result.passed,
      score: e.result.score,
      checkedAt: e.checkedAt,
    }));
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
  return deliveryTrend(
    attempts.flatMap((a) => (a.spoken ? [{ attemptId: a.id, questionId: a.questionId, answeredAt: a.answeredAt, delivery: a.spoken.delivery }] : [])),
  );
}

/** Every spoken answer recorded on camera (follow-ups included) over time. */
function onCameraTrend(attempts: AttemptRecord[]): CameraTrend {
  return cameraTrend(
    attempts.flatMap((a) => (a.spoken?.camera ? [{ attemptId: a.id, questionId: a.questionId, answeredAt: a.answeredAt, camera: a.spoken.camera }] : [])),
  );
}
