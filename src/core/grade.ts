import { lookup, type Knowledge } from './lexicon.js';
import {
  answerWords,
  type PassageWords,
  attributedElsewhere,
  bestPassage,
  bestPassageOfAny,
  contradicts,
  coverage,
  modelStatement,
  polarityConflict,
  type StatementModel,
} from './match.js';
import { findPrinciples } from './principles.js';
import { explainScore } from './score.js';
import { DEFAULT_PARAMETERS, parametersFor, type EngineParameters, type GradingProfile, type MatchParameters } from './params.js';
import { findHabits } from './rules/findings.js';
import { distinctServices, findServiceMentions } from './services.js';
import { analyseStructure } from './structure.js';
import { asksForStory, isStory } from './rules/frameworks.js';
import { analyseSentence, analyseText, splitSentences, type AnalysedText, type SentenceCache } from './text.js';
import { chooseTips } from './tips.js';
import { isQualityPoint, judgeQualityPoint } from './qualities.js';
import type { QuestionKind, Structure } from './types.js';
import { guessKind, OPEN_POINTS, type OpenInput } from './open.js';
import { bestThemeEvidence, themesNamed } from './rules/themes.js';
import type { Feedback, Pitfall, Question, RubricResult } from './types.js';

export interface GradeOptions {
  /**
   * `interview` (default) judges an interview answer: substance, shape and habits.
   * `short-answer` judges an exam-style short answer on substance alone (used by `eval asag`).
   */
  profile?: GradingProfile;
}

/** What the engine precomputes once per question: the matchable rubric, claims and topic words. */
interface QuestionModel {
  /** The question's kind, as given or guessed from the prompt. */
  kind: QuestionKind;
  /** What the prompt is about, and what the question it follows on from is about: an answer names one of them. */
  subjects: StatementModel[];
  /** Each rubric point: its statement first, then its alternative phrasings. */
  points: StatementModel[][];
  claims: Array<{ models: StatementModel[]; correction: StatementModel; pitfall: Pitfall }>;
  topic: { keys: Set<string>; stems: Set<string> };
  /** The themes the prompt asks about ("a time you improved reliability": reliability), src/core/rules/themes.ts. */
  themes: string[];
}

/** The grading engine bound to loaded knowledge. Pure: the same inputs give the same feedback. */
export interface Grader {
  grade(question: Question, answer: string, options?: GradeOptions): Feedback;
}

/**
 * The grader bound to loaded knowledge and the engine's parameters (src/core/params.ts); the
 * `short-answer` profile grades with its preset laid over them.
 */
export function createGrader(knowledge: Knowledge, params: EngineParameters = DEFAULT_PARAMETERS): Grader {
  const profiles: Record<GradingProfile, EngineParameters> = { interview: params, 'short-answer': parametersFor('short-answer', params) };
  const sentenceCache: SentenceCache = new Map();
  const questionCache = new WeakMap<Question, QuestionModel>();
  const modelFor = (question: Question) => {
    let model = questionCache.get(question);
    if (!model) {
      model = buildQuestionModel(question, knowledge, sentenceCache, params.matching);
      questionCache.set(question, model);
    }
    return model;
  };
  return {
    grade: (question, answer, options = {}) =>
      gradeWithModel(question, modelFor(question), analyseText(answer, knowledge, sentenceCache), knowledge, profiles[options.profile ?? 'interview']),
  };
}

/** The points a question is judged on: its rubric, or else the sentences of its model answer. */
export function rubricPoints(question: Question): string[] {
  if (question.rubric && question.rubric.length > 0) return question.rubric;
  return question.modelAnswer ? splitSentences(question.modelAnswer) : [];
}

