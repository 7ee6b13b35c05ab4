import type { Knowledge, RawToken } from './lexicon.js';
import { CONCEPT_PHRASES, OPPOSITES, WORD_EQUIVALENTS } from './thesaurus.js';

const EQUIVALENT = new Map(Object.entries(WORD_EQUIVALENTS));
const OPPOSITE = new Map<string, string>(OPPOSITES.flatMap(([a, b]) => [[a, b], [b, a]] as Array<[string, string]>));

/** One unit of meaning in a sentence: a word, or a multi-word concept such as "availability zone". */
export interface Unit {
  /** What the engine compares: a concept id, or the normalised lemma. */
  key: string;
  /** Porter stem of the lemma, for derivational matches (encrypt ~ encryption). */
  stem: string;
  /** The words as written. */
  surface: string;
  pos: string;
  isStop: boolean;
  isConcept: boolean;
  negated: boolean;
  isNumber: boolean;
}

export interface Sentence {
  /** The sentence exactly as written in the answer. */
  text: string;
  index: number;
  units: Unit[];
  /** Content keys (no stop words or punctuation), deduplicated. */
  keys: Set<string>;
  stems: Set<string>;
  wordCount: number;
}

export interface AnalysedText {
  text: string;
  sentences: Sentence[];
  wordCount: number;
}

const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|mr|mrs|ms|dr|no|fig|inc|ltd|st|cf|al)\.$/i;

/** Splits text into sentences, keeping each one verbatim (trimmed). Pure and deterministic. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/)) {
    let start = 0;
    const re = /[.!?]+["')\]]*(?=\s+["'([]?[A-Z0-9])|[.!?]+["')\]]*$|;\s*(?=\n)|\n/g;
    for (let m = re.exec(block); m; m = re.exec(block)) {
      const end = m.index + m[0].length;
      const piece = block.slice(start, end);
      if (m[0].startsWith('.') && ABBREVIATIONS.test(piece.trimEnd())) continue;
      pushSentence(out, piece);
      start = end;
    }
    pushSentence(out, block.slice(start));
  }
  return out;
}

function pushSentence(out: string[], piece: string): void {
  const trimmed = piece.replace(/^[\s\-*•]+/, '').trim();
  if (/[\p{L}\p{N}]/u.test(trimmed)) out.push(trimmed);
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  concept?: string;
}

const phraseTrie: PhraseNode = buildPhraseTrie();

function buildPhraseTrie(): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  for (const [concept, phrases] of Object.entries(CONCEPT_PHRASES)) {
    for (const phrase of [concept, ...phrases]) {
      let node = root;
      for (const word of splitWords(phrase)) {
        const child = node.next.get(word) ?? { next: new Map() };
        node.next.set(word, child);
        node = child;
      }
      node.concept ??= concept;
    }
  }
  return root;
}

function splitWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/[\s\-/]+/).filter(Boolean);
}

interface Piece {
  lower: string;
  lemma: string;
  stem: string;
  surface: string;
  pos: string;
  isStop: boolean;
  negated: boolean;
  isNumber: boolean;
  isWord: boolean;
}

function toPieces(tokens: RawToken[]): Piece[] {
  const pieces: Piece[] = [];
  for (const t of tokens) {
    const isWord = t.type === 'word' || t.type === 'number' || t.type === 'ordinal';
    const lower = t.text.toLowerCase();
    const parts = isWord && /[-/]/.test(lower) && lower.length > 2 ? lower.split(/[-/]+/).filter(Boolean) : [lower];
    for (const part of parts) {
      const lemma = parts.length > 1 ? part : t.lemma.toLowerCase();
      pieces.push({
        lower: part,
        lemma: EQUIVALENT.get(lemma) ?? EQUIVALENT.get(part) ?? lemma,
        stem: parts.length > 1 ? part : t.stem.toLowerCase(),
        surface: t.text,
        pos: t.pos,
        isStop: t.isStop,
        negated: t.negated,
        isNumber: t.type === 'number' || /^\d/.test(part),
        isWord,
      });
    }
  }
  return pieces;
}

function longestConcept(pieces: Piece[], from: number): { concept: string; length: number } | null {
  let node: PhraseNode | undefined = phraseTrie;
  let best: { concept: string; length: number } | null = null;
  for (let i = from; i < pieces.length && node; i++) {
    const p = pieces[i]!;
    if (!p.isWord) {
      if (p.lower === '-' || p.lower === '/') continue;
      break;
    }
    // Proper nouns keep their plural as lemma ("Availability Zones"), so try the singular too.
    node = node.next.get(p.lower) ?? node.next.get(p.lemma) ?? (p.lower.endsWith('s') ? node.next.get(p.lower.slice(0, -1)) : undefined);
    if (node?.concept) best = { concept: node.concept, length: i - from + 1 };
  }
  return best;
}

/** Turns wink tokens into units: concepts joined, synonyms normalised, numbers flagged. */
export function toUnits(tokens: RawToken[]): Unit[] {
  const pieces = toPieces(tokens);
  const units: Unit[] = [];
  for (let i = 0; i < pieces.length; ) {
    const found = longestConcept(pieces, i);
    if (found) {
      const span = pieces.slice(i, i + found.length);
      const negated = span.some((p) => p.negated);
      // "does not track connections" means stateless: a negated polar concept is its opposite.
      const key = negated ? (OPPOSITE.get(found.concept) ?? found.concept) : found.concept;
      units.push({
        key,
        stem: key,
        surface: span.map((p) => p.surface).join(' '),
        pos: 'NOUN',
        isStop: false,
        isConcept: true,
        negated: negated && key === found.concept,
        isNumber: false,
      });
      i += found.length;
      continue;
    }
    const p = pieces[i]!;
    units.push({
      key: p.lemma,
      stem: p.stem,
      surface: p.surface,
      pos: p.isWord ? p.pos : 'PUNCT',
      isStop: p.isStop || !p.isWord,
      isConcept: false,
      negated: p.negated,
      isNumber: p.isNumber,
    });
    i += 1;
  }
  return units;
}

