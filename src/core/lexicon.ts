/**
 * Everything the engine knows about language and AWS, loaded once outside the core
 * (src/content/knowledge.ts) and handed in. The core never reads files.
 */
export interface Knowledge {
  nlp: NlpEngine;
  /** WordNet synonyms of common single words (their two most frequent senses). */
  wordnet: { synonyms: Record<string, string[]> };
  catalogue: ServiceCatalogue;
}

/** A record lookup that ignores inherited keys ("constructor" is a word, too). */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The slice of wink-nlp the engine uses, typed narrowly so the core does not import it. */
export interface NlpEngine {
  tokenize(sentence: string): RawToken[];
  /** Tokens of several sentences at once, in order; the same tokens `tokenize` gives each. */
  tokenizeMany?(sentences: string[]): RawToken[][];
}

export interface RawToken {
  text: string;
  lemma: string;
  stem: string;
  pos: string;
  isStop: boolean;
  negated: boolean;
  type: string;
}

export interface ServiceEntry {
  /** The name shown to users, e.g. "Amazon SQS". */
  name: string;
  /** The IAM service prefix where one exists, e.g. "sqs". */
  prefix: string | null;
  /** Lower-case phrases that name it: full names, short names, curated shorthand. */
  aliases: string[];
}

export interface ServiceCatalogue {
  services: ServiceEntry[];
  /** Resolves any alias or name (any case) to the canonical service name. */
  resolve(name: string): string | null;
  /** Matches any alias in running text (global, case-insensitive); group 1 is the alias. */
  matcher: RegExp;
}
