// Types only from params.ts: it builds its defaults from the finding rules, whose detectors read this table.
import type { EngineParameters } from '../params.js';
import type { AnalysedText, Sentence } from '../text.js';
import type { CctrPart, QuestionKind, StarPart } from '../types.js';
import { hasQuantity } from './cues.js';

/**
 * The answer frameworks, one entry each: the parts an answer of that shape has, in order, with
 * the cues that show each part in a sentence and the tip when it is missing. Technical answers
 * are read as CCTR (context, choice, trade-off, result); behavioural answers, and experience
 * answers told as a story, as STAR. `frameworkFor` is the one place that decides which fits.
 */
export type FrameworkName = 'CCTR' | 'STAR';

export interface FrameworkPart {
  part: CctrPart | StarPart;
  /** Words that show the part in a sentence. */
  cue: RegExp;
  /** Other evidence of the part: a scene-setting first sentence, a number with a change. */
  alsoShownBy?: (sentence: Sentence, params: EngineParameters) => boolean;
  /** Whether the part must come after the first sentence (a result follows what it results from). */
  isAfterOpening?: boolean;
  /** What to do when the part is missing. */
  tip: string;
}

export interface FrameworkRule {
  name: FrameworkName;
  parts: FrameworkPart[];
}

const RESULT_CUE = /\b(?:as a result|result(?:ed|s)? in|so that|this (?:gave|gives|cut|cuts|reduced|reduces|lets|let|means|meant|kept|keeps|brought|dropped|saved|removed|halved|improved)|which (?:cut|cuts|reduced|reduces|improved|means|meant|gave|gives|brought|dropped|saved|kept|keeps|lets|halved)|(?:cut|reduced|improved|dropped|saved|increased|brought|halved|doubled|lowered|raised|shortened|went) .{0,40}?\b(?:by|to|from) (?:about |around |roughly )?\$?\d|outcome|in the end|ended up|end result|that way|the result|overall|we (?:saved|cut|reduced|achieved|hit|met|shipped|delivered|avoided|recovered)|i (?:saved|cut|reduced|achieved|hit|met|shipped|delivered|avoided)|zero (?:downtime|incidents|data loss|errors)|no (?:downtime|data loss|outage|incidents)|(?:uptime|availability) of \d|within \d|under \d|less than \d|fewer than \d|learned|since then|ever since|from then on)\b/i;
const RESULT_TIP = 'End with the result: what changed, with a number (latency, cost, errors, time).';
const CHANGE = /\b(?:cut|reduc|improv|drop|sav|increas|fell|rose|went|down|up|faster|fewer|less|more)\w*/i;
const SPEAKER = /\b(?:we|our|i|my|the team|the company)\b/i;

