/** Loop Coach's public library API. */
export { createCoach, type Coach, type CoachOptions } from './coach.js';
export { loadQuestionBank, parseBankQuestionFile } from './content/question-bank.js';
export { bankQuestionSchema, gradableQuestionSchema, type BankQuestion } from './content/question.schema.js';
export { explainScore, type ScoreBreakdown } from './core/score.js';
export type { GradeOptions } from './core/grade.js';
export * from './core/types.js';
export { LoopCoachError, isLoopCoachError, MAX_ANSWER_CHARS, type ErrorCode } from './errors.js';