/** The question's model; the profiles share it, as a preset does not change how words are matched. */
function buildQuestionModel(question: Question, knowledge: Knowledge, cache: SentenceCache, tuning: MatchParameters): QuestionModel {
  const analyse = (text: string) => analyseText(text, knowledge, cache).sentences;
  const prompt = analyse(question.prompt);
  const questionKeys = new Set(prompt.flatMap((s) => [...s.keys]));

  const points = rubricPoints(question).map((p) => ({ text: p, sentences: analyse(p) }));
  const statementFrequency = new Map<string, number>();
  for (const p of points) for (const k of new Set(p.sentences.flatMap((s) => [...s.keys]))) statementFrequency.set(k, (statementFrequency.get(k) ?? 0) + 1);
  const ctx = { questionKeys, statementFrequency, knowledge, tuning };
  const phrasings = (i: number) => (question.rubric && question.rubric.length > 0 ? (question.accept?.[i] ?? []) : []);
  const topicSources = [question.prompt, ...(question.rubric ?? []), question.modelAnswer ?? '', ...(question.services ?? [])];
  const topicSentences = topicSources.flatMap((t, i) => splitSentences(t).map((s, j) => analyseSentence(s, i * 100 + j, knowledge)));
  return {
    kind: question.kind ?? guessKind(question.prompt),
    subjects: [
      subjectModel(question.prompt, prompt, knowledge, tuning),
      ...(question.context ? [subjectModel(question.context, analyse(question.context), knowledge, tuning)] : []),
    ],
    points: points.map((p, i) => [modelStatement(p.text, p.sentences, ctx), ...phrasings(i).map((a) => modelStatement(p.text, analyse(a), ctx))]),
    claims: (question.pitfalls ?? []).map((pitfall) => ({
      pitfall,
      models: [pitfall.claim, ...(pitfall.accept ?? [])].map((claim) => modelStatement(pitfall.claim, analyse(claim), { questionKeys, knowledge, tuning })),
      correction: modelStatement(pitfall.correction, analyse(pitfall.correction), { questionKeys, knowledge, tuning }),
    })),
    topic: {
      keys: new Set(topicSentences.flatMap((s) => [...s.keys])),
      stems: new Set(topicSentences.flatMap((s) => [...s.stems])),
    },
    themes: themesNamed(prompt),
  };
}

/** Words of how a prompt asks, not of what it asks about. */
const ASKING_WORDS = new Set([
  'tell',
  'time',
  'describe',
  'explain',
  'difference',
  'differ',
  'choose',
  'pick',
  'would',
  'could',
  'should',
  'when',
  'what',
  'which',
  'how',
  'why',
  'example',
  'give',
  'walk',
  'happen',
  'handle',
  'approach',
  'situation',
  'do',
  'did',
  'result',
  'learn',
  'each',
  'use',
]);

function subjectModel(text: string, sentences: AnalysedText['sentences'], knowledge: Knowledge, tuning: MatchParameters): StatementModel {
  const model = modelStatement(text, sentences, { questionKeys: new Set(), knowledge, tuning });
  const terms = model.terms.filter((t) => !ASKING_WORDS.has(t.key));
  return { ...model, terms, totalWeight: terms.reduce((n, t) => n + t.weight, 0) };
}

/** The question's subject the answer's words name most, and how much of it (0–1). */
function subjectShare(model: QuestionModel, words: PassageWords): { share: number; subject: StatementModel } {
  let found = { share: -1, subject: model.subjects[0]! };
  for (const subject of model.subjects) {
    const share = coverage(subject, words.keys, words.stems);
    if (share > found.share) found = { share, subject };
  }
  return found;
}

/** How much of an open prompt's subject the answer speaks about: in the prompt's words, or by showing its theme. */
function openSubject(
  literal: ReturnType<typeof bestPassage>,
  share: number,
  theme: { sentences: AnalysedText['sentences'] } | null,
  themeShare: number,
): OpenInput['onSubject'] {
  if (!theme || themeShare <= share) return { ...literal, share };
  return { ...literal, sentences: theme.sentences.slice(0, 1), share: themeShare };
}

