import type { ServiceCatalogue } from '../lexicon.js';
import { assertEnglishText, documentLines, findServices, findSkills } from './posting.js';

/** A figure a résumé claims, with the sentence it comes from. */
export interface ClaimedNumber {
  /** The figure as written, e.g. "40%" or "800 ms to 120 ms". */
  figure: string;
  sentence: string;
  services: string[];
}

/** What a résumé shows. */
export interface ResumeAnalysis {
  /** Lines that describe work done: roles and project bullets. */
  experience: string[];
  services: string[];
  skills: string[];
  claims: ClaimedNumber[];
}

// A change "from X to Y" first, then single figures with a unit that makes them a claim.
const UNIT = String.raw`(?:%|\s?(?:ms|milliseconds?|seconds?|s|minutes?|mins?|hours?|hrs?|days?|x|times|tb|gb|pb|k|m|million|rps|req\/s|users|customers)\b)`;
const FIGURE = new RegExp(String.raw`(?:from\s+[$€£]?\d[\d,.]*${UNIT}?\s+to\s+[$€£]?\d[\d,.]*${UNIT}?|[$€£]\d[\d,.]*\s?[kKmM]?\b|\d[\d,.]*${UNIT})`, 'gi');

/** Sentences with a claimed figure, one claim per sentence (the first figure). */
export function findClaims(lines: string[], catalogue: ServiceCatalogue): ClaimedNumber[] {
  const claims: ClaimedNumber[] = [];
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[.!?;])\s+/)) {
      const figure = sentence.match(new RegExp(FIGURE.source, 'i'))?.[0]?.trim();
      if (!figure || /^(19|20)\d\d$/.test(figure)) continue;
      claims.push({ figure, sentence: sentence.trim(), services: Object.keys(findServices(sentence, catalogue)) });
    }
  }
  return claims;
}

/** Reads a résumé: experience lines, services used, skills and numbers claimed. */
export function analyseResume(text: string, catalogue: ServiceCatalogue): ResumeAnalysis {
  assertEnglishText(text, 'résumé');
  const lines = documentLines(text);
  const experience = lines.filter((l) => l.split(/\s+/).length >= 5);
  const counts = findServices(text, catalogue);
  return {
    experience,
    services: Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b)),
    skills: findSkills(text),
    claims: findClaims(experience, catalogue),
  };
}
