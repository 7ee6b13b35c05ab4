import { findCue, hasCue } from './rules/cues.js';
import { CUES } from './rules/phrases.js';
import { asksForStory, isJudgedAsStory } from './rules/frameworks.js';
import { hasQuantity } from './rules/cues.js';
import type { EngineParameters } from './params.js';
import type { ServiceMention } from './services.js';
import type { AnalysedText, Sentence } from './text.js';
import { BUZZWORDS } from './thesaurus.js';
import type { Finding, FindingCode, QuestionKind, Structure } from './types.js';

/** What the habit detectors look at: the answer and what the other stages found in it. */
export interface FindingInput {
  kind: QuestionKind;
  answer: AnalysedText;
  structure: Structure;
  mentions: ServiceMention[];
  /** Share of the rubric the answer covered (0–1). */
  substance: number;
  isOffTopic: boolean;
  misconceptions: Array<{ claim: string; correction: string; evidence: string }>;
  /** Whether the answer replies to a follow-up: a narrow question asks for no trade-off of its own. */
  isFollowUp?: boolean;
}

function finding(code: FindingCode, message: string, evidence: string | null): Finding {
  return { code, message, evidence };
}

export function fillerOpening(answer: AnalysedText): Finding | null {
  const first = answer.sentences[0];
  if (!first || !hasCue(CUES.fillerOpenings, first)) return null;
  return finding(
    'filler-opening',
    'The answer opens with filler. Start with your answer: the first sentence is where the interviewer decides whether you know this.',
    first.text,
  );
}

const BUZZWORD_RE = new RegExp(`\\b(?:${BUZZWORDS.map((b) => b.replace(/[-\s]/g, '[-\\s]')).join('|')})\\b`, 'gi');

export function buzzwords(answer: AnalysedText, params: EngineParameters): Finding | null {
  const hits: Array<{ word: string; sentence: string }> = [];
  for (const s of answer.sentences) for (const m of s.text.matchAll(BUZZWORD_RE)) hits.push({ word: m[0].toLowerCase(), sentence: s.text });
  const distinct = [...new Set(hits.map((h) => h.word))];
  if (distinct.length === 0 || (distinct.length < 2 && answer.wordCount > params.habits.buzzwordForgivenAbove)) return null;
  return finding(
    'buzzwords',
    `"${distinct.slice(0, 4).join('", "')}" ${distinct.length === 1 ? 'is a marketing word' : 'are marketing words'}: say what the design does instead (a number, a mechanism, a limit).`,
    hits[0]!.sentence,
  );
}

const REASON =
  /\b(?:because|since|so (?:that|we|it|the|i)|so\b|to (?!the\b|a\b|an\b)\w+|for (?:the|its|their|our|a|an|\w+ing)|which|that (?:lets|gives|keeps|means|handles|stores|caches|runs|buffers|serves|sends|holds|triggers|routes|checks)|as (?:it|they|a|an|the)|handles?|stores?|caches?|buffers?|routes?|serves?|triggers?|decouples?|absorbs?|keeps?|runs?|holds?|sends?|pushes?|pulls?|streams?|encrypts?|scales?|balances?|protects?|filters?|replicates?|queues?|retries|invokes?|orchestrates?|manages?|watches?|alerts?|records?|logs?|gives?|lets?|means?|allows?|provides?|avoids?|prevents?|reduces?|cuts?|when|where|if|instead of|rather than|over)\b/i;

/** A mention is explained when its sentence says what the service does or why it is there. */
const FIRST_PERSON_ACT =
  /\b(?:i|we)\s+(?:\w+ly\s+)?(?:found|traced|saw|noticed|added|set|wrote|moved|put|built|used|enabled|configured|turned|switched|replaced|cached|mitigated|rolled|pointed|checked|queried|read)\b/i;

function unexplainedServices(answer: AnalysedText, mentions: ServiceMention[], params: EngineParameters): string[] {
  const explained = new Set<string>();
  const all = new Set<string>();
  for (const m of mentions) {
    all.add(m.service);
    const sentence = answer.sentences[m.sentence]!;
    const servicesInSentence = new Set(mentions.filter((x) => x.sentence === m.sentence).map((x) => x.service));
    // A sentence that only lists services explains none of them, whatever words it uses.
    const perService = sentence.wordCount / servicesInSentence.size;
    // A reason ("because…", "to…"), or the speaker putting the service to work in a story
    // ("in the X-Ray traces I found…"), says why it is there.
    if ((REASON.test(sentence.text) || FIRST_PERSON_ACT.test(sentence.text)) && perService >= params.habits.wordsPerExplainedService) explained.add(m.service);
  }
  return [...all].filter((s) => !explained.has(s));
}

