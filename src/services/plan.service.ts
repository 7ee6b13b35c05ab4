import { guessKind } from '../core/open.js';
import type { Coach } from '../coach.js';
import { planInterview, type PlannedQuestion, type SkillGap } from '../core/tailor/plan.js';
import { analysePosting, TailorInputError, type PostingAnalysis } from '../core/tailor/posting.js';
import { analyseResume } from '../core/tailor/resume.js';
import type { Role } from '../core/tailor/vocabulary.js';
import type { Level, Question } from '../core/types.js';
import type { BankQuestion } from '../content/question.schema.js';
import { LoopCoachError } from '../errors.js';
import { MAX_PLAN_COUNT } from '../limits.js';

export interface PlanRequest {
  jobDescription: string;
  resume?: string;
  /** Questions wanted; default 8, at most 30. */
  count?: number;
  /** Topic or skill -> average past score 0–100. */
  history?: Record<string, number>;
}

/** A session plan tailored to a posting; `questions[].question` is the full Question to practise. */
export interface InterviewPlan {
  role: Role;
  level: Level;
  skills: string[];
  services: string[];
  posting: PostingAnalysis;
  questions: PlannedQuestion[];
  gaps: SkillGap[];
}

export const DEFAULT_PLAN_COUNT = 8;
export { MAX_PLAN_COUNT };

/** Builds an interview plan from a job description (and optionally a résumé), all in memory. */
export function buildInterviewPlan(coach: Coach, request: PlanRequest): InterviewPlan {
  const count = request.count ?? DEFAULT_PLAN_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PLAN_COUNT) {
    throw new LoopCoachError('invalid_input', `the question count must be a whole number from 1 to ${MAX_PLAN_COUNT}`);
  }
  const { catalogue } = coach.knowledge;
  const posting = asUserError(() => analysePosting(request.jobDescription, catalogue));
  const resume = request.resume === undefined ? undefined : asUserError(() => analyseResume(request.resume!, catalogue));
  const resolve = (alias: string) => catalogue.resolve(alias);
  const { questions, gaps } = planInterview({ posting, resume, bank: coach.questions, count, history: request.history, resolve });
  return { role: posting.role, level: posting.level, skills: posting.skills, services: posting.services, posting, questions, gaps };
}

function asUserError<T>(task: () => T): T {
  try {
    return task();
  } catch (error) {
    if (error instanceof TailorInputError) throw new LoopCoachError('invalid_input', error.message);
    throw error;
  }
}

/**
 * The plan as a session can run it: the question ids in order, and the generated questions in
 * the bank's shape (kept with the session so a resumed session still finds them).
 */
export function planForSession(plan: InterviewPlan, bank: Pick<Coach, 'findQuestion'>): { questionIds: string[]; tailored: BankQuestion[] } {
  const tailored = plan.questions.filter((p) => !bank.findQuestion(p.id)).map((p) => asBankQuestion(p.question, plan.level));
  return { questionIds: plan.questions.map((p) => p.id), tailored };
}

function asBankQuestion(q: Question, level: Level): BankQuestion {
  const kind = q.kind ?? guessKind(q.prompt);
  const isStory = kind === 'experience' || kind === 'behavioral';
  return {
    id: q.id ?? 'generated',
    topic: isStory ? 'behavioral' : 'architecture-devops',
    levels: [q.level ?? level],
    kind,
    prompt: q.prompt,
    rubric: q.rubric ?? [],
    modelAnswer: q.modelAnswer ?? '',
    pitfalls: q.pitfalls ?? [],
    followUps: q.followUps ?? [],
    services: q.services ?? [],
    leadershipPrinciples: q.leadershipPrinciples ?? [],
    tags: ['generated'],
    references: [],
  };
}
