import { loadServiceCatalogue } from '../content/catalogue.js';
import type { BankQuestion } from '../content/question.schema.js';
import type { ServiceCatalogue } from '../core/lexicon.js';

export interface QuestionFilter {
  topic?: string;
  level?: string;
  kind?: string;
  service?: string;
}

let catalogue: ServiceCatalogue | null = null;

/** Questions matching every given filter; a service matches by any of its names or shorthand. */
export function filterQuestions(questions: readonly BankQuestion[], filter: QuestionFilter): BankQuestion[] {
  let service: string | null = null;
  if (filter.service) {
    catalogue ??= loadServiceCatalogue();
    service = catalogue.resolve(filter.service) ?? filter.service;
  }
  return questions.filter(
    (q) =>
      (!filter.topic || q.topic === filter.topic) &&
      (!filter.level || (q.levels as string[]).includes(filter.level)) &&
      (!filter.kind || q.kind === filter.kind) &&
      (!service || q.services.some((s) => s.toLowerCase() === service!.toLowerCase() || catalogue!.resolve(s) === service)),
  );
}
