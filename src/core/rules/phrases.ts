import { compileCues, type CuePhrases } from './cues.js';

/**
 * The cue phrases of the habit and framework rules, as data (syntax: src/core/rules/cues.ts).
 * A word is matched on its lemma, so every form is heard, unless written `=word`: then only as
 * written. The lists were rewritten from the tuned patterns they replace, with the same forms
 * where a form changes the meaning ("took on fixing it" is ownership, "fixed it" a vague step).
 */

/** Steps that are not steps: they say something was done, not what (vague-action). Written as the forms that are vague: "took on fixing it" is ownership, not a step. */
export const VAGUE_ACTIONS: CuePhrases = [
  '=look|=looked|=looking into|at it|this|that|things|the_issue|the_problem',
  '=look|=looked|=looking at the =logs',
  '=investigate|=investigated|=investigating it|this|that|the_issue|the_problem|and_fix',
  '=investigate the|our =cluster|=system|=service|=app|=application|=account',
  '=fix|=fixed it|this|that|the_issue|the_problem|things $',
  '=figure|=figured|=figuring (it|this|that) out',
  '=debug|=debugged|=debugging it|this|that',
  '=troubleshoot|=troubleshooted|=troubleshooting it|this|that|the_issue',
  '=deal|=dealt with it|this|that',
  '=handle|=handled it|this|that',
  '=sort|=sorted it|this|that out',
  '=make it|things work',
  '=made it work',
  '=optimise|=optimize|=optimised|=optimized it|things|everything',
  '=do|=did some research|digging|investigation|tuning',
  '=take|=took a look',
  '=put things in place',
  '=did the follow_up',
  '=check (the) =logs|=everything|=things !in|for|on',
  '=check the =system|=settings|=config !in|for|on',
  "=see what =is|='s =wrong|=happening|=going_on",
  '=try some|a_few|different =things',
  '=work on it',
  '=escalate it',
  '=restart it|things|everything',
  '=find|=found the root_cause|=issue|=problem',
  '=clean|=cleaned things|it|everything up',
  '=make sure everything =follows',
  '=tighten|=tightened things|it|everything up',
  '=make it|things|everything (more) =secure|=safer|=better|=faster',
  '=worked =harder',
  '=adjusted the plan',
  '=took it on board',
  '=adapted $',
  '=test|=tested everything',
  'whatever =need|=needs *ing',
];

/** "It depends", said as an answer (unqualified-hedge, when nothing names what it depends on). */
export const HEDGES: CuePhrases = ['it|that|this|the_answer|which_one|really|all (all|really|always|just) depends', 'it varies'];

/** "It depends on…", "depends whether…": the hedge goes on to name its factor. */
export const QUALIFIED_HEDGES: CuePhrases = [
  'depends (,|:|—|–|-) on|upon|whether|if|what|how|largely|mostly|mainly|entirely|heavily|primarily|a_lot_on',
  'depends :|—|–',
];

const GENERIC_NEEDS = 'use_case|need|requirement|workload|situation|factor|thing|context|scenario|circumstance|goal|team|company|organization|organisation';
const GENERIC_NEEDS_AFTER_AND = 'use_case|need|requirement|workload|situation|factor|context|goal';
const GENERIC_DEPENDENCY_HEAD =
  'depends on|upon (your|the|a|many|several|various|lots_of|a_lot_of|different|each) (specific|particular|individual|business|exact)';

/** What "it depends on…" names when it names nothing: "it depends on your use case." ends the sentence. */
export const GENERIC_DEPENDENCIES: CuePhrases = [
  `${GENERIC_DEPENDENCY_HEAD} ${GENERIC_NEEDS} $$`,
  `${GENERIC_DEPENDENCY_HEAD} ${GENERIC_NEEDS} and|or (your|the) ${GENERIC_NEEDS_AFTER_AND} $$`,
];

/** A next sentence that says what the hedge depends on ("If reads dominate, …"). */
export const HEDGE_FOLLOW_THROUGH: CuePhrases = ['^ if|when|for|on|whether|mainly|mostly', '^ it come down'];