/** Points of an open question (prompt only), judged on what needs no rubric. */
function judgeOpen(framework: 'CCTR' | 'STAR', input: OpenInput, params: EngineParameters): RubricResult[] {
  return OPEN_POINTS[framework].map(({ point, judge }) => {
    const { strength, evidence } = input.answer.wordCount < params.minWordsForMeaning ? { strength: 0, evidence: [] } : judge(input, params);
    const rounded = Math.round(strength * 1000) / 1000;
    const covered = rounded >= params.coveredAt;
    return { point, covered, strength: rounded, evidence: covered && evidence.length > 0 ? evidence.map((s) => s.text).join(' ') : null };
  });
}

/** Rubric results, and how much of each point the answer's words (not its qualities) express. */
function judgeRubric(
  model: QuestionModel,
  answer: AnalysedText,
  asserted: AnalysedText,
  structure: Structure,
  knowledge: Knowledge,
  whole: PassageWords,
  params: EngineParameters,
): { results: RubricResult[]; lexical: number[] } {
  const claimsOnly = params.claimsOnly;
  const tooShort = answer.wordCount < params.minWordsForMeaning;
  const lexical: number[] = [];
  const results = model.points.map((phrasings) => {
    const point = phrasings[0]!;
    let match = tooShort
      ? { strength: 0, contradicted: false, sentences: [] as AnalysedText['sentences'] }
      : bestPassageOfAny(phrasings, answer, knowledge, params.passageWindow, whole, claimsOnly);
    lexical.push(match.strength);
    if (!tooShort && !match.contradicted && isQualityPoint(point.text)) {
      const quality = judgeQualityPoint(point.text, asserted, structure);
      if (quality.strength > match.strength) match = { strength: quality.strength, contradicted: false, sentences: quality.evidence };
    }
    const strength = Math.round(match.strength * 1000) / 1000;
    const covered = !match.contradicted && strength >= params.coveredAt;
    return { point: point.text, covered, strength, evidence: covered ? match.sentences.map((s) => s.text).join(' ') : null };
  });
  return { results, lexical };
}

function findMisconceptions(model: QuestionModel, answer: AnalysedText, knowledge: Knowledge, rubric: RubricResult[], params: EngineParameters) {
  const { at, margin, minWeight } = params.misconception;
  const found: Array<{ claim: string; correction: string; evidence: string }> = [];
  for (const { models, correction, pitfall } of model.claims) {
    const { claim, match } = bestClaim(models, answer, knowledge, params.misconception.paraphraseMargin);
    if (match.contradicted || match.strength < at || match.strength * claim.totalWeight < minWeight) continue;
    // A passage on the same subject that reads more like the correction than the claim is right.
    const keys = new Set(match.sentences.flatMap((s) => [...s.keys]));
    const stems = new Set(match.sentences.flatMap((s) => [...s.stems]));
    const claimSide = coverage(claim, keys, stems);
    const correctionSide = coverage(correction, keys, stems);
    // A passage that denies any phrasing of the claim, or gives it to another subject, is right.
    // A passage that states a rubric point at least as clearly as it states the claim is right.
    const statesPoint = rubric.some((r) => r.covered && r.strength >= match.strength - margin / 3 && match.sentences.some((s) => r.evidence?.includes(s.text)));
    if (
      statesPoint ||
      attributedElsewhere(claim, match.sentences) ||
      models.some((m) => polarityConflict(m, match.sentences) || contradicts(m, match.sentences) || deniesAnyOf(m, match.sentences))
    )
      continue;
    if (contradicts(correction, match.sentences) || claimSide - correctionSide >= margin) {
      found.push({ claim: pitfall.claim, correction: pitfall.correction, evidence: match.sentences.map((s) => s.text).join(' ') });
    }
  }
  return found;
}

