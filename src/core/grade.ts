import { findHabits } from './findings.js';
import { lookup, type Knowledge } from './lexicon.js';
import { attributedElsewhere, bestPassage, contradicts, coverage, modelStatement, polarityConflict, type StatementModel } from './match.js';
import { findPrinciples } from './principles.js';
import { COVERED_AT, explainScore } from './score.js';
import { distinctServices, findServiceMentions } from './services.js';
import { analyseStructure, isStory } from './structure.js';
import { analyseSentence, analyseText, splitSentences, type AnalysedText, type SentenceCache } from './text.js';
import { chooseTips } from './tips.js';
import { isQualityPoint, judgeQualityPoint } from './qualities.js';
import type { Structure } from './types.js';
import type { Feedback, Pitfall, Question, RubricResult } from './types.js';

export interface GradeOptions {
  /**
   * `interview` (default) judges an interview answer: substance, shape and habits.
   * `short-answer` judges an exam-style short answer on substance alone (used by `eval asag`).
   */
  profile?: 'interview' | 'short-answer';
}

/** What the engine precomputes once per question: the matchable rubric, claims and topic words. */
interface QuestionModel {
  points: StatementModel[];
  claims: Array<{ model: StatementModel; correction: StatementModel; pitfall: Pitfall }>;
  topic: { keys: Set<string>; stems: Set<string> };
}

const MISCONCEPTION_AT = 0.7;
const MISCONCEPTION_MARGIN = 0.3;
const OFF_TOPIC_RELEVANCE = 0.12;
const OFF_TOPIC_SUBSTANCE = 0.2;
const OFF_TOPIC_STORY_RELEVANCE = 0.08;

/** The grading engine bound to loaded knowledge. Pure: the same inputs give the same feedback. */
export interface Grader {
  grade(question: Question, answer: string, options?: GradeOptions): Feedback;
}

export function createGrader(knowledge: Knowledge): Grader {
  const sentenceCache: SentenceCache = new Map();
  const questionCache = new WeakMap<Question, QuestionModel>();
  const modelFor = (question: Question) => {
    let model = questionCache.get(question);
    if (!model) {
      model = buildQuestionModel(question, knowledge, sentenceCache);
      questionCache.set(question, model);
    }
    return model;
  };
  return {
    grade: (question, answer, options = {}) => gradeWithModel(question, modelFor(question), analyseText(answer, knowledge, sentenceCache), knowledge, options),
  };
}

/** The points a question is judged on: its rubric, or else the sentences of its model answer. */
export function rubricPoints(question: Question): string[] {
  if (question.rubric && question.rubric.length > 0) return question.rubric;
  return question.modelAnswer ? splitSentences(question.modelAnswer) : [];
}

function buildQuestionModel(question: Question, knowledge: Knowledge, cache: SentenceCache): QuestionModel {
  const analyse = (text: string) => analyseText(text, knowledge, cache).sentences;
  const prompt = analyse(question.prompt);
  const questionKeys = new Set(prompt.flatMap((s) => [...s.keys]));
  const points = rubricPoints(question).map((p) => ({ text: p, sentences: analyse(p) }));
  const statementFrequency = new Map<string, number>();
  for (const p of points) for (const k of new Set(p.sentences.flatMap((s) => [...s.keys]))) statementFrequency.set(k, (statementFrequency.get(k) ?? 0) + 1);
  const ctx = { questionKeys, statementFrequency, knowledge };
  const topicSources = [question.prompt, ...(question.rubric ?? []), question.modelAnswer ?? '', ...(question.services ?? [])];
  const topicSentences = topicSources.flatMap((t, i) => splitSentences(t).map((s, j) => analyseSentence(s, i * 100 + j, knowledge)));
  return {
    points: points.map((p) => modelStatement(p.text, p.sentences, ctx)),
    claims: (question.pitfalls ?? []).map((pitfall) => ({
      pitfall,
      model: modelStatement(pitfall.claim, analyse(pitfall.claim), { questionKeys, knowledge }),
      correction: modelStatement(pitfall.correction, analyse(pitfall.correction), { questionKeys, knowledge }),
    })),
    topic: {
      keys: new Set(topicSentences.flatMap((s) => [...s.keys])),
      stems: new Set(topicSentences.flatMap((s) => [...s.stems])),
    },
  };
}

const MIN_WORDS_FOR_MEANING = 3;

