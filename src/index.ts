/**
 * Loop Coach's public library API. Kept light so `createCoach()` starts fast: the YAML parser
 * and schema library load only when the bank must be parsed. Tools that read or validate
 * question files import `loopcoach/content`.
 */
export { createCoach, type Coach, type CoachOptions } from './coach.js';
export { explainScore, type ScoreBreakdown, type ScoreFactor } from './core/score.js';
export { defaultParameters, SESSION_PARAMETERS, type EngineParameters, type PartialParameters, type SessionParameters } from './core/params.js';
export type { GradeOptions } from './core/grade.js';
export type { BankQuestion } from './content/question.schema.js';
export * from './core/types.js';
export { LoopCoachError, isLoopCoachError, MAX_ANSWER_CHARS, type ErrorCode } from './errors.js';
