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
  const its = nlp.its as unknown as Record<'lemma' | 'stem' | 'pos' | 'stopWordFlag' | 'negationFlag' | 'type' | 'precedingSpaces', ItsOf>;
  const read = (text: string) => {
    const tokens = nlp.readDoc(text).tokens();
    const words = tokens.out() as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const lemma = tokens.out(its.lemma) as string[];
    const stem = tokens.out(its.stem) as string[];
    const pos = tokens.out(its.pos) as string[];
    const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
    const negated = tokens.out(its.negationFlag) as unknown as boolean[];
    const type = tokens.out(its.type) as string[];
    const out = words.map((t, i) => ({
      spaces: spaces[i] ?? '',
      token: { text: t, lemma: lemma[i] ?? t, stem: stem[i] ?? lemma[i] ?? t, pos: pos[i] ?? 'X', isStop: stop[i]!, negated: negated[i]!, type: type[i]! },
    }));
    return joinSplitAcronyms(out);
  };
  return {
    tokenize: (sentence) => read(sentence).map((t) => t.token),
    tokenizeMany(sentences: string[]): RawToken[][] {
      // One wink pass over all new sentences costs far less than one pass each. Sentences are
      // joined by blank lines (wink never carries a token or a negation across them) and the
      // tokens are dealt back by their character offsets.
      const joined = sentences.join(SEPARATOR);
      const ends: number[] = [];
      let at = 0;
      for (const s of sentences) {
        at += s.length;
        ends.push(at);
        at += SEPARATOR.length;
      }
      const out: RawToken[][] = sentences.map(() => []);
      let offset = 0;
      let which = 0;
      for (const { spaces, token } of read(joined)) {
        offset += spaces.length;
        if (token.type === 'tabCRLF') {
          // the separator itself: wink keeps line breaks as tokens
          offset += token.text.length;
          continue;
        }
        while (which < ends.length - 1 && offset >= ends[which]!) which += 1;
        out[which]!.push(token);
        offset += token.text.length;
      }
      return out;
    },
  };
}

const SEPARATOR = '\n\n';

/** wink reads "IAM" as "I" + "AM" (a contraction rule); the letters belong together. */
function joinSplitAcronyms<T extends { spaces: string; token: RawToken }>(tokens: T[]): T[] {
  const out: T[] = [];
  for (const t of tokens) {
    const previous = out[out.length - 1];
    if (previous && t.spaces === '' && previous.token.text === 'I' && t.token.text === 'AM') {
      out[out.length - 1] = { ...previous, token: { text: 'IAM', lemma: 'iam', stem: 'iam', pos: 'PROPN', isStop: false, negated: false, type: 'word' } };
      continue;
    }
    out.push(t);
  }
  return out;
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