const FILLER_LEAD = '(oh|um|umm|uh|uhh|well|so|okay|ok|right|yeah) (,|.|!)';

/** Openings that stall instead of answering (filler-opening). */
export const FILLER_OPENINGS: CuePhrases = [
  `^ ${FILLER_LEAD} (that_be|thats|what) (a|an) great|good|excellent|interesting|fantastic|nice question`,
  `^ ${FILLER_LEAD} (so) (,) basically`,
  `^ ${FILLER_LEAD} um|umm|uh|uhh|well|okay|ok|so (,|.) (so) (,) basically|yeah|um|umm|uh|uhh|like`,
  `^ ${FILLER_LEAD} so yeah`,
  `^ ${FILLER_LEAD} honestly`,
];

/** A downside volunteered: the trade-off part of a CCTR answer. Inflected words are written with = where the other forms say something else ("compromised"). */
export const TRADEOFF_CUES: CuePhrases = [
  'trade_off|trade_offs',
  'tradeoff|=tradeoffs',
  'down_side|down_sides',
  'downside|=downsides',
  'drawback',
  'the catch',
  'catch =is',
  'at the cost|price|expense of',
  '=cost|=costs more|extra|money|us',
  'more expensive',
  'price =is|of',
  '=limit|=limits|=limitation|=limitations',
  'caveat',
  'on the other hand',
  'in exchange',
  'overhead',
  'the flip side',
  'you|we =lose',
  '=give|=gives up',
  '=risk|=risks',
  'but it|this|that|you|the|we|i|there|a|an',
  'however',
  '=con|=cons',
  '=penalty',
  '=worse|=slower|=harder|=complexity|=complex',
  'latency cost',
  '=not free',
  "=is|=isn't not|n't free",
  'the price',
  '=pay for|more|extra',
  '=disadvantage',
  'what =breaks',
  '=breaks first',
  '=would|=could =break',
  '=weakness|=tension|=compromise',
];

/** What the speaker owned: the task part of a STAR story. */
export const TASK_CUES: CuePhrases = [
  'i =was responsible|asked|tasked|in_charge|on_call|oncall',
  'i =was the owner|lead|on_call|oncall',
  'i =took (the) (incident) command|commander|lead',
  'my task|job|goal|role|responsibility|mandate|remit =was',
  'i =needed|=had to',
  'i =owned',
  'i =took on|ownership|charge|the_lead',
  'the goal =was',
  'we =had to',
  'i =volunteered',
  'i =was the|a engineer|developer|lead|owner',
  '=assigned (to) me',
  'it =was my|on_me',
];

/** Words as written, not as lemmas: "wrote up" → "=wrote_=up". For lists whose tense is the point (a story is told in the past). */
function asWritten(words: string): string {
  return words
    .split('|')
    .map((w) =>
      w
        .split(' ')
        .map((x) => `=${x}`)
        .join('_'),
    )
    .join('|');
}

/** Where and when a story happened: the situation part of a STAR story. */
export const SITUATION_CUES: CuePhrases = [
  'at my =last|=previous|=current|=first =job|=company|=role|=team|=internship',
  'when i =was',
  'in my|our =last|=previous|=first|=current|=final =job|=role|=team|=company|=year|=project|=internship',
  'last =year|=quarter|=month|=summer',
  'a =few|couple_of =years|=months|=weeks ago',
  // Only as written, and not "weren't": the pattern this replaces read whole words.
  `${asWritten('we|our team|the team|the company|my team|our service|our system|the system|the service|the project|the client|a customer|our customer')} ${asWritten('had|were|was|faced|hit|ran|launched|needed|lost|saw|started')} !n't`,
  'during a|an|my|our|the',
  'while =working',
  'while i =was',
  'while we =were',
  'in #year',
  'in * #year',
  'one =day|=morning|=night|=friday|=weekend',
  "there =was|=were !n't",
];

