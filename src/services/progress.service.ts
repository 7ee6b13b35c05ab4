import type { Coach } from '../coach.js';
import { buildProgress, type Progress, type ProgressAttempt, type QuestionComparison } from '../core/session/progress.js';
import type { FindingCode } from '../core/types.js';
import { suggestPractice } from '../core/session/suggestion.js';
import type { AttemptRecord, AttemptRepository } from '../store/attempt.repository.js';
import { deliveryMeasures, deliveryTrend, type DeliveryMeasures, type DeliveryTrend } from '../core/delivery/trend.js';

export interface ProgressServiceDeps {
  attempts: AttemptRepository;
  coach: Pick<Coach, 'findQuestion' | 'questions'>;
  now?: () => Date;
}

/** A repeated question with its prompt, and what the latest attempt lost against the first as well as what it gained. */
export interface QuestionComparisonView extends QuestionComparison {
  prompt: string;
  /** Rubric points covered in the first attempt but not the latest. */
  lost: string[];
  /** Findings raised in the latest attempt that the first did not have. */
  habitsAdded: FindingCode[];
  /** Each attempt's delivery, in the order of `attempts`; null for an answer that was typed. */
  delivery: Array<DeliveryMeasures | null>;
}

export interface ProgressView extends Progress {
  questions: QuestionComparisonView[];
  /** Words per minute, fillers per minute and long pauses of every spoken answer over time. */
  delivery: DeliveryTrend;
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
    const progress = buildProgress(known, this.today());
    const questions = progress.questions.map((q) => ({
      ...q,
      prompt: this.deps.coach.findQuestion(q.questionId)?.prompt ?? q.questionId,
      ...losses(known.filter((a) => a.questionId === q.questionId)),
      delivery: known.filter((a) => a.questionId === q.questionId).map((a) => (a.spoken ? deliveryMeasures(a.spoken.delivery) : null)),
    }));
    return { ...progress, questions, delivery: spokenTrend(await this.deps.attempts.listAll()) };
  }

  /** Today's suggestion from spaced re-practice, with the question to show; null when nothing is due. */
  async suggestion(): Promise<{ questionId: string; prompt: string; topic: string; reason: string } | null> {
    const attempts = (await this.deps.attempts.listAll()).filter((a) => a.parentAttemptId === null);
    // Entry-level questions first, so a newcomer's first suggestion is one to start with.
    const ordered = [...this.deps.coach.questions].sort((a, b) => Number(!a.levels.includes('entry')) - Number(!b.levels.includes('entry')));
    const suggestion = suggestPractice(attempts, ordered, this.today());
    const question = suggestion ? this.deps.coach.findQuestion(suggestion.questionId) : undefined;
    return suggestion && question ? { ...suggestion, prompt: question.prompt, topic: question.topic } : null;
  }

  private today(): string {
    return (this.deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  }
}

/** Every spoken answer (follow-ups included: they are spoken too) over time. */
function spokenTrend(attempts: AttemptRecord[]): DeliveryTrend {
  return deliveryTrend(attempts.flatMap((a) => (a.spoken ? [{ attemptId: a.id, questionId: a.questionId, answeredAt: a.answeredAt, delivery: a.spoken.delivery }] : [])));
}
