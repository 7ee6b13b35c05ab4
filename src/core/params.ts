import { FINDING_RULES } from './rules/findings.js';
import { FINDING_CODES, type FindingCode } from './types.js';

/**
 * Every weight and threshold of the grading engine, in one object, the way ts-fsrs keeps its
 * model in `FSRSParameters`: `defaultParameters(partial)` builds it, `createGrader(knowledge,
 * params)` (src/core/grade.ts) grades with it. Each number says why it has its value; the
 * finding penalties, score effects and tip values start from the finding table
 * (src/core/rules/findings.ts), where each habit is defined.
 */
export interface EngineParameters {
  /** How the score is built from its parts (src/core/score.ts). */
  score: {
    /** Points for substance: what an interviewer weighs most is whether the answer says the right things. */
    substanceWeight: number;
    /** Points for the CCTR/STAR shape, earned in proportion to substance. */
    structureWeight: number;
    /** Points for clean habits, earned in proportion to substance. */
    habitsWeight: number;
    /** Substance at which shape and habits earn full credit: form without content cannot score. */
    formFullAt: number;
    /** Credit of a covered point before its strength: covering a point is most of its worth. */
    coveredBase: number;
    /** Most credit an uncovered point earns for being partly said. */
    partialCredit: number;
  };
  /** Strength (0–1) at which a rubric point counts as covered: tuned on the labelled set. */
  coveredAt: number;
  /** Per finding code: what it costs and how much fixing it is worth as a tip. */
  findings: Record<FindingCode, FindingParameters>;
  /** Word counts that make an answer too short or too long to do its job in an interview. */
  length: {
    /** Whether length is judged at all (an exam's short answer is not). */
    isJudged: boolean;
    story: { min: number; max: number };
    technical: { min: number; max: number };
  };
  /** Thresholds of the habit detectors (src/core/findings.ts). */
  habits: {
    /** One marketing word is forgiven in an answer longer than this. */
    buzzwordForgivenAbove: number;
    /** Services named without a reason before the answer is a service dump. */
    serviceDumpAt: number;
    /** Words per service a sentence needs before it can explain the services it names. */
    wordsPerExplainedService: number;
    /** Share of sentences that define before an answer is definition-only. */
    definitionShare: number;
    /** Shortest technical answer expected to carry a trade-off of its own. */
    tradeoffMinWords: number;
    /** Share of an answer's words in lists of terms at which the answer is a keyword list. */
    keywordListShare: number;
    /** Fewest listed words before a list of terms is a keyword list. */
    keywordListMinWords: number;
  };
  /** Wrong claims (a question's pitfalls), src/core/grade.ts. */
  misconception: {
    /** Strength at which a passage states a wrong claim. */
    at: number;
    /** How much more a passage must read like the claim than like its correction. */
    margin: number;
    /** How much closer than the claim itself a paraphrase of it must match. */
    paraphraseMargin: number;
    /** Fewest weighted words a passage must share with a wrong claim: short claims match too easily. */
    minWeight: number;
  };
  /** When an answer is about something other than the question (src/core/grade.ts). */
  offTopic: {
    /** Below this share of the prompt's subject an answer to an open technical question is off topic… */
    open: number;
    /** …when it names at least this many services or concepts the prompt does not: a vague answer is weak, not off topic. */
    openForeignTerms: number;
    /** Below this mean of subject share and substance a technical answer is off topic. */
    technical: number;
    /** Below this subject share an answer to a story question that tells no story is off topic. */
    notAStory: number;
    /** One rubric point stated this clearly keeps an answer on topic, however short. */
    clearPoint: number;
    /** Below this subject share a story told for an open question is off topic. */
    openStory: number;
    /** Below this share of its words on the question's topic an experience story is off topic. */
    storyRelevance: number;
  };
  /** Fewest words that can mean anything: below this no point is judged. */
  minWordsForMeaning: number;
  /** Open (prompt-only) questions (src/core/open.ts). */
  open: {
    /** Share of the prompt's subject that earns the on-subject point in full: half its words is answering it. */
    subjectFullAt: number;
    /** Named services or concepts a sentence needs to explain a mechanism. */
    mechanismTerms: number;
    /** Words a sentence needs to explain a mechanism rather than name one. */
    mechanismMinWords: number;
    /**
     * Different pieces of evidence of the prompt's theme (src/core/rules/themes.ts) that make a
     * story about it: one word can be chance, three ("outage", "failover", "alarm") is the subject.
     * A story below it is still on topic when the prompt's own words make up the rest.
     */
    themeEvidenceOnTopic: number;
    /** The same for an answer shorter than a story's minimum length: two theme words in two sentences is the subject. */
    themeEvidenceShortAnswer: number;
    /**
     * Share of the prompt's subject words that, with at least one piece of theme evidence, makes a
     * story on topic however little more of the theme it shows: a terse story of a disagreement may
     * name the manager and say only that it "pushed back".
     */
    themeNamedSubjectShare: number;
  };
  /** Whether only sentences that assert something show a part, a quality or a point (an exam's fragment may not). */
  claimsOnly: boolean;
  /** Tips (src/core/tips.ts). */
  tips: {
    /** Value of the missed-points tip when one point of many is missed… */
    missedBase: number;
    /** …plus this times the share of points missed. */
    missedPerShare: number;
    /** Value of a tip for a missing part of the shape. */
    missingPart: number;
    /** Most tips shown. */
    count: number;
  };
  /** Word-alignment matching of a statement and a passage (src/core/match.ts). */
  matching: MatchParameters;
  /** Most consecutive sentences read as one passage for a rubric point. */
  passageWindow: number;
  /** Stories (src/core/structure.ts). */
  story: {
    /** Fewest first-person past-tense sentences in a story. */
    minSentences: number;
    /** Share of sentences that must tell the story. */
    minShare: number;
    /** A first sentence this long, in first person, sets the situation. */
    situationOpeningWords: number;
  };
}