export function serviceDump(answer: AnalysedText, mentions: ServiceMention[], params: EngineParameters): Finding | null {
  const unexplained = unexplainedServices(answer, mentions, params);
  if (unexplained.length < params.habits.serviceDumpAt) return null;
  const names = unexplained.slice(0, 3).map(shortName);
  const sentence = answer.sentences[mentions.find((m) => m.service === unexplained[0])!.sentence]!;
  return finding(
    'service-dump',
    `You named ${names[0]}, ${names[1]} and ${names[2]}${unexplained.length > 3 ? ' and more' : ''} without saying why each: name fewer, and say what each one solves.`,
    sentence.text,
  );
}

/** "Amazon SQS" → "SQS", for messages. */
export function shortName(service: string): string {
  return service.replace(/^(?:Amazon|AWS)\s+/, '');
}

/** "It depends" that names no deciding factor, here or in the next sentence. */
export function unqualifiedHedge(answer: AnalysedText): Finding | null {
  for (const [i, s] of answer.sentences.entries()) {
    if (!hasCue(CUES.hedges, s)) continue;
    const generic = hasCue(CUES.genericDependencies, s);
    if (hasCue(CUES.qualifiedHedges, s) && !generic) continue;
    const next = answer.sentences[i + 1];
    if (!generic && next && hasCue(CUES.hedgeFollowThrough, next)) continue;
    return finding(
      'unqualified-hedge',
      '"It depends" without saying on what sounds evasive. Name the deciding factor and what you would choose on each side of it.',
      s.text,
    );
  }
  return null;
}

/** The first step that is not a step ("looked into it and fixed it") in a sentence that names nothing concrete. */
export function vagueAction(answer: AnalysedText): Finding | null {
  // "fixed it" after naming the port, service or concept that was changed is concrete enough.
  const isConcrete = (s: Sentence) => /\d/.test(s.text) || s.units.some((u) => u.isConcept);
  for (const s of answer.sentences) {
    const cue = isConcrete(s) ? null : findCue(CUES.vagueActions, s);
    if (cue) return vagueFinding(cue.text, s.text);
  }
  return null;
}

function vagueFinding(phrase: string, evidence: string): Finding {
  return finding('vague-action', `"${phrase}" is not a step. Say what you would check first, with which tool or metric, and what you would change.`, evidence);
}

export function noMetrics(input: FindingInput): Finding | null {
  if (!isStoryAnswer(input) || input.answer.sentences.some((s) => hasQuantity(s))) return null;
  return finding(
    'no-metrics',
    'The story has no measurable outcome. Put a number on the result: time saved, error rate, cost, customers, or how you measured it.',
    null,
  );
}

