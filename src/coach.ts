import { createGrader, type GradeOptions } from './core/grade.js';
import type { Knowledge } from './core/lexicon.js';
import { defaultParameters, type PartialParameters } from './core/params.js';
import type { Feedback, Question } from './core/types.js';
import { loadKnowledge } from './content/knowledge.js';
import { bankFingerprint, readBankCache, writeBankCache } from './content/bank-cache.js';
import { defaultQuestionDir } from './content/bank-location.js';
import type { BankQuestion } from './content/question.schema.js';
import { LoopCoachError, MAX_ANSWER_CHARS } from './errors.js';

export interface CoachOptions {
  /** Folder of the question bank; defaults to the bank shipped with the package; null loads none. */
  questionDir?: string | null;
  /** Already-loaded knowledge, to share one load between coaches (tests, servers). */
  knowledge?: Knowledge;
  /** Engine weights and thresholds to change from their tuned defaults (src/core/params.ts). */
  parameters?: PartialParameters;
}

/** The loaded coach: the bank and a synchronous, deterministic grader. */
export interface Coach {
  readonly questions: readonly BankQuestion[];
  readonly knowledge: Knowledge;
  /** Grades one answer; throws `answer_too_long` past 20,000 characters. */
  grade(question: Question, answer: string, options?: GradeOptions): Feedback;
  /** The bank question with this id, or undefined. */
  findQuestion(id: string): BankQuestion | undefined;
}

/** Loads lexicons, the service catalogue and the question bank once, and returns the coach. */
export async function createCoach(options: CoachOptions = {}): Promise<Coach> {
  const knowledge = options.knowledge ?? loadKnowledge();
  const questions = options.questionDir === null ? [] : await loadBank(options.questionDir ?? defaultQuestionDir(), options.questionDir === undefined);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const grader = createGrader(knowledge, defaultParameters(options.parameters));
  return {
    questions,
    knowledge,
    findQuestion: (id) => byId.get(id),
    grade(question, answer, gradeOptions) {
      if (typeof answer !== 'string') throw new LoopCoachError('invalid_input', 'the answer must be text');
      if (answer.length > MAX_ANSWER_CHARS) {
        throw new LoopCoachError(
          'answer_too_long',
          `the answer has ${answer.length.toLocaleString('en-US')} characters; the limit is ${MAX_ANSWER_CHARS.toLocaleString('en-US')}`,
        );
      }
      return grader.grade(toEngineQuestion(question), answer, gradeOptions);
    },
  };
}

/** The bank from its fresh cache, or parsed and validated (and cached) when files changed. Only the shipped bank is cached. */
async function loadBank(dir: string, useCache: boolean): Promise<BankQuestion[]> {
  const fingerprint = bankFingerprint(dir);
  if (fingerprint === null) return [];
  const cached = useCache ? readBankCache(dir, fingerprint) : null;
  if (cached) return cached;
  const { loadQuestionBank } = await import('./content/question-bank.js');
  const questions = loadQuestionBank(dir);
  if (useCache) writeBankCache(dir, fingerprint, questions);
  return questions;
}

const engineQuestions = new WeakMap<object, Question>();

/** Bank questions carry `levels`; the engine reads `level`. Keeps one engine object per question. */
function toEngineQuestion(question: Question | BankQuestion): Question {
  if (!('levels' in question)) return question;
  let q = engineQuestions.get(question);
  if (!q) {
    q = { ...question, level: question.levels[0] } as Question;
    engineQuestions.set(question, q);
  }
  return q;
}
