// Types only from params.ts: it builds its defaults from the finding rules, whose detectors read this table.
import type { EngineParameters } from '../params.js';
import type { AnalysedText, Sentence } from '../text.js';
import type { CctrPart, QuestionKind, StarPart } from '../types.js';
import { compileCues, hasCue, hasQuantity, type CueMatcher } from './cues.js';
import { ACTION_CUES, CHOICE_CUES, CONTEXT_CUES, SITUATION_CUES, TASK_CUES, TRADEOFF_CUES } from './phrases.js';

/**
 * The answer frameworks, one entry each: the parts an answer of that shape has, in order, with
 * the cues that show each part in a sentence and the tip when it is missing. Technical answers
 * are read as CCTR (context, choice, trade-off, result); behavioural answers, and experience
 * answers told as a story, as STAR. `frameworkFor` is the one place that decides which fits.
 */
export type FrameworkName = 'CCTR' | 'STAR';

export interface FrameworkPart {
  part: CctrPart | StarPart;
  /** Words that show the part in a sentence: cue phrases (src/core/rules/cues.ts), or a pattern not yet rewritten as phrases. */
  cue: RegExp | CueMatcher;
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

const RESULT_CUE =
  /\b(?:as a result|result(?:ed|s)? in|so that|this (?:gave|gives|cut|cuts|reduced|reduces|lets|let|means|meant|kept|keeps|brought|dropped|saved|removed|halved|improved)|which (?:cut|cuts|reduced|reduces|improved|means|meant|gave|gives|brought|dropped|saved|kept|keeps|lets|halved)|(?:cut|reduced|improved|dropped|saved|increased|brought|halved|doubled|lowered|raised|shortened|went) .{0,40}?\b(?:by|to|from) (?:about |around |roughly )?\$?\d|outcome|in the end|ended up|end result|that way|the result|overall|we (?:saved|cut|reduced|achieved|hit|met|shipped|delivered|avoided|recovered)|i (?:saved|cut|reduced|achieved|hit|met|shipped|delivered|avoided)|zero (?:downtime|incidents|data loss|errors)|no (?:downtime|data loss|outage|incidents)|(?:uptime|availability) of \d|within \d|under \d|less than \d|fewer than \d|learned|since then|ever since|from then on)\b/i;
const RESULT_TIP = 'End with the result: what changed, with a number (latency, cost, errors, time).';
const CHANGE = /\b(?:cut|reduc|improv|drop|sav|increas|fell|rose|went|down|up|faster|fewer|less|more)\w*/i;
const SPEAKER = /\b(?:we|our|i|my|the team|the company)\b/i;

export const FRAMEWORKS: Record<FrameworkName, FrameworkRule> = {
  CCTR: {
    name: 'CCTR',
    parts: [
      {
        part: 'context',
        cue: compileCues(CONTEXT_CUES),
        tip: 'Open with a concrete situation: the workload, its scale and the constraint that shaped your choice.',
      },
      {
        part: 'choice',
        cue: compileCues(CHOICE_CUES),
        tip: 'State your choice plainly ("I would use X because...") before explaining it.',
      },
      {
        part: 'tradeoff',
        cue: compileCues(TRADEOFF_CUES),
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
        cue: compileCues(SITUATION_CUES),
        // A first sentence of some length that says who was there sets the scene.
        alsoShownBy: (s, params) => s.index === 0 && s.wordCount >= params.story.situationOpeningWords && SPEAKER.test(s.text),
        tip: 'Set the scene in one or two sentences: where you were, what was at stake, and when.',
      },
      {
        part: 'task',
        cue: compileCues(TASK_CUES),
        tip: 'Say what you personally owned: "I was responsible for...".',
      },
      {
        part: 'action',
        cue: compileCues(ACTION_CUES),
        tip: 'Walk through the concrete steps you took yourself, with "I", in order.',
      },
      // A number with a change ("fell to 40 ms") is a result, whatever words introduce it.
      { part: 'result', cue: RESULT_CUE, alsoShownBy: (s) => hasQuantity(s) && CHANGE.test(s.text), isAfterOpening: true, tip: RESULT_TIP },
    ],
  },
};

/** Whether the part's cue is said in the sentence. */
export function showsPart(rule: FrameworkPart, sentence: Sentence): boolean {
  return rule.cue instanceof RegExp ? rule.cue.test(sentence.text) : hasCue(rule.cue, sentence);
}

/** Question kinds that ask for a story whatever the answer tells. */
const STORY_KINDS: ReadonlySet<QuestionKind> = new Set(['behavioral']);
/** Question kinds whose answers are judged as stories (length, numbers, ownership). */
const STORY_ASKING_KINDS: ReadonlySet<QuestionKind> = new Set(['behavioral', 'experience']);

const FIRST_PERSON = /\b(?:i|we|my|our|me|us)\b/i;
/** Past tense: regular verbs, and the irregular ones stories are told with. */
const PAST_TENSE =
  /\b(?:was|were|had|did|\w+ed|sent|took|went|made|got|gave|found|kept|left|told|saw|felt|knew|ran|wrote|led|built|put|spent|thought|came|began|brought|met|won|lost|paid|sat|stood|held|heard|caught|taught|chose|broke|fell|rose|grew|drove|gave|shut|split|set up)\b/i;

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
