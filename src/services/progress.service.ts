import type { Coach } from '../coach.js';
import { buildProgress, type Progress } from '../core/session/progress.js';
import { suggestPractice } from '../core/session/suggestion.js';
import type { AttemptRepository } from '../store/attempt.repository.js';

export interface ProgressServiceDeps {
  attempts: AttemptRepository;
  coach: Pick<Coach, 'findQuestion' | 'questions'>;
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
    return buildProgress(known, this.today());
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
