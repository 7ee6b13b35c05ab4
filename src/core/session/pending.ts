/** The next thing to ask in a session (the API's `next`). */
export interface PendingPrompt {
  sessionId: string;
  questionId: string;
  prompt: string;
  /** The main attempt a follow-up belongs to; null for a main question. */
  parentAttemptId: string | null;
  /** 1-based position of the main question in the plan. */
  position: number;
  total: number;
}