/** How a reference statement's words are weighed and matched in a passage. */
export interface MatchParameters {
  /** How much a word says: named concepts most, light verbs ("have", "use") least. */
  wordWeights: { concept: number; light: number; number: number; noun: number; adjective: number; verb: number; adverb: number; other: number };
  /** A word that repeats the question shows little. */
  questionDemotion: number;
  /** A word in many of a question's points tells them apart little: weight / (1 + this × (points − 1)). */
  repeatDemotion: number;
  /** Credit of a WordNet synonym: close, but not the word the point uses. */
  synonymCredit: number;
  /** Credit of a shared stem (encrypt ~ encryption): nearer than a synonym. */
  stemCredit: number;
  /** Shortest stem trusted for a match: short stems collide. */
  minStemChars: number;
  /** Share of a statement's credit said under a negation at which a passage denies it. */
  negatedShare: number;
  /** Credit kept by a passage of one, two and three sentences: a point said in one place is said more clearly. */
  windowDecay: readonly number[];
  /** Fewest shared words for a clause to count as saying the same of a subject. */
  frameOverlap: number;
}

/** The cost of one finding and the value of fixing it. */
export interface FindingParameters {
  /** Share of the habits credit the finding takes away. */
  penalty: number;
  /** Factor the whole score is multiplied by (once, or once per finding when `perFinding`). */
  multiply?: number;
  perFinding?: boolean;
  /** Most the score can be with this finding. */
  cap?: number;
  /** How much fixing it is worth, to rank the tips (0–100). */
  tipValue: number;
}

/** A partial of the parameters: any group may be given in part. */
export type PartialParameters = { [K in keyof EngineParameters]?: EngineParameters[K] extends object ? Partial<EngineParameters[K]> : EngineParameters[K] };

function findingDefaults(): Record<FindingCode, FindingParameters> {
  return Object.fromEntries(
    FINDING_CODES.map((code) => {
      const { penalty, effect, tipValue } = FINDING_RULES[code];
      return [code, { penalty, tipValue, ...effect }];
    }),
  ) as Record<FindingCode, FindingParameters>;
}