/** True when the passage says any of the claim's words under a negation the claim does not have ("not across the whole queue"). */
function deniesAnyOf(claim: StatementModel, sentences: AnalysedText['sentences']): boolean {
  const affirmed = new Map(claim.terms.filter((t) => t.weight >= 0.5).map((t) => [t.key, !(t.negated ?? false)]));
  return sentences.some((s) => s.units.some((u) => u.negated && affirmed.get(u.key) === true));
}

/** The phrasing of a wrong claim the answer comes closest to stating, and where. */
function bestClaim(models: StatementModel[], answer: AnalysedText, knowledge: Knowledge, paraphraseMargin: number) {
  let best = { claim: models[0]!, match: bestPassage(models[0]!, answer, knowledge, 1) };
  for (const claim of models.slice(1)) {
    const match = bestPassage(claim, answer, knowledge, 1);
    // A paraphrase is a looser witness than the claim itself: it must match more closely.
    const strength = match.strength - paraphraseMargin;
    if (strength > best.match.strength) best = { claim, match: { ...match, strength } };
  }
  return best;
}

/** Whether the answer is about something other than what was asked (thresholds: EngineParameters.offTopic). */
function isOffTopicAnswer(
  kind: QuestionKind,
  isOpen: boolean,
  answer: AnalysedText,
  subject: number,
  lexical: number[],
  related: number,
  params: EngineParameters,
  themeShare: number | null,
  foreignTerms: number,
): boolean {
  if (answer.wordCount === 0) return false;
  const limits = params.offTopic;
  const substance = lexical.length === 0 ? 0 : lexical.reduce((n, s) => n + s, 0) / lexical.length;
  const anyCovered = lexical.some((s) => s >= params.coveredAt);
  if (asksForStory(kind)) {
    // With only a prompt that names a theme, a story is about it when it shows the theme in several
    // ways, the prompt's own words counting too, or names half the prompt and shows the theme once.
    if (isOpen && themeShare !== null) return themeShare + subject < 1 && !(themeShare > 0 && subject >= params.open.themeNamedSubjectShare);
    if (!isStory(answer, params)) return subject < limits.notAStory && !anyCovered;
    // With only a prompt, a story is about the prompt when it names some of what the prompt asks about.
    if (isOpen) return subject < limits.openStory;
    // A story's rubric judges qualities, so its words rarely match the points: a story is off
    // topic only when it shares almost nothing with what the question is about.
    return kind !== 'behavioral' && related < limits.storyRelevance && !anyCovered;
  }
  // A vague answer names little and is weak, not off topic; an answer about something else is
  // specific about that something: several named services or concepts the prompt does not name.
  if (isOpen) return subject < limits.open && foreignTerms >= limits.openForeignTerms;
  // One point stated clearly is on topic, however short the answer.
  if (lexical.some((s) => s >= limits.clearPoint)) return false;
  return (subject + substance) / 2 < limits.technical;
}

/** How many different named services and concepts the answer speaks of that the question does not. */
function foreignTermCount(model: QuestionModel, answer: AnalysedText): number {
  const foreign = new Set<string>();
  for (const unit of answer.sentences.flatMap((s) => s.units)) {
    if ((unit.isConcept || unit.pos === 'PROPN') && !model.topic.keys.has(unit.key)) foreign.add(unit.key);
  }
  return foreign.size;
}

/** Share of the answer's meaning words that belong to the question's topic (0–1). */
function relevance(model: QuestionModel, answer: AnalysedText, knowledge: Knowledge, tuning: MatchParameters): number {
  const keys = new Set(answer.sentences.flatMap((s) => [...s.keys]));
  if (keys.size === 0) return 0;
  const terms = new Map<string, { key: string; stem: string; weight: number; synonyms: readonly string[] }>();
  for (const unit of answer.sentences.flatMap((s) => s.units)) {
    if (keys.has(unit.key) && !terms.has(unit.key))
      terms.set(unit.key, { key: unit.key, stem: unit.stem, weight: 1, synonyms: lookup(knowledge.wordnet.synonyms, unit.key) ?? [] });
  }
  return coverage({ text: '', terms: [...terms.values()], totalWeight: terms.size, bindings: [], quantities: [], tuning }, model.topic.keys, model.topic.stems);
}

