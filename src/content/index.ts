/** `loopcoach/content`: load, parse and validate question files (for tools and editors). */
export { defaultQuestionDir, loadQuestionBank, parseBankQuestionFile } from './question-bank.js';
export { bankQuestionSchema, gradableQuestionSchema, type BankQuestion, type GradableQuestionInput } from './question.schema.js';
