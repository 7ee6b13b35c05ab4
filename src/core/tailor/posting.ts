import type { ServiceCatalogue } from '../lexicon.js';
import type { LeadershipPrinciple, Level } from '../types.js';
import { DUTY_VERB, ENGLISH_STOPWORDS, PRINCIPLE_CUES, ROLE_CUES, ROLES, SKILL_CUES, type Role } from './vocabulary.js';

/** What a job posting asks for, read from its text. */
export interface PostingAnalysis {
  title: string;
  role: Role;
  level: Level;
  yearsOfExperience: number | null;
  /** Canonical AWS service names, most-mentioned first. */
  services: string[];
  /** Service name -> times mentioned, for "at scale"-style reasons. */
  serviceMentions: Record<string, number>;
  /** Services named on a line that also speaks of scale ("at scale", "millions", "high volume"). */
  servicesAtScale: string[];
  skills: string[];
  responsibilities: string[];
  leadershipPrinciples: LeadershipPrinciple[];
}

/** Thrown by the pure analysis when text is not something it can read; services map it to LoopCoachError. */
export class TailorInputError extends Error {}

/** The lines of a document, without bullets and blank lines. */
export function documentLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^\s*(?:[-*•·▪◦]|\d+[.)])\s*/, '')
        .replace(/^#+\s*/, '')
        .trim(),
    )
    .filter((l) => l.length > 0);
}

/** Share of words that are common English function words (English prose sits around 0.3–0.5). */
export function englishRatio(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_STOPWORDS.has(w)).length / words.length;
}

/** Throws TailorInputError when the text is too short or not in English. */
export function assertEnglishText(text: string, what: string): void {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 20) throw new TailorInputError(`the ${what} has only ${words.length} words; paste the full text`);
  if (englishRatio(text) < 0.08)
    throw new TailorInputError(`the ${what} does not look like English; Loop Coach reads English ${what}s only, so paste an English version`);
}

/** Canonical services named in the text, with counts. */
export function findServices(text: string, catalogue: ServiceCatalogue): Record<string, number> {
  const counts: Record<string, number> = {};
  const matcher = new RegExp(catalogue.matcher.source, catalogue.matcher.flags);
  for (const m of text.matchAll(matcher)) {
    const name = catalogue.resolve(m[1] ?? m[0]);
    if (name) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The skills of SKILL_CUES the text shows. */
export function findSkills(text: string): string[] {
  return Object.entries(SKILL_CUES)
    .filter(([, cue]) => cue.test(text))
    .map(([skill]) => skill);
}

const SCALE = /\bat scale\b|\bmillions?\b|\bhigh[- ](volume|throughput|traffic)\b|\bpetabytes?\b/i;

function servicesAtScale(lines: string[], catalogue: ServiceCatalogue): string[] {
  return [...new Set(lines.filter((l) => SCALE.test(l)).flatMap((l) => Object.keys(findServices(l, catalogue))))];
}

function detectRole(title: string, text: string): Role {
  const scores = ROLES.map((role) => {
    const cue = ROLE_CUES[role];
    const duties = text.match(new RegExp(cue.duties.source, 'gi'))?.length ?? 0;
    return { role, score: (cue.title.test(title) ? 10 : 0) + duties };
  });
  // Ties keep the ROLES order, so the result is deterministic.
  return scores.reduce((best, s) => (s.score > best.score ? s : best)).role;
}

/** The largest "N years" / "N+ years" figure the posting asks for. */
export function yearsAsked(text: string): number | null {
  // "3-5 years" asks for up to 5; "0-1 years" for at most 1.
  // A running maximum, not Math.max(...all): a long posting can hold more figures than a call takes arguments.
  let most: number | null = null;
  for (const m of text.matchAll(/(\d{1,2})\s*\+?\s*(?:(?:-|to)\s*(\d{1,2})\s*)?(?:years?|yrs?)\b/gi)) {
    most = Math.max(most ?? 0, Number(m[2] ?? m[1]));
  }
  return most;
}

function detectLevel(title: string, years: number | null): Level {
  if (/\b(junior|graduate|grad|associate|entry[- ]level|intern|trainee|jr\.?)\b/i.test(title)) return 'entry';
  if (/\b(senior|staff|principal|lead|sr\.?|head)\b/i.test(title)) return 'senior';
  if (years === null) return 'mid';
  if (years <= 1) return 'entry';
  return years >= 5 ? 'senior' : 'mid';
}

function findTitle(lines: string[]): string {
  const labelled = lines.find((l) => /^(job )?title\s*:/i.test(l));
  if (labelled) return labelled.replace(/^(job )?title\s*:\s*/i, '');
  return lines.find((l) => l.length <= 90 && /\b(engineer|architect|developer|sre)\b/i.test(l)) ?? lines[0] ?? '';
}

/** Reads a job posting: role, level, services, skills, duties and the principles it stresses. */
export function analysePosting(text: string, catalogue: ServiceCatalogue): PostingAnalysis {
  assertEnglishText(text, 'job description');
  const lines = documentLines(text);
  const title = findTitle(lines);
  const yearsOfExperience = yearsAsked(text);
  const serviceMentions = findServices(text, catalogue);
  const services = Object.keys(serviceMentions).sort((a, b) => serviceMentions[b]! - serviceMentions[a]! || a.localeCompare(b));
  return {
    title,
    role: detectRole(title, text),
    level: detectLevel(title, yearsOfExperience),
    yearsOfExperience,
    services,
    serviceMentions,
    servicesAtScale: servicesAtScale(lines, catalogue),
    skills: findSkills(text),
    responsibilities: lines.filter((l) => DUTY_VERB.test(l) && l.split(/\s+/).length >= 4),
    leadershipPrinciples: PRINCIPLE_CUES.filter(([, cue]) => cue.test(text)).map(([p]) => p),
  };
}
