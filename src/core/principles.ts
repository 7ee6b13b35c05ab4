import { compileCues, hasCue, type CueMatcher } from './rules/cues.js';
import { PRINCIPLE_MATCHERS } from './rules/principles.js';
import type { AnalysedText } from './text.js';
import type { LeadershipPrinciple, PrincipleEvidence } from './types.js';

/**
 * Cues that show a Leadership Principle in a story sentence (phrase lists: src/core/rules/principles.ts).
 * A principle is shown when a sentence the speaker tells about themselves carries one of its
 * cues; the sentence is the evidence.
 */
export const PRINCIPLE_CUES: Record<LeadershipPrinciple, CueMatcher> = PRINCIPLE_MATCHERS;

/** The speaker in the first person singular: their own sentence is the better evidence. */
const SPEAKER = compileCues(["=i|=i'm|=my|=me"]);

/** Principles a story shows, each with the first sentence of the speaker's own that shows it. */
export function findPrinciples(answer: AnalysedText): PrincipleEvidence[] {
  const shown: PrincipleEvidence[] = [];
  for (const [principle, cue] of Object.entries(PRINCIPLE_CUES) as Array<[LeadershipPrinciple, CueMatcher]>) {
    const sentence = answer.sentences.find((s) => hasCue(cue, s) && hasCue(SPEAKER, s)) ?? answer.sentences.find((s) => hasCue(cue, s));
    if (sentence) shown.push({ principle, evidence: sentence.text });
  }
  return shown;
}
