import type { Coach } from '../coach.js';
import { buildProgress, type Progress } from '../core/session/progress.js';
import type { AttemptRepository } from '../store/attempt.repository.js';

export interface ProgressServiceDeps {
  attempts: AttemptRepository;
  coach: Pick<Coach, 'findQuestion'>;
  now?: () => Date;
}

/** Progress per topic and habit over time, repeated questions side by side, and streaks. */
export class ProgressService {
  constructor(private readonly deps: ProgressServiceDeps) {}

  /** Progress over every main-question attempt whose question is still in the bank. */
  async progress(): Promise<Progress> {
    const attempts = (await this.deps.attempts.listAll()).filter((a) => a.parentAttemptId === null);
    const known = attempts.flatMap((a) => {
      const topic = this.deps.coach.findQuestion(a.questionId)?.topic;
      return topic ? [{ ...a, topic }] : [];
    });
    const today = (this.deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    return buildProgress(known, today);
  }
}
