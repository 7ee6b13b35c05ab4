import type { AnalysedText } from './text.js';
import type { LeadershipPrinciple, PrincipleEvidence } from './types.js';

/**
 * Cues that show a Leadership Principle in a story sentence. A principle is shown when a
 * sentence the speaker tells about themselves carries one of its cues; the sentence is the evidence.
 */
export const PRINCIPLE_CUES: Record<LeadershipPrinciple, RegExp> = {
  'Customer Obsession':
    /\b(?:customers?|clients?|end users?|users (?:complained|reported|were|saw|lost)|nps|churn|support tickets?|customer (?:impact|experience|feedback)|on behalf of (?:the )?(?:customer|user)s?)\b/i,
  Ownership:
    /\b(?:i owned|took ownership|i took (?:it|charge|responsibility)|my responsibility|on-?call|not my (?:team|job|service)|end to end|long[- ]term|i volunteered|i stayed|followed (?:it )?through|accountab)/i,
  'Invent and Simplify':
    /\b(?:simplif\w*|automat\w*|replaced .{0,30} with|removed|fewer (?:steps|services|moving parts)|new (?:approach|tool|way)|reusable|template|self-service|consolidat\w*|eliminat\w*)\b/i,
  'Are Right, A Lot':
    /\b(?:the data (?:showed|said)|judg(?:e)?ment|i was wrong|turned out (?:to be )?right|different perspectives|sought (?:out )?(?:other|dissenting)|validated (?:my|the) (?:assumption|hypothesis)|weighed)\b/i,
  'Learn and Be Curious':
    /\b(?:i learned|taught myself|learn(?:ing|t)? (?:a|the|how)|course|certification|read (?:the|up)|documentation|experiment\w*|workshop|curious|new to me|never used)\b/i,
  'Hire and Develop the Best':
    /\b(?:mentor\w*|coach\w*|hired|hiring|interview(?:ed|ing) candidates|onboard\w*|promot\w*|grew (?:into|as)|developed (?:the|my) (?:team|people)|paired with|taught (?:the|a|my) (?:team|junior|new))\b/i,
  'Insist on the Highest Standards':
    /\b(?:standards?|raised the bar|quality bar|code review|checklist|runbook|test coverage|postmortem|post-mortem|correction of error|coe|zero defects?|acceptance criteria|refused to ship|would not ship|definition of done)\b/i,
  'Think Big':
    /\b(?:vision|platform|roadmap|company-wide|org-wide|across (?:the )?(?:company|org|organi[sz]ation|teams)|at scale|every team|long-term plan|10x|north star)\b/i,
  'Bias for Action':
    /\b(?:quickly|same day|within (?:an? |\d+ )?(?:hours?|days?)|didn'?t wait|did not wait|prototype\w*|reversible|two-way door|moved fast|right away|immediately|that (?:night|afternoon|evening))\b/i,
  Frugality:
    /\b(?:cost|costs|saved|saving|savings|budget|cheaper|frugal|\$\s?\d|spend|spending|dollars|reused|without (?:extra|new) (?:headcount|budget|hardware))\b/i,
  'Earn Trust':
    /\b(?:admitted|apologi[sz]ed|transparent\w*|candid\w*|listened|owned (?:up|the mistake)|my mistake|i was wrong|trust|honest\w*|shared (?:the|my) (?:mistake|numbers|findings)|feedback)\b/i,
  'Dive Deep':
    /\b(?:root cause|logs?|metrics?|traced?|dug (?:in|into)|digging|flame ?graph|query plans?|profil\w*|packet captures?|flow logs?|dashboards?|p99|p95|percentile|anomal\w*|correlat\w*)\b/i,
  'Have Backbone; Disagree and Commit':
    /\b(?:disagreed|pushed back|challenged|objected|raised (?:my )?concerns?|disagree and commit|committed (?:fully|to the decision|to it)|despite my (?:concerns|disagreement)|made my case|argued)\b/i,
  'Deliver Results':
    /\b(?:deadline|shipped|delivered|on time|ahead of schedule|despite|launched|hit (?:the|our) (?:target|goal|date)|met (?:the|our) (?:target|goal|deadline|sla|slo)|went live)\b/i,
  "Strive to be Earth's Best Employer":
    /\b(?:burn-?out|team health|on-?call (?:load|rotation|burden)|psychological safety|inclusive|inclusion|well-?being|work-?life|morale|safe to|career growth|pages? (?:per|a) (?:week|night))\b/i,
  'Success and Scale Bring Broad Responsibility':
    /\b(?:security|privacy|personal data|pii|gdpr|compliance|sustainab\w*|carbon|energy|accessib\w*|community|ethic\w*|regulat\w*|audit)\b/i,
};

const SPEAKER = /\b(?:i|my|me)\b/i;

/** Principles a story shows, each with the first sentence of the speaker's own that shows it. */
export function findPrinciples(answer: AnalysedText): PrincipleEvidence[] {
  const shown: PrincipleEvidence[] = [];
  for (const [principle, cue] of Object.entries(PRINCIPLE_CUES) as Array<[LeadershipPrinciple, RegExp]>) {
    const sentence = answer.sentences.find((s) => cue.test(s.text) && SPEAKER.test(s.text)) ?? answer.sentences.find((s) => cue.test(s.text));
    if (sentence) shown.push({ principle, evidence: sentence.text });
  }
  return shown;
}