function baseParameters(): EngineParameters {
  return {
    score: { substanceWeight: 70, structureWeight: 15, habitsWeight: 15, formFullAt: 0.5, coveredBase: 0.75, partialCredit: 0.6 },
    coveredAt: 0.48,
    findings: findingDefaults(),
    length: { isJudged: true, story: { min: 45, max: 600 }, technical: { min: 25, max: 480 } },
    habits: {
      buzzwordForgivenAbove: 60,
      serviceDumpAt: 3,
      wordsPerExplainedService: 5,
      definitionShare: 1 / 3,
      tradeoffMinWords: 20,
      keywordListShare: 0.5,
      keywordListMinWords: 6,
    },
    misconception: { at: 0.6, margin: 0.3, paraphraseMargin: 0.1, minWeight: 2.5 },
    offTopic: { open: 0.25, openForeignTerms: 3, technical: 0.25, notAStory: 0.3, clearPoint: 0.55, openStory: 0.1, storyRelevance: 0.08 },
    minWordsForMeaning: 3,
    open: { subjectFullAt: 0.5, mechanismTerms: 2, mechanismMinWords: 8, themeEvidenceOnTopic: 3, themeEvidenceShortAnswer: 2, themeNamedSubjectShare: 0.5 },
    claimsOnly: true,
    tips: { missedBase: 65, missedPerShare: 35, missingPart: 40, count: 3 },
    story: { minSentences: 2, minShare: 1 / 3, situationOpeningWords: 8 },
    matching: {
      wordWeights: { concept: 1.5, light: 0.15, number: 1.2, noun: 1, adjective: 0.9, verb: 0.75, adverb: 0.4, other: 0.5 },
      questionDemotion: 0.35,
      repeatDemotion: 0.35,
      synonymCredit: 0.75,
      stemCredit: 0.85,
      minStemChars: 4,
      negatedShare: 0.4,
      windowDecay: [1, 0.93, 0.86],
      frameOverlap: 2,
    },
    passageWindow: 3,
  };
}

/** The engine's parameters: the tuned defaults, with any group overridden in part. */
export function defaultParameters(partial: PartialParameters = {}): EngineParameters {
  return mergeParameters(baseParameters(), partial);
}

/** `base` with `partial` laid over it, group by group. */
export function mergeParameters(base: EngineParameters, partial: PartialParameters): EngineParameters {
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isGroup(current) && isGroup(value) ? { ...current, ...value } : value;
  }
  return merged as unknown as EngineParameters;
}

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Exam-style short answers (`eval asag`): only substance counts (score = 100 × substance), a
 * fragment may state a point, and length is not judged.
 */
export const SHORT_ANSWER_PRESET: PartialParameters = {
  score: { substanceWeight: 100, structureWeight: 0, habitsWeight: 0 },
  length: { isJudged: false },
  claimsOnly: false,
};

/** The two grading profiles, as parameter presets. */
export type GradingProfile = 'interview' | 'short-answer';

/** The parameters of a profile, laid over `base`. */
export function parametersFor(profile: GradingProfile, base: EngineParameters = DEFAULT_PARAMETERS): EngineParameters {
  return profile === 'short-answer' ? mergeParameters(base, SHORT_ANSWER_PRESET) : base;
}

/** The tuned defaults, built once. */
export const DEFAULT_PARAMETERS: EngineParameters = defaultParameters();

/**
 * How practice sessions use scores (src/core/session): beside the engine's parameters, as they
 * judge progress over many answers, not one answer.
 */
export interface SessionParameters {
  /** A score at or above this means the question was mastered: most interviewers would move on satisfied (a strong answer with one small gap scores 85–90). */
  masteredAt: number;
  /** A topic whose recent mean is below this comes back sooner: under 60 an answer misses points an interviewer expects. */
  weakBelow: number;
  /** Most follow-ups asked after one main question: interviewers probe once or twice, then move on; more turns practice into interrogation. */
  maxFollowUps: number;
}

export const SESSION_PARAMETERS: Readonly<SessionParameters> = Object.freeze({ masteredAt: 85, weakBelow: 60, maxFollowUps: 2 });

/**
 * Limits of text analysis (src/core/text.ts). Fixed for the engine rather than per grader:
 * sentence analyses are cached and shared, so every grader must read a sentence the same way.
 */
export interface TextAnalysisParameters {
  /** Longest run of characters read as one token: longer runs are no words (pasted keys, base64) and cost the stemmer dearly. */
  maxTokenChars: number;
  /** Words in a comma-separated segment at or below which it reads as an item of a list, not a clause. */
  listSegmentWords: number;
  /** A sentence without a verb shorter than this is a fragment, not a claim (the tagger misses some verbs in longer ones). */
  fragmentWords: number;
  /** Fewest comma-separated segments before a sentence can be a list of terms. */
  listMinSegments: number;
  /** Share of list-item segments at which a sentence with at most one clause is a list of terms. */
  listItemShare: number;
  /** Sentence analyses kept in a grader's cache before it is emptied: a long session's answers, not a whole corpus. */
  sentenceCacheSize: number;
}

export const TEXT_ANALYSIS_PARAMETERS: Readonly<TextAnalysisParameters> = Object.freeze({
  maxTokenChars: 64,
  listSegmentWords: 4,
  fragmentWords: 6,
  listMinSegments: 4,
  listItemShare: 0.85,
  sentenceCacheSize: 5_000,
});