/** Rubric results, and how much of each point the answer's words (not its qualities) express. */
function judgeRubric(model: QuestionModel, answer: AnalysedText, structure: Structure, knowledge: Knowledge): { results: RubricResult[]; lexical: number[] } {
  const tooShort = answer.wordCount < MIN_WORDS_FOR_MEANING;
  const lexical: number[] = [];
  const results = model.points.map((point) => {
    let match = tooShort ? { strength: 0, contradicted: false, sentences: [] as AnalysedText['sentences'] } : bestPassage(point, answer, knowledge);
    lexical.push(match.strength);
    if (!tooShort && !match.contradicted && isQualityPoint(point.text)) {
      const quality = judgeQualityPoint(point.text, answer, structure);
      if (quality.strength > match.strength) match = { strength: quality.strength, contradicted: false, sentences: quality.evidence };
    }
    const strength = Math.round(match.strength * 1000) / 1000;
    const covered = !match.contradicted && strength >= COVERED_AT;
    return { point: point.text, covered, strength, evidence: covered ? match.sentences.map((s) => s.text).join(' ') : null };
  });
  return { results, lexical };
}

function findMisconceptions(model: QuestionModel, answer: AnalysedText, knowledge: Knowledge) {
  const found: Array<{ claim: string; correction: string; evidence: string }> = [];
  for (const { model: claim, correction, pitfall } of model.claims) {
    const match = bestPassage(claim, answer, knowledge, 1);
    if (match.contradicted || match.strength < MISCONCEPTION_AT) continue;
    // A passage on the same subject that reads more like the correction than the claim is right.
    const keys = new Set(match.sentences.flatMap((s) => [...s.keys]));
    const stems = new Set(match.sentences.flatMap((s) => [...s.stems]));
    const claimSide = coverage(claim, keys, stems);
    const correctionSide = coverage(correction, keys, stems);
    if (polarityConflict(claim, match.sentences) || attributedElsewhere(claim, match.sentences)) continue;
    if (contradicts(correction, match.sentences) || claimSide - correctionSide >= MISCONCEPTION_MARGIN) {
      found.push({ claim: pitfall.claim, correction: pitfall.correction, evidence: match.sentences.map((s) => s.text).join(' ') });
    }
  }
  return found;
}

/** Share of the answer's meaning words that belong to the question's topic (0–1). */
function relevance(model: QuestionModel, answer: AnalysedText, knowledge: Knowledge): number {
  const keys = new Set(answer.sentences.flatMap((s) => [...s.keys]));
  if (keys.size === 0) return 0;
  const terms = new Map<string, { key: string; stem: string; weight: number; synonyms: readonly string[] }>();
  for (const unit of answer.sentences.flatMap((s) => s.units)) {
    if (keys.has(unit.key) && !terms.has(unit.key)) terms.set(unit.key, { key: unit.key, stem: unit.stem, weight: 1, synonyms: lookup(knowledge.wordnet.synonyms, unit.key) ?? [] });
  }
  return coverage({ text: '', terms: [...terms.values()], totalWeight: terms.size, bindings: [], quantities: [] }, model.topic.keys, model.topic.stems);
}

function gradeWithModel(question: Question, model: QuestionModel, answer: AnalysedText, knowledge: Knowledge, options: GradeOptions): Feedback {
  const profile = options.profile ?? 'interview';
  const structure = analyseStructure(question.kind, answer);
  const { results: rubric, lexical } = judgeRubric(model, answer, structure, knowledge);
  const mentions = findServiceMentions(answer, knowledge.catalogue);
  // Off-topic is judged on what the words say: a well-told story about something else is still off topic.
  const substance = lexical.length === 0 ? 0 : lexical.reduce((n, s) => n + s, 0) / lexical.length;
  // A story's rubric judges qualities, so its words rarely match the points: a story is off
  // topic only when it shares almost nothing with what the question is about.
  const isStoryQuestion = question.kind === 'behavioral' || question.kind === 'experience';
  const related = relevance(model, answer, knowledge);
  const isOffTopic =
    answer.wordCount > 0 &&
    (isStoryQuestion ? related < OFF_TOPIC_STORY_RELEVANCE && !lexical.some((s) => s >= COVERED_AT) && !(question.kind === 'behavioral' && isStory(answer)) : substance < OFF_TOPIC_SUBSTANCE && !lexical.some((s) => s >= COVERED_AT) && related < OFF_TOPIC_RELEVANCE);
  const findings = findHabits({
    kind: question.kind,
    answer,
    structure,
    mentions,
    substance,
    isOffTopic: isOffTopic || answer.wordCount === 0,
    misconceptions: findMisconceptions(model, answer, knowledge),
    profile,
  });
  const isStoryKind = question.kind === 'behavioral' || structure.framework === 'STAR';
  const partial = {
    rubric,
    structure,
    findings,
    services: distinctServices(mentions),
    leadershipPrinciples: isStoryKind ? findPrinciples(answer) : [],
  };
  return { score: explainScore(partial, profile).score, ...partial, tips: chooseTips(partial) };
}
