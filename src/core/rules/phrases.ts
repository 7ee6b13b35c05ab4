import { compileCues, type CuePhrases } from './cues.js';

/**
 * The cue phrases of the habit rules, as data (syntax: src/core/rules/cues.ts). Verbs are
 * written as lemmas, so every tense is heard; a word written inflected ("depends", "harder")
 * matches only as written.
 */

/** Steps that are not steps: they say something was done, not what (vague-action). */
export const VAGUE_ACTIONS: CuePhrases = [
  'look into|at it|this|that|things|the_issue|the_problem',
  'look at the log',
  'investigate it|this|that|the_issue|the_problem|and_fix',
  'investigate the|our cluster|system|service|app|application|account',
  // "took on fixing it" is ownership, not a vague step: only "fix it" and "fixed it" are.
  '=fix|=fixed it|this|that|the_issue|the_problem|things $',
  'figure (it|this|that) out',
  'debug it|this|that',
  'troubleshoot it|this|that|the_issue',
  'deal with it|this|that',
  'handle it|this|that',
  'sort it|this|that out',
  'make it|things work',
  'optimise|optimize it|things|everything',
  'do some research|digging|investigation|tuning',
  'take a look',
  'put things in place',
  'do the follow up',
  'check (the) log|everything|things !in|for|on',
  'check the system|setting|config !in|for|on',
  'see what be wrong|go_on|happen',
  'try some|a_few|different things',
  'work on it',
  'escalate it',
  'restart it|things|everything',
  'find the root_cause|issue|problem (and_fix_it)',
  'clean things|it|everything up',
  'make sure everything follow',
  'tighten things|it|everything up',
  'make it|things|everything (more) secure|safe|safer|good|better|fast|faster',
  'work harder',
  'adjust the plan',
  'take it on board',
  'adapt $',
  'test everything',
  'whatever need|needs *ing',
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
const GENERIC_DEPENDENCY_HEAD = 'depends on|upon (your|the|a|many|several|various|lots_of|a_lot_of|different|each) (specific|particular|individual|business|exact)';

/** What "it depends on…" names when it names nothing: "it depends on your use case." ends the sentence. */
export const GENERIC_DEPENDENCIES: CuePhrases = [`${GENERIC_DEPENDENCY_HEAD} ${GENERIC_NEEDS} $$`, `${GENERIC_DEPENDENCY_HEAD} ${GENERIC_NEEDS} and|or (your|the) ${GENERIC_NEEDS_AFTER_AND} $$`];

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

export const CUES = {
  vagueActions: compileCues(VAGUE_ACTIONS),
  hedges: compileCues(HEDGES),
  qualifiedHedges: compileCues(QUALIFIED_HEDGES),
  genericDependencies: compileCues(GENERIC_DEPENDENCIES),
  hedgeFollowThrough: compileCues(HEDGE_FOLLOW_THROUGH),
  fillerOpenings: compileCues(FILLER_OPENINGS),
};
