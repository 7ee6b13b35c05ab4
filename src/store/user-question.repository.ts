import type { BankQuestion } from '../content/question.schema.js';

/** A question the user added: the YAML they wrote and the validated question. */
export interface UserQuestionRecord {
  id: string;
  source: string;
  question: BankQuestion;
  createdAt: string;
  updatedAt: string;
}

/** The user's own questions. */
export interface UserQuestionRepository {
  /** Every question, oldest first. */
  list(): Promise<UserQuestionRecord[]>;
  /** Inserts or replaces each question by id, all or none. */
  saveAll(records: UserQuestionRecord[]): Promise<void>;
  /** Removes one question; false when there was none with that id. */
  delete(id: string): Promise<boolean>;
}