/** An answer about something else earns no praise: no part of its shape, no principle, no point. */
function withoutPraise(structure: Structure, rubric: RubricResult[]): { structure: Structure; rubric: RubricResult[] } {
  return {
    structure: { ...structure, parts: structure.parts.map((p) => ({ ...p, present: false, evidence: null })) },
    rubric: rubric.map((r) => ({ ...r, covered: false, evidence: null })),
  };
}

function gradeWithModel(question: Question, model: QuestionModel, answer: AnalysedText, knowledge: Knowledge, params: EngineParameters): Feedback {
  const kind = model.kind;
  // An exam's short answer may be a fragment ("a stateless firewall"); an interview answer must
  // assert, and only sentences that assert something show a part of its shape or a quality.
  const claimsOnly = params.claimsOnly;
  const asserted = claimsOnly ? { ...answer, sentences: answer.sentences.filter((s) => s.isClaim) } : answer;
  const shape = analyseStructure(kind, asserted, params);
  const whole = answerWords(answer, claimsOnly);
  const onSubject = subjectShare(model, whole);
  const isOpen = model.points.length === 0;
  // A story for an open prompt shows its theme in other words than the prompt's ("outages", "failover" for reliability).
  const theme = isOpen && asksForStory(kind) ? bestThemeEvidence(model.themes, asserted.sentences) : null;
  // A short answer has less room to show its theme: fewer pieces of evidence make it on topic.
  const themeEvidenceNeeded = answer.wordCount < params.length.story.min ? params.open.themeEvidenceShortAnswer : params.open.themeEvidenceOnTopic;
  const themeShare = theme ? Math.min(1, theme.count / themeEvidenceNeeded) : 0;
  const judged = isOpen
    ? {
        results: judgeOpen(
          shape.framework,
          { answer, structure: shape, onSubject: openSubject(bestPassage(onSubject.subject, answer, knowledge, 1), onSubject.share, theme, themeShare) },
          params,
        ),
        lexical: [],
      }
    : judgeRubric(model, answer, asserted, shape, knowledge, whole, params);
  const mentions = findServiceMentions(answer, knowledge.catalogue);
  const lexical = isOpen ? [onSubject.share] : judged.lexical;
  const substance = lexical.length === 0 ? 0 : lexical.reduce((n, s) => n + s, 0) / lexical.length;
  // A list of the right terms is on topic, though it asserts nothing (it is a keyword list instead).
  const namesSubject = claimsOnly ? Math.max(onSubject.share, subjectShare(model, answerWords(answer, false)).share) : onSubject.share;
  const isOffTopic = isOffTopicAnswer(
    kind,
    isOpen,
    answer,
    namesSubject,
    judged.lexical,
    isOpen ? namesSubject : relevance(model, answer, knowledge, params.matching),
    params,
    theme ? themeShare : null,
    isOpen ? foreignTermCount(model, answer) : 0,
  );
  const { structure, rubric } = isOffTopic ? withoutPraise(shape, judged.results) : { structure: shape, rubric: judged.results };
  const findings = findHabits(
    {
      kind,
      answer,
      structure,
      mentions,
      substance,
      isOffTopic: isOffTopic || answer.wordCount === 0,
      misconceptions: findMisconceptions(model, answer, knowledge, judged.results, params),
      isFollowUp: question.context !== undefined,
    },
    params,
  );
  // Leadership Principles are heard in stories: every answer to a behavioural question is read as one.
  const isStoryKind = structure.framework === 'STAR';
  const partial = {
    rubric,
    structure,
    findings,
    services: distinctServices(mentions),
    leadershipPrinciples: isStoryKind && !isOffTopic ? findPrinciples(answer) : [],
  };
  return { score: explainScore(partial, params).score, ...partial, tips: chooseTips(partial, params) };
}
