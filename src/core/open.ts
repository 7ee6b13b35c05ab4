import { hasQuantity } from './rules/cues.js';
import type { PassageMatch } from './match.js';
import type { EngineParameters } from './params.js';
import type { AnalysedText, Sentence } from './text.js';
import type { QuestionKind, Structure } from './types.js';

/**
 * Questions with only a prompt (the one a candidate was really asked): the kind is guessed from
 * how the prompt asks, and the answer is judged on what needs no rubric: whether it answers the
 * prompt's subject and shows judgement (a decision with its reason, a concrete mechanism, a
 * limit, a number; in a story: the situation, what the speaker did, the result, the lesson).
 */
const KIND_CUES: Array<{ kind: QuestionKind; cue: RegExp }> = [
  {
    kind: 'behavioral',
    cue: /^\s*(?:tell me about|describe|give me an example of|share an example of|walk me through)\b.*\b(?:a time|an occasion|a situation|an example|a moment|a project|a decision|a mistake|a conflict|when you)\b|\btell me about a time\b|\bhave you ever\b/i,
  },
  {
    kind: 'experience',
    cue: /\b(?:what(?:'s| is| was) the (?:hardest|biggest|most \w+)|in your (?:experience|last|current) (?:role|job|team|project)|how have you|what have you (?:done|built|learned))\b/i,
  },
  {
    kind: 'troubleshooting',
    cue: /\b(?:is failing|fails|failing|is slow|slow(?:er)?|errors?|timeouts?|timing out|times out|stuck|cannot|can't|can no longer|no longer|won't|doesn't|does not|not working|broken|denied|unhealthy|5\d\d|4\d\d|spiked?|throttl\w+|keeps? \w+ing|what (?:would you|do you) check|how would you (?:debug|troubleshoot|investigate|diagnose))\b/i,
  },
  { kind: 'design', cue: /\b(?:design|architect|build a|how would you build|how would you structure|propose an architecture)\b/i },
  { kind: 'code', cue: /\b(?:write (?:a|the) (?:function|handler|policy|script|query|code)|in python|in javascript|in typescript)\b/i },
  { kind: 'iac', cue: /\b(?:cloudformation template|terraform (?:module|config)|cdk (?:stack|app))\b/i },
  {
    kind: 'concept',
    cue: /\b(?:what is|what are|what's|what does|difference between|differ|compare|explain|how does|how do|when would you (?:use|choose|pick))\b/i,
  },
];

/** The kind of question a prompt asks, from how it asks ("Tell me about a time…" is behavioural). */
export function guessKind(prompt: string): QuestionKind {
  for (const { kind, cue } of KIND_CUES) if (cue.test(prompt)) return kind;
  return 'scenario';
}

/** What an open answer is judged on: each entry a point shown to the user, with how it is judged. */
export interface OpenPoint {
  point: string;
  judge(input: OpenInput, params: EngineParameters): { strength: number; evidence: Sentence[] };
}

export interface OpenInput {
  answer: AnalysedText;
  structure: Structure;
  /** How much of the prompt's subject the answer speaks about, and where. */
  onSubject: PassageMatch & { share: number };
}

const REASON = /\b(?:because|since|so that|which means|that way|the reason|due to|given that)\b/i;
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|such as|in (?:my|our|a) (?:last|previous|current)? ?(?:project|team|job|role|system))\b/i;
const LESSON =
  /\b(?:learn(?:ed|t)|lesson|since then|ever since|from then on|now (?:i|we)|next time|i would (?:do|have)|in hindsight|looking back|taught me|changed how)\b/i;
const FIRST_PERSON_DEED =
  /\bi (?:(?:then|first|also|quickly|personally|immediately) )?(?!think|believe|guess|feel|was|am|mean|had)\w+(?:ed|t|de|ote|ew|ought|an|ook|et|ut|ent|old|ave|ade|ound|ode)\b/i;

const present = (structure: Structure, part: string) => structure.parts.find((p) => p.part === part && p.present)?.evidence ?? null;
const sentenceOf = (answer: AnalysedText, text: string | null) => (text ? answer.sentences.filter((s) => s.text === text) : []);
const firstWhere = (answer: AnalysedText, test: (s: Sentence) => boolean) => answer.sentences.filter((s) => s.isClaim && test(s)).slice(0, 1);
const shown = (evidence: Sentence[]) => ({ strength: evidence.length > 0 ? 1 : 0, evidence });

/** The answer speaks about what the prompt asks (strength: share of the prompt's subject it names). */
const ON_SUBJECT: OpenPoint = {
  point: 'Answers the question asked, in its own terms, from the first sentences.',
  judge: ({ onSubject }, params) => ({ strength: Math.min(1, onSubject.share / params.open.subjectFullAt), evidence: onSubject.sentences }),
};

export const OPEN_POINTS: Record<'CCTR' | 'STAR', OpenPoint[]> = {
  CCTR: [
    ON_SUBJECT,
    {
      point: 'Makes a decision or recommendation and gives its reason.',
      judge: ({ answer, structure }) => {
        const choice = sentenceOf(answer, present(structure, 'choice'));
        const reasoned = firstWhere(answer, (s) => REASON.test(s.text));
        return {
          strength: (choice.length > 0 ? 0.5 : 0) + (reasoned.length > 0 ? 0.5 : 0),
          evidence: [...choice, ...reasoned.filter((s) => !choice.includes(s))],
        };
      },
    },
    {
      point: 'Explains a concrete mechanism: how it works, with the specific setting, service or step.',
      judge: ({ answer }, params) =>
        shown(
          firstWhere(
            answer,
            (s) => s.units.filter((u) => u.isConcept || u.pos === 'PROPN').length >= params.open.mechanismTerms && s.wordCount >= params.open.mechanismMinWords,
          ),
        ),
    },
    {
      point: 'Names a limit, risk or trade-off of the approach.',
      judge: ({ answer, structure }) => shown(sentenceOf(answer, present(structure, 'tradeoff'))),
    },
    {
      point: 'Backs it with a number or a real example.',
      judge: ({ answer }) => shown(firstWhere(answer, (s) => hasQuantity(s) || EXAMPLE.test(s.text))),
    },
  ],
  STAR: [
    ON_SUBJECT,
    { point: 'Sets a specific situation and what was at stake.', judge: ({ answer, structure }) => shown(sentenceOf(answer, present(structure, 'situation'))) },
    {
      point: 'Says what the speaker personally did, step by step, with "I".',
      judge: ({ answer }) => shown(firstWhere(answer, (s) => FIRST_PERSON_DEED.test(s.text))),
    },
    {
      point: 'Gives a measurable result.',
      judge: ({ answer, structure }) =>
        shown(
          sentenceOf(answer, present(structure, 'result'))
            .filter((s) => hasQuantity(s))
            .concat(firstWhere(answer, (s) => hasQuantity(s) && s.index > 0))
            .slice(0, 1),
        ),
    },
    { point: 'Says what they learned or changed since.', judge: ({ answer }) => shown(firstWhere(answer, (s) => LESSON.test(s.text))) },
  ],
};
