import type { ServiceCatalogue } from './lexicon.js';
import type { AnalysedText } from './text.js';

/** A service named in the answer, with the sentence that names it. */
export interface ServiceMention {
  service: string;
  surface: string;
  sentence: number;
}

/** Finds every AWS service the answer names, in order, resolved to canonical names. */
export function findServiceMentions(answer: AnalysedText, catalogue: ServiceCatalogue): ServiceMention[] {
  const mentions: ServiceMention[] = [];
  for (const sentence of answer.sentences) {
    const re = new RegExp(catalogue.matcher.source, catalogue.matcher.flags);
    for (let m = re.exec(sentence.text); m; m = re.exec(sentence.text)) {
      const service = catalogue.resolve(m[1] ?? m[0]);
      if (service) mentions.push({ service, surface: m[0].trim(), sentence: sentence.index });
    }
  }
  return mentions;
}

/** Canonical names in first-mention order, without repeats. */
export function distinctServices(mentions: ServiceMention[]): string[] {
  return [...new Set(mentions.map((m) => m.service))];
}