const FIRST_PERSON_ACTION = /\bi (?!think\b|believe\b|guess\b|feel\b|felt\b|was part\b|mean\b|would say\b|am\b|'m\b)(?:\w+ly )?\w+/i;
const WE = /\b(?:we|our team|the team|us|our)\b/i;

export function noOwnership(input: FindingInput): Finding | null {
  if (!isStoryAnswer(input)) return null;
  const answer = input.answer;
  if (answer.sentences.some((s) => FIRST_PERSON_ACTION.test(s.text))) return null;
  const we = answer.sentences.find((s) => WE.test(s.text));
  if (!we) return null;
  return finding(
    'no-ownership',
    'Only "we" and "the team" did things. Say what you did yourself: the decision you made, the thing you built, the conversation you led.',
    we.text,
  );
}

function isStoryAnswer(input: FindingInput): boolean {
  return isJudgedAsStory(input.kind, input.structure.framework);
}

const DEFINITION =
  /^(?:(?:amazon|aws)\s+)?[\w\s-]{1,40}?\s+(?:is|are)\s+(?:a|an|the|basically|essentially|just|simply|another|one|part of|both|aws'?s?)\b|\b(?:stands for|is defined as|refers to|is used (?:to|for)|are used (?:to|for)|allows? you to|lets you|is a (?:fully )?managed|is a service|is a type of|provides? (?:a|an)|offers? (?:a|an))\b/i;

export function definitionOnly(input: FindingInput, params: EngineParameters): Finding | null {
  if (asksForStory(input.kind)) return null;
  const sentences = input.answer.sentences;
  if (sentences.length === 0) return null;
  const definitional = sentences.filter((s) => DEFINITION.test(s.text));
  if (definitional.length === 0 || definitional.length < sentences.length * params.habits.definitionShare) return null;
  const parts = new Map(input.structure.parts.map((p) => [p.part, p.present]));
  if (parts.get('context') || parts.get('choice') || /\b(?:i|we)\b/i.test(input.answer.text)) return null;
  return finding(
    'definition-only',
    'This says what the services are, not what you would do. Put them to work: a situation, the choice you would make there, and why.',
    definitional[0]!.text,
  );
}

const PROPOSAL_KINDS: ReadonlySet<QuestionKind> = new Set(['design', 'scenario']);

export function noTradeoff(input: FindingInput, params: EngineParameters): Finding | null {
  if (isStoryAnswer(input) || input.isFollowUp || input.answer.wordCount < params.habits.tradeoffMinWords) return null;
  if (input.structure.parts.some((p) => p.part === 'tradeoff' && p.present)) return null;
  // Only a recommendation can lack its downside: a definition or a pasted policy recommends
  // nothing. An answer to a design or scenario question is a proposal even without "I'd use".
  const claims = input.answer.sentences.filter((s) => s.isClaim);
  const choice =
    input.structure.parts.find((p) => p.part === 'choice' && p.present)?.evidence ??
    (PROPOSAL_KINDS.has(input.kind) && claims.length >= 2 ? claims[0]!.text : null);
  if (!choice) return null;
  return finding('no-tradeoff', 'You recommended without a downside. Volunteer one: what it costs, where it stops working, or what would break first.', choice);
}

function lengthLimits(input: FindingInput, params: EngineParameters): { min: number; max: number } | null {
  if (!params.length.isJudged) return null;
  return isStoryAnswer(input) ? params.length.story : params.length.technical;
}

export function tooShort(input: FindingInput, params: EngineParameters): Finding | null {
  const limits = lengthLimits(input, params);
  const words = input.answer.wordCount;
  if (!limits || words >= limits.min) return null;
  return finding(
    'too-short',
    `${words} ${words === 1 ? 'word' : 'words'} is too short to show judgement. Aim for ${limits.min * 3}–${Math.round(limits.max / 1.6)} words: the situation, your choice, its cost and the result.`,
    input.answer.sentences[0]?.text ?? null,
  );
}

export function tooLong(input: FindingInput, params: EngineParameters): Finding | null {
  const limits = lengthLimits(input, params);
  const words = input.answer.wordCount;
  if (!limits || words < limits.min || words <= limits.max) return null;
  return finding(
    'too-long',
    `${words} words is longer than an interviewer will follow. Cut to the decision, its reason, its cost and the result (under ${Math.round(limits.max / 1.6)} words).`,
    null,
  );
}

export function keywordList(answer: AnalysedText, params: EngineParameters): Finding | null {
  const listed = answer.sentences.filter((s) => !s.isClaim);
  const words = listed.reduce((n, s) => n + s.wordCount, 0);
  if (answer.wordCount === 0 || words < params.habits.keywordListShare * answer.wordCount || words < params.habits.keywordListMinWords) return null;
  return finding(
    'keyword-list',
    'This is a list of terms, not an answer: nothing in it says what the terms do or why. Put each one in a sentence: what you would use it for, and why.',
    listed[0]!.text,
  );
}

export function offTopic(input: FindingInput): Finding | null {
  if (!input.isOffTopic) return null;
  return finding(
    'off-topic',
    'This does not answer the question asked. Re-read the prompt and answer it directly in your first sentence.',
    input.answer.sentences[0]?.text ?? null,
  );
}

/** The wrong claims found in the answer, one finding each. */
export function misconceptions(input: FindingInput): Finding[] {
  return input.misconceptions.map((m) => finding('misconception', `This states a common error: ${m.correction}`, m.evidence));
}
