import {
  buzzwords,
  definitionOnly,
  fillerOpening,
  keywordList,
  misconceptions,
  noMetrics,
  noOwnership,
  noTradeoff,
  offTopic,
  serviceDump,
  shortName,
  tooLong,
  tooShort,
  unqualifiedHedge,
  vagueAction,
  type FindingInput,
} from '../findings.js';
import type { EngineParameters } from '../params.js';
import { FINDING_CODES, type Feedback, type Finding, type FindingCode } from '../types.js';

/** How a finding changes the score beyond its habit penalty: a factor on the whole score, or a cap. */
export type ScoreEffect = { multiply: number; perFinding?: boolean } | { cap: number };

/**
 * One habit: how it is found, what it costs, how it is coached, and what an interviewer asks
 * about it. Adding a habit is adding its code to FINDING_CODES, an entry here, and its tests
 * (src/core/rules/findings.test.ts).
 */
export interface FindingRule {
  /** The findings this habit raises in an answer (usually none or one). */
  detect(input: FindingInput, params: EngineParameters): Finding[];
  /** Default share of the habits credit the finding takes away (EngineParameters.findings overrides). */
  penalty: number;
  /** Default effect on the whole score, beyond the penalty. */
  effect?: ScoreEffect;
  /** Default value of fixing it (0–100): the tips shown are the most valuable. */
  tipValue: number;
  /** The tip, when it says more than the finding's message. */
  tip?(finding: Finding, feedback: Pick<Feedback, 'services'>): string;
  /** What an interviewer asks next after hearing this habit. */
  followUp?: string;
  /** Whether the habit leaves services unreasoned, so "Why X and not Y?" is worth asking. */
  asksWhyService?: boolean;
}

const one = (f: Finding | null): Finding[] => (f ? [f] : []);

function quote(text: string, max: number): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]+$/, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The habits the engine finds, in the order they are reported (the order of FINDING_CODES). */
export const FINDING_RULES: Record<FindingCode, FindingRule> = {
  // A definition answers "what is X", never "what would you do": a third of the habits credit.
  'definition-only': { detect: (i, p) => one(definitionOnly(i, p)), penalty: 0.3, tipValue: 70 },
  // Marketing words hide the lack of a mechanism, but cost less than a missing one.
  buzzwords: { detect: (i, p) => one(buzzwords(i.answer, p)), penalty: 0.2, tipValue: 45 },
  'service-dump': { detect: (i, p) => one(serviceDump(i.answer, i.mentions, p)), penalty: 0.3, tipValue: 68, asksWhyService: true },
  'unqualified-hedge': { detect: (i) => one(unqualifiedHedge(i.answer)), penalty: 0.2, tipValue: 58 },
  'no-tradeoff': {
    detect: (i, p) => (i.isOffTopic ? [] : one(noTradeoff(i, p))),
    penalty: 0.25,
    tipValue: 62,
    tip: (f, feedback) => {
      const service = feedback.services[0];
      return service
        ? `You recommended ${shortName(service)} without a downside. Say what it costs you or where it stops working, then why you accept that.`
        : f.message;
    },
    followUp: 'What would break first in that design, and what would you give up to prevent it?',
    asksWhyService: true,
  },
  'vague-action': { detect: (i) => one(vagueAction(i.answer)), penalty: 0.25, tipValue: 60 },
  // A story with no number leaves the interviewer nothing to weigh: it costs 15% of the score.
  'no-metrics': {
    detect: (i) => one(noMetrics(i)),
    penalty: 0.25,
    effect: { multiply: 0.85 },
    tipValue: 64,
    followUp: 'How did you measure that? What numbers showed it worked?',
  },
  'no-ownership': { detect: (i) => one(noOwnership(i)), penalty: 0.3, tipValue: 66 },
  'filler-opening': { detect: (i) => one(fillerOpening(i.answer)), penalty: 0.1, tipValue: 30 },
  'too-short': { detect: (i, p) => one(tooShort(i, p)), penalty: 0.4, tipValue: 90 },
  // An interviewer stops listening to a ramble: it costs a fifth of the score.
  'too-long': { detect: (i, p) => one(tooLong(i, p)), penalty: 0.25, effect: { multiply: 0.8 }, tipValue: 50 },
  // An answer to another question earns almost nothing, however good.
  'off-topic': { detect: (i) => one(offTopic(i)), penalty: 1, effect: { cap: 10 }, tipValue: 95 },
  // A wrong claim is what interviewers remember: each one halves the score.
  misconception: {
    detect: (i) => misconceptions(i),
    penalty: 0.5,
    effect: { multiply: 0.5, perFinding: true },
    tipValue: 100,
    tip: (f) => (f.evidence ? `Correct this claim: "${quote(f.evidence, 90)}". ${f.message.replace(/^This states a common error: /, '')}` : f.message),
  },
  'keyword-list': { detect: (i, p) => one(keywordList(i.answer, p)), penalty: 0.4, tipValue: 92 },
};

/** Runs every habit's detector; the result is in the order of FINDING_CODES. */
export function findHabits(input: FindingInput, params: EngineParameters): Finding[] {
  return FINDING_CODES.flatMap((code) => FINDING_RULES[code].detect(input, params));
}