const MANY = new Set(['multi', 'two', 'three', 'four', 'five', 'six', 'both', 'different', 'separate', 'other', 'another']);
const SPREAD_OF: Record<string, string> = { az: 'multi-az', region: 'multi-region' };

/** "two Availability Zones", "multiple AZs", "another Region" mean the same as multi-AZ / multi-region. */
function joinSpreads(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out[out.length - 1];
    const spread = Object.hasOwn(SPREAD_OF, unit.key) ? SPREAD_OF[unit.key] : undefined;
    if (spread && previous && (MANY.has(previous.key) || (previous.isNumber && Number(previous.key) >= 2))) {
      out[out.length - 1] = { ...unit, key: spread, stem: spread, surface: `${previous.surface} ${unit.surface}` };
      continue;
    }
    out.push(unit);
  }
  return out;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'SYM']);

/** Whether a unit carries meaning worth matching. */
export function isContent(unit: Unit): boolean {
  if (unit.isConcept) return true;
  if (unit.isStop || unit.key.length < 2) return false;
  return CONTENT_POS.has(unit.pos) || unit.isNumber;
}

/** Analyses one sentence; `index` is its position in the text. */
export function analyseSentence(text: string, index: number, knowledge: Knowledge, tokens?: RawToken[]): Sentence {
  const units = joinSpreads(toUnits(tokens ?? knowledge.nlp.tokenize(text)));
  const content = units.filter(isContent);
  return {
    text,
    index,
    units,
    keys: new Set(content.map((u) => u.key)),
    stems: new Set(content.map((u) => u.stem)),
    wordCount: units.filter((u) => u.pos !== 'PUNCT').length,
  };
}

/** A memo of sentence analyses: re-grading a growing answer only analyses the new sentence. */
export type SentenceCache = Map<string, Sentence>;

const CACHE_LIMIT = 5_000;

/** Analyses a whole text, reusing cached sentence analyses (the cache never changes results). */
export function analyseText(text: string, knowledge: Knowledge, cache?: SentenceCache): AnalysedText {
  const pieces = splitSentences(text);
  const fresh = [...new Set(pieces.filter((s) => !cache?.has(s)))];
  const tokens = fresh.length > 1 && knowledge.nlp.tokenizeMany ? knowledge.nlp.tokenizeMany(fresh) : null;
  const analysedNow = new Map(fresh.map((s, i) => [s, analyseSentence(s, 0, knowledge, tokens?.[i])]));
  // Read the cached sentences before the cache may be cleared to make room for the new ones.
  const sentences = pieces.map((s, i) => {
    const analysed = analysedNow.get(s) ?? cache!.get(s)!;
    return analysed.index === i ? analysed : { ...analysed, index: i };
  });
  if (cache) {
    if (cache.size + analysedNow.size >= CACHE_LIMIT) cache.clear();
    for (const [s, a] of analysedNow) cache.set(s, a);
  }
  return { text, sentences, wordCount: sentences.reduce((n, s) => n + s.wordCount, 0) };
}