/** What the speaker did, in the past tense: the action part of a STAR story. */
export const ACTION_CUES: CuePhrases = [
  `i (=then|=first|=quickly|=personally|=also|=immediately) ${asWritten('wrote|built|set up|created|added|proposed|led|ran|measured|analysed|analyzed|designed|implemented|migrated|configured|automated|scheduled|talked|met|organised|organized|reviewed|changed|moved|introduced|replaced|traced|dug|pulled|benchmarked|prototyped|documented|presented|paired|drafted|rolled|deployed|tested|fixed|removed|rewrote|split|asked|called|escalated|interviewed|mentored|coached|trained|shadowed|read|studied|spent|compared|collected|gathered|shared|suggested|negotiated|agreed|reproduced|profiled|instrumented|tagged|enabled|disabled|rotated|revoked|blocked|restored|wrote up|put|made|took|started|decided|chose|explained|showed|convinced|persuaded|pushed|opened|filed|audited|mapped|cut|reduced|tuned|raised|sat down|reached out|kept|sent|checked|found|identified|noticed|learned|taught|built out|ran through|walked|owned|volunteered|scoped|estimated|planned|prioritised|prioritized|delegated|hired|onboarded')}`,
];

/** A decision stated: the choice part of a CCTR answer. */
export const CHOICE_CUES: CuePhrases = [
  `i (='d|=would|=will) ${asWritten('use|choose|pick|go with|put|recommend|start|prefer|reach for|suggest|opt|keep|move|run|add|place|set up|design|build|split|make')}`,
  `i ${asWritten('chose|picked|used|went with|decided|recommended|proposed|moved|migrated|switched|introduced|selected|opted')}`,
  `we ${asWritten('chose|picked|used|went with|decided|moved|migrated|switched|settled|opted|selected|adopted')}`,
  '(the) =right|=best|=better|=sensible|=natural =choice|=option|=fit|=answer|=approach',
  'my =choice|=recommendation|=pick|=approach|=preference',
  '=choose|=prefer|=use|=pick * =when|=if|=for|=because|=over',
  '=is|=are a_better|the_better|the_right =fit',
  'rather than',
  'instead of',
  '=over (a|an|the) * =because',
  '=because',
];

/** The situation a technical answer is set in: the context part of a CCTR answer. */
export const CONTEXT_CUES: CuePhrases = [
  `in =a|=an|=our|=my|=one (*) (*) (*) ${asWritten('project|system|team|company|app|application|service|platform|workload|setup|environment|startup|shop|bank|client|migration|account|pipeline|api|product|job')}`,
  'at my =last|=previous|=current =job|=company|=role|=team',
  `${asWritten('we|our team|the team|our app|our service|our system|the company|the client')} ${asWritten('had|were|was|has|have|ran|run|needed|served|handled|processed')} !n't`,
  '=imagine|=suppose|=say|=consider =we|=you|=a|=an|=the',
  '=given =a|=an|=that|=the',
  '=if =the|=you|=we|=a|=an|=traffic|=load|=your',
  '=when =traffic|=load|=the|=a|=an|=you|=we|=your|=our',
  '=for =example|=instance',
  `${asWritten('with|at|of|handle|handles|serving|serves')} (=about|=around|=roughly|=over|=up_=to) # (=k|=m|=million|=thousand) ${asWritten('users|requests|customers|orders|messages|events|tps|rps|qps|transactions|writes|reads|gb|tb|records')}`,
  '=requirement|=workload|=scenario',
  '=use =case',
];

export const CUES = {
  vagueActions: compileCues(VAGUE_ACTIONS),
  hedges: compileCues(HEDGES),
  qualifiedHedges: compileCues(QUALIFIED_HEDGES),
  genericDependencies: compileCues(GENERIC_DEPENDENCIES),
  hedgeFollowThrough: compileCues(HEDGE_FOLLOW_THROUGH),
  fillerOpenings: compileCues(FILLER_OPENINGS),
};
