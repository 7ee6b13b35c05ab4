import { FINDING_RULES } from '../rules/findings.js';
import { ALTERNATIVES } from '../thesaurus.js';
import { FINDING_CODES, type Feedback, type FindingCode, type FollowUp, type FollowUpTrigger, type Question } from '../types.js';
import { MASTERED_AT } from './plan.js';

/** Most follow-ups asked after one main question. */
export const MAX_FOLLOW_UPS = 2;

export interface ChosenFollowUp {
  prompt: string;
  /** Why it was asked: the trigger that fired. */
  trigger: FollowUpTrigger;
  /** The rubric points the follow-up answer is graded against. */
  rubric: string[];
}

interface FollowUpSource {
  /** The question's own prompt: a follow-up never asks again what it already asks. */
  prompt?: string;
  rubric?: string[];
  followUps?: FollowUp[];
}

/** Habits that leave services unreasoned (FindingRule.asksWhyService). */
const UNREASONED = new Set<string>(FINDING_CODES.filter((code) => FINDING_RULES[code].asksWhyService));

/**
 * What a follow-up built from a finding asks for, as cue words: when the question itself or a
 * follow-up already chosen asks for the same thing ("How exactly did you measure 35%?"), the
 * built one ("How did you measure that?") would repeat it, so it is not asked.
 */
const ASKS_FOR: Partial<Record<FindingCode, readonly string[]>> = {
  'no-metrics': ['measure', 'measured', 'measuring', 'metric', 'metrics', 'numbers', 'quantify'],
  'no-tradeoff': ['trade-off', 'tradeoff', 'trade-offs', 'tradeoffs', 'downside', 'downsides', 'break'],
};

const wordsOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9%-]+/)
      .filter(Boolean),
  );

/** True when `candidate` asks again what one of `asked` already asks: the same prompt, or a built follow-up whose cue words another prompt carries. */
function repeatsAsked(candidate: { prompt: string; trigger: FollowUpTrigger }, asked: readonly string[], isBuilt: boolean): boolean {
  if (asked.includes(candidate.prompt)) return true;
  const cues = isBuilt && 'finding' in candidate.trigger ? ASKS_FOR[candidate.trigger.finding] : undefined;
  return (
    cues !== undefined &&
    asked.some((prompt) => {
      const words = wordsOf(prompt);
      return cues.some((cue) => words.has(cue));
    })
  );
}

/** The follow-up that asks for what a partial answer left out. */
export const MISSED_POINTS_PROMPT = 'What else would you weigh here? Pick something your answer has not covered yet and explain why it matters.';

function hasFinding(feedback: Feedback, code: FindingCode): boolean {
  return feedback.findings.some((f) => f.code === code);
}

/** A service counts as named without a reason when it was mentioned and a service-dump or no-tradeoff finding was raised. */
function namedWithoutReason(feedback: Feedback, service: string): boolean {
  const wanted = service.toLowerCase();
  const named = feedback.services.some((s) => s.toLowerCase() === wanted || s.toLowerCase().endsWith(` ${wanted}`));
  return named && feedback.findings.some((f) => UNREASONED.has(f.code));
}

function fired(trigger: FollowUpTrigger, question: FollowUpSource, feedback: Feedback): boolean {
  if ('missed' in trigger) {
    const point = question.rubric?.[trigger.missed - 1];
    return point !== undefined && feedback.rubric.some((r) => r.point === point && !r.covered);
  }
  if ('finding' in trigger) return hasFinding(feedback, trigger.finding);
  return namedWithoutReason(feedback, trigger.service);
}

function rubricFor(prompt: string, trigger: FollowUpTrigger, question: FollowUpSource, feedback: Feedback): string[] {
  // A follow-up with its own rubric is graded on what it asks.
  const own = question.followUps?.find((f) => f.prompt === prompt)?.rubric;
  if (own && own.length > 0) return own;
  if (prompt === MISSED_POINTS_PROMPT) return feedback.rubric.filter((r) => !r.covered).map((r) => r.point);
  if ('missed' in trigger && question.followUps?.some((f) => f.prompt === prompt)) {
    const point = question.rubric?.[trigger.missed - 1];
    return point ? [point] : [];
  }
  // A built follow-up ("Why X and not Y?", "How did you measure that?") is an open question.
  return [];
}

/** Follow-ups built from the answer itself when the question's own did not fire. */
function builtFollowUps(feedback: Feedback): Array<{ prompt: string; trigger: FollowUpTrigger }> {
  const built: Array<{ prompt: string; trigger: FollowUpTrigger }> = [];
  if (feedback.findings.some((f) => UNREASONED.has(f.code))) {
    for (const service of feedback.services) {
      const alternative = ALTERNATIVES[service]?.[0];
      if (alternative) built.push({ prompt: `Why ${service} and not ${alternative}?`, trigger: { service } });
    }
  }
  // Each habit an interviewer would ask about, in the order of the finding table.
  for (const code of FINDING_CODES) {
    const prompt = FINDING_RULES[code].followUp;
    if (prompt && hasFinding(feedback, code)) built.push({ prompt, trigger: { finding: code } });
  }
  // An interviewer who heard only part of an answer asks for the rest, without giving it away.
  const missed = feedback.rubric.findIndex((r) => !r.covered);
  if (missed >= 0) built.push({ prompt: MISSED_POINTS_PROMPT, trigger: { missed: missed + 1 } });
  return built;
}

/** True for a strong, complete, clean answer, which earns no follow-up. */
export function isComplete(feedback: Feedback): boolean {
  return feedback.score >= MASTERED_AT && feedback.rubric.every((r) => r.covered) && feedback.findings.length === 0;
}

/** Up to two adaptive follow-ups: the question's own whose trigger fired first, then ones built from the answer. */
export function chooseFollowUps(question: FollowUpSource, feedback: Feedback): ChosenFollowUp[] {
  if (isComplete(feedback)) return [];
  const own = (question.followUps ?? [])
    .filter((f) => f.when !== undefined && fired(f.when, question, feedback))
    .map((f) => ({ prompt: f.prompt, trigger: f.when }));
  const chosen: ChosenFollowUp[] = [];
  // The question's own follow-up on a missed point already asks for what was left out.
  const asksForMissed = own.some((o) => 'missed' in o.trigger);
  const built = builtFollowUps(feedback).filter((b) => !(asksForMissed && b.prompt === MISSED_POINTS_PROMPT));
  const candidates = [...own.map((c) => ({ ...c, isBuilt: false })), ...built.map((c) => ({ ...c, isBuilt: true }))];
  for (const candidate of candidates) {
    if (chosen.length >= MAX_FOLLOW_UPS) break;
    const asked = [...(question.prompt ? [question.prompt] : []), ...chosen.map((c) => c.prompt)];
    if (repeatsAsked(candidate, asked, candidate.isBuilt)) continue;
    chosen.push({ prompt: candidate.prompt, trigger: candidate.trigger, rubric: rubricFor(candidate.prompt, candidate.trigger, question, feedback) });
  }
  return chosen;
}

/**
 * The question a follow-up answer is graded against: its prompt, the parent's kind, its own
 * rubric (or none: then it is graded as an open question), and the parent's prompt as context,
 * so an answer about the parent's subject is on topic.
 */
export function followUpQuestion(parent: Pick<Question, 'kind' | 'level' | 'prompt'> & { id?: string }, followUp: ChosenFollowUp): Question {
  return {
    prompt: followUp.prompt,
    kind: parent.kind,
    level: parent.level,
    rubric: followUp.rubric.length > 0 ? followUp.rubric : undefined,
    context: parent.prompt,
  };
}
