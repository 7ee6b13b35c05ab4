import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Knowledge, NlpEngine, RawToken } from '../core/lexicon.js';
import { LoopCoachError } from '../errors.js';
import { loadServiceCatalogue } from './catalogue.js';

/** Wraps wink-nlp (tokens, lemmas, stems, POS, negation) behind the engine's narrow interface. */
export function createNlpEngine(): NlpEngine {
  const nlp = winkNLP(model);
  // wink's typings of lemma/stem take an addons argument the runtime supplies itself.
  type ItsOf = ItsFunction<string>;
  const its = nlp.its as unknown as Record<'lemma' | 'stem' | 'pos' | 'stopWordFlag' | 'negationFlag' | 'type', ItsOf>;
  return {
    tokenize(sentence: string): RawToken[] {
      const tokens = nlp.readDoc(sentence).tokens();
      const text = tokens.out() as string[];
      const lemma = tokens.out(its.lemma) as string[];
      const stem = tokens.out(its.stem) as string[];
      const pos = tokens.out(its.pos) as string[];
      const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
      const negated = tokens.out(its.negationFlag) as unknown as boolean[];
      const type = tokens.out(its.type) as string[];
      return text.map((t, i) => ({ text: t, lemma: lemma[i] ?? t, stem: stem[i] ?? lemma[i] ?? t, pos: pos[i] ?? "X", isStop: stop[i]!, negated: negated[i]!, type: type[i]! }));
    },
  };
}

function wordnetPath(): string {
  for (const rel of ['../../lexicons/wordnet.json', '../../../lexicons/wordnet.json']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    // the source tree and the built dist/ sit at different depths below the repository
    if (existsSync(path)) return path;
  }
  throw new LoopCoachError('internal', 'lexicons/wordnet.json is missing: run `npm run build` (npm install runs it for you).');
}

/** Loads everything the engine knows, once: NLP model, WordNet lexicon, service catalogue. */
export function loadKnowledge(): Knowledge {
  return {
    nlp: createNlpEngine(),
    wordnet: JSON.parse(readFileSync(wordnetPath(), 'utf8')) as Knowledge['wordnet'],
    catalogue: loadServiceCatalogue(),
  };
}
