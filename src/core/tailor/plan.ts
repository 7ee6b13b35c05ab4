import type { Level, Question, Topic } from '../types.js';
import { factsFor, generateClaimQuestion, generateServiceQuestion, templateFor, type GeneratedQuestion } from './generate.js';
import type { PostingAnalysis } from './posting.js';
import type { ClaimedNumber, ResumeAnalysis } from './resume.js';
import { SKILL_CUES, skillName } from './vocabulary.js';

/** The bank fields planning reads; BankQuestion satisfies it. */
export interface PlannableQuestion extends Question {
  id: string;
  topic: Topic;
  levels: Level[];
  services: string[];
  tags: Array<string>;
}

export interface PlannedQuestion {
  id: string;
  prompt: string;
  reason: string;
  generated: boolean;
  question: Question;
}

export interface SkillGap {
  skill: string;
  inPosting: boolean;
  inResume: boolean;
  historyScore?: number;
  advice: string;
}

export interface PlanInput {
  posting: PostingAnalysis;
  resume?: ResumeAnalysis;
  bank: readonly PlannableQuestion[];
  count: number;
  /** Topic or skill -> average score 0–100 from the user's past answers. */
  history?: Record<string, number>;
  /** Resolves a service alias to its canonical name (the catalogue's resolver). */
  resolve: (alias: string) => string | null;
}

/** How a bank question matches the posting, with the reason a user reads. */
function scoreQuestion(q: PlannableQuestion, posting: PostingAnalysis): { score: number; reason: string } {
  const services = q.services.filter((s) => posting.services.includes(s));
  const text = `${q.prompt} ${q.tags.join(' ')}`;
  const skills = posting.skills.filter((s) => SKILL_CUES[s]!.test(text));
  const principles = (q.leadershipPrinciples ?? []).filter((p) => posting.leadershipPrinciples.includes(p));
  // A question for another level is still useful practice, but ranks below one for this level.
  const levelFit = q.levels.includes(posting.level) ? 2 : -3;
  const score = services.reduce((sum, s) => sum + 3 + (posting.serviceMentions[s] ?? 0), 0) + skills.length * 1.5 + principles.length * 2 + levelFit;
  const matched = services.length + skills.length + principles.length > 0;
  // A reason names only what the question is about: its services, its skills, and its main
  // principle (the first it lists; "Dive Deep" listed second on a trade-off story is not why it is asked).
  const main = q.leadershipPrinciples?.[0];
  const reason = reasonFor(q.topic === 'behavioral' ? [] : services, skills, main && principles.includes(main) ? [main] : [], posting);
  return {
    score: matched ? Math.max(score, 0.5) : 0,
    reason: reason ?? (main ? `a story on ${main}, for the behavioural round the posting implies` : 'practice for the behavioural round the posting implies'),
  };
}

function reasonFor(services: string[], skills: string[], principles: string[], posting: PostingAnalysis): string | null {
  if (services.length) {
    const top = services[0]!;
    const atScale = posting.servicesAtScale.includes(top) ? ' at scale' : '';
    return `the posting asks for ${[top, ...services.slice(1, 2)].join(' and ')}${atScale}`;
  }
  if (principles.length) return `the posting stresses ${principles.join(' and ')}`;
  if (skills.length) return `the posting asks for ${skills.slice(0, 2).map(skillName).join(' and ')} skills`;
  return null;
}

/** Bank questions ranked by fit to the posting; ties keep bank order. */
function rankBank(input: PlanInput): PlannedQuestion[] {
  return input.bank
    .map((q, i) => ({ q, i, ...scoreQuestion(q, input.posting) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((r) => ({ id: r.q.id, prompt: r.q.prompt, reason: r.reason, generated: false, question: r.q }));
}

/** Generated questions for posting services the bank does not cover. */
function generatedForServices(input: PlanInput): PlannedQuestion[] {
  const covered = new Set(input.bank.flatMap((q) => q.services));
  const template = templateFor(input.posting.level, input.posting.role === 'sre');
  return input.posting.services.flatMap((service) => {
    const found = covered.has(service) ? null : factsFor(service, input.resolve);
    if (!found) return [];
    const q = generateServiceQuestion(service, found.slug, found.facts, template, input.posting.level);
    return [toPlanned(q, `the posting asks for ${service} and the bank has no question on it`)];
  });
}

function toPlanned(q: GeneratedQuestion, reason: string): PlannedQuestion {
  return { id: q.id, prompt: q.prompt, reason, generated: true, question: q };
}

/** Up to two personal questions from the résumé's claimed numbers, preferring ones naming posting services. */
function generatedFromResume(input: PlanInput): PlannedQuestion[] {
  const claims = input.resume?.claims ?? [];
  const weight = (c: ClaimedNumber) => overlap(c.services, input.posting.services) + (/%|\bfrom\b/.test(c.figure) ? 2 : 0);
  // Stable sort: equal weights keep résumé order.
  const relevant = [...claims].sort((a, b) => weight(b) - weight(a));
  return relevant.slice(0, 2).map((c) => toPlanned(generateClaimQuestion(c, claims.indexOf(c)), `your résumé claims ${c.figure}; interviewers probe numbers`));
}

function overlap(a: string[], b: string[]): number {
  return a.filter((x) => b.includes(x)).length;
}

/**
 * Interleaves sources so a short plan still covers the résumé, the posting's uncovered services
 * and the best bank matches: one from each in turn, without duplicates, until `count` is reached.
 */
function interleave(sources: PlannedQuestion[][], count: number): PlannedQuestion[] {
  const out: PlannedQuestion[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count && sources.some((s) => i < s.length); i++) {
    for (const source of sources) {
      const q = source[i];
      if (q && !seen.has(q.id) && out.length < count) {
        seen.add(q.id);
        out.push(q);
      }
    }
  }
  return out;
}

/** The posting's skills against the résumé (and history): what to practise. */
export function findGaps(posting: PostingAnalysis, resume?: ResumeAnalysis, history?: Record<string, number>): SkillGap[] {
  return posting.skills.map((skill) => {
    const inResume = resume ? resume.skills.includes(skill) : false;
    const historyScore = history?.[skill];
    return {
      skill,
      inPosting: true,
      inResume,
      ...(historyScore === undefined ? {} : { historyScore }),
      advice: adviceFor(skill, Boolean(resume), inResume, historyScore),
    };
  });
}

function adviceFor(id: string, hasResume: boolean, inResume: boolean, historyScore?: number): string {
  const skill = skillName(id);
  if (historyScore !== undefined && historyScore < 60)
    return `Your past answers on ${skill} score ${Math.round(historyScore)}; practise it before the interview.`;
  if (!hasResume) return `The posting asks for ${skill}; prepare one concrete example.`;
  if (inResume) return `Your résumé shows ${skill}; prepare a story with a number and a trade-off.`;
  return `The posting asks for ${skill} but your résumé does not show it; prepare to explain related experience or how you would learn it.`;
}

/** Builds the plan: personal, generated and bank questions weighted to the posting, plus gaps. */
export function planInterview(input: PlanInput): { questions: PlannedQuestion[]; gaps: SkillGap[] } {
  const questions = interleave([generatedFromResume(input), rankBank(input), generatedForServices(input)], input.count);
  return { questions, gaps: findGaps(input.posting, input.resume, input.history) };
}
