import type { Coach } from '../coach.js';
import { buildProgress, type Progress } from '../core/session/progress.js';
import { suggestPractice } from '../core/session/suggestion.js';
import type { SessionService } from './session.service.js';

export interface ProgressServiceDeps {
  /** The one source of what was answered and how it scored (interviews, follow-ups, questions practised alone). */
  answers: Pick<SessionService, 'answeredAttempts'>;
  coach: Pick<Coach, 'findQuestion' | 'questions'>;
  now?: () => Date;
}

/** Progress as the API returns it; each repeated question carries its prompt, gains and losses. */
export type ProgressView = Progress;

/** Progress per topic and habit over time, repeated questions side by side, and streaks. */
export class ProgressService {
  constructor(private readonly deps: ProgressServiceDeps) {}

  /**
   * Progress over every answer: topic scores from main answers whose question is known (bank,
   * the user's own, or written for a session from a job posting or résumé); habits and streaks
   * from every answer, follow-ups included; each repeated question with its prompt, gains and losses.
   */
  async progress(): Promise<ProgressView> {
    const attempts = (await this.deps.answers.answeredAttempts()).map((a) => ({ ...a, isFollowUp: a.parentAttemptId !== null }));
    return buildProgress(attempts, this.today());
  }

  /** Today's suggestion from spaced re-practice, with the question to show; null when nothing is due. */
  async suggestion(): Promise<{ questionId: string; prompt: string; topic: string; reason: string } | null> {
    const attempts = (await this.deps.answers.answeredAttempts()).filter((a) => a.parentAttemptId === null);
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