export const FRAMEWORKS: Record<FrameworkName, FrameworkRule> = {
  CCTR: {
    name: 'CCTR',
    parts: [
      {
        part: 'context',
        cue: /\b(?:in (?:a|an|our|my|one) (?:\w+[ -]){0,3}(?:project|system|team|company|app|application|service|platform|workload|setup|environment|startup|shop|bank|client|migration|account|pipeline|api|product|job)|at my (?:last|previous|current) (?:job|company|role|team)|(?:we|our team|the team|our app|our service|our system|the company|the client) (?:had|were|was|has|have|ran|run|needed|served|handled|processed)|(?:imagine|suppose|say|consider) (?:we|you|a|an|the)|given (?:a|an|that|the)|if (?:the|you|we|a|an|traffic|load|your)|when (?:traffic|load|the|a|an|you|we|your|our)|for (?:example|instance)|(?:with|at|of|handles?|serving|serves) (?:about |around |roughly |over |up to )?\d[\d,.]*\s*(?:k|m|million|thousand)?\s*(?:users|requests|customers|orders|messages|events|tps|rps|qps|transactions|writes|reads|gb|tb|records)|requirement|workload|scenario|use case)\b/i,
        tip: 'Open with a concrete situation: the workload, its scale and the constraint that shaped your choice.',
      },
      {
        part: 'choice',
        cue: /\b(?:i(?:'d| would| will| 'd)? (?:use|choose|pick|go with|put|recommend|start|prefer|reach for|suggest|pick|opt|keep|move|run|add|place|set up|design|build|split|make)|i (?:chose|picked|used|went with|decided|recommended|proposed|moved|migrated|switched|introduced|selected|opted)|we (?:chose|picked|used|went with|decided|moved|migrated|switched|settled|opted|selected|adopted)|(?:the )?(?:right|best|better|sensible|natural) (?:choice|option|fit|answer|approach)|my (?:choice|recommendation|pick|approach|preference)|(?:choose|prefer|use|pick) \w+ (?:when|if|for|because|over)|(?:is|are) (?:a better|the better|the right) fit|rather than|instead of|over (?:a |an |the )?\w+ because|because)\b/i,
        tip: 'State your choice plainly ("I would use X because...") before explaining it.',
      },
      {
        part: 'tradeoff',
        cue: /\b(?:trade-?offs?|down-?sides?|drawbacks?|the catch|catch is|at the (?:cost|price|expense) of|costs? (?:more|extra|money|us)|more expensive|price (?:is|of)|limitations?|limits?|caveats?|on the other hand|in exchange|overhead|the flip side|you lose|we lose|gives? up|give up|risk|risks|but (?:it|this|that|you|the|we|i|there|a|an)|however|downsides|cons?\b|penalty|worse|slower|harder|complexity|complex|latency cost|not free|isn't free|is not free|the price|pay (?:for|more|extra)|disadvantage|what breaks|breaks first|would break|could break|weakness|tension|compromise)\b/i,
        tip: 'Volunteer the downside of your choice: its cost, its limit, or what would break first.',
      },
      { part: 'result', cue: RESULT_CUE, isAfterOpening: true, tip: RESULT_TIP },
    ],
  },
  STAR: {
    name: 'STAR',
    parts: [
      {
        part: 'situation',
        cue: /\b(?:at my (?:last|previous|current|first) (?:job|company|role|team|internship)|when i was|in (?:my|our) (?:last|previous|first|current|final) (?:job|role|team|company|year|project|internship)|last (?:year|quarter|month|summer)|a (?:few|couple of) (?:years|months|weeks) ago|(?:we|our team|the team|the company|my team|our service|our system|the system|the service|the project|the client|a customer|our customer) (?:had|were|was|faced|hit|ran|launched|needed|lost|saw|started)|during (?:a|an|my|our|the)|while (?:working|i was|we were)|in (?:20\d\d|\w+ 20\d\d)|one (?:day|morning|night|friday|weekend)|(?:there was|there were))\b/i,
        // A first sentence of some length that says who was there sets the scene.
        alsoShownBy: (s, params) => s.index === 0 && s.wordCount >= params.story.situationOpeningWords && SPEAKER.test(s.text),
        tip: 'Set the scene in one or two sentences: where you were, what was at stake, and when.',
      },
      {
        part: 'task',
        cue: /\b(?:i was (?:responsible|asked|tasked|in charge|on[- ]?call|the (?:owner|lead|on-?call))|i took (?:the )?(?:incident )?(?:command|commander|lead)|my (?:task|job|goal|role|responsibility|mandate|remit) was|i (?:needed|had) to|i owned|i took (?:on|ownership|charge|the lead)|the goal was|(?:i|we) had to|i volunteered|i was (?:the|a) (?:engineer|developer|lead|owner)|assigned (?:to )?me|it was (?:my|on me))\b/i,
        tip: 'Say what you personally owned: "I was responsible for...".',
      },
      {
        part: 'action',
        cue: /\b(?:i (?:(?:then|first|quickly|personally|also|immediately) )?(?:wrote|built|set up|created|added|proposed|led|ran|measured|analy[sz]ed|designed|implemented|migrated|configured|automated|scheduled|talked|met|organi[sz]ed|reviewed|changed|moved|introduced|replaced|traced|dug|pulled|benchmarked|prototyped|documented|presented|paired|drafted|rolled|deployed|tested|fixed|removed|rewrote|split|asked|called|escalated|interviewed|mentored|coached|trained|shadowed|read|studied|spent|compared|collected|gathered|shared|suggested|negotiated|agreed|reproduced|profiled|instrumented|tagged|enabled|disabled|rotated|revoked|blocked|restored|wrote up|put|made|took|started|decided|chose|explained|showed|convinced|persuaded|pushed|opened|filed|created|audited|mapped|cut|reduced|tuned|raised|sat down|reached out|kept|sent|checked|found|identified|noticed|learned|taught|built out|ran through|walked|owned|volunteered|scoped|estimated|planned|prioriti[sz]ed|delegated|hired|onboarded|ran))\b/i,
        tip: 'Walk through the concrete steps you took yourself, with "I", in order.',
      },
      // A number with a change ("fell to 40 ms") is a result, whatever words introduce it.
      { part: 'result', cue: RESULT_CUE, alsoShownBy: (s) => hasQuantity(s) && CHANGE.test(s.text), isAfterOpening: true, tip: RESULT_TIP },
    ],
  },
};

/** Question kinds that ask for a story whatever the answer tells. */
const STORY_KINDS: ReadonlySet<QuestionKind> = new Set(['behavioral']);
/** Question kinds whose answers are judged as stories (length, numbers, ownership). */
const STORY_ASKING_KINDS: ReadonlySet<QuestionKind> = new Set(['behavioral', 'experience']);

const FIRST_PERSON = /\b(?:i|we|my|our|me|us)\b/i;
/** Past tense: regular verbs, and the irregular ones stories are told with. */
const PAST_TENSE = /\b(?:was|were|had|did|\w+ed|sent|took|went|made|got|gave|found|kept|left|told|saw|felt|knew|ran|wrote|led|built|put|spent|thought|came|began|brought|met|won|lost|paid|sat|stood|held|heard|caught|taught|chose|broke|fell|rose|grew|drove|gave|shut|split|set up)\b/i;

/** Whether an answer reads as a story: first person, past tense, several times. */
export function isStory(answer: AnalysedText, params: Pick<EngineParameters, 'story'>): boolean {
  let storySentences = 0;
  for (const s of answer.sentences) {
    if (FIRST_PERSON.test(s.text) && PAST_TENSE.test(s.text)) storySentences += 1;
  }
  return storySentences >= params.story.minSentences && storySentences >= answer.sentences.length * params.story.minShare;
}

/** Which framework judges this answer: STAR for behavioural kinds and stories of experience, CCTR otherwise. */
export function frameworkFor(kind: QuestionKind, answer: AnalysedText, params: Pick<EngineParameters, 'story'>): FrameworkName {
  if (STORY_KINDS.has(kind)) return 'STAR';
  if (kind === 'experience' && isStory(answer, params)) return 'STAR';
  return 'CCTR';
}

/** Whether the question asks for a story (behavioural, experience). */
export function asksForStory(kind: QuestionKind): boolean {
  return STORY_ASKING_KINDS.has(kind);
}

/** Whether an answer is judged as a story: its question asks for one, or it was told as one. */
export function isJudgedAsStory(kind: QuestionKind, framework: FrameworkName): boolean {
  return asksForStory(kind) || framework === 'STAR';
}

/** The tip for a missing part of a framework. */
export function partTip(framework: FrameworkName, part: CctrPart | StarPart): string {
  return FRAMEWORKS[framework].parts.find((p) => p.part === part)?.tip ?? RESULT_TIP;
}
