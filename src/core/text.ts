import type { Knowledge, RawToken } from './lexicon.js';
import { CONCEPT_PHRASES, OPPOSITES, WORD_EQUIVALENTS } from './thesaurus.js';

const EQUIVALENT = new Map(Object.entries(WORD_EQUIVALENTS));
const OPPOSITE = new Map<string, string>(
  OPPOSITES.flatMap(
    ([a, b]) =>
      [
        [a, b],
        [b, a],
      ] as Array<[string, string]>,
  ),
);

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
  /** The words of the unit as written, lower-cased, with their lemmas: what cue phrases are matched on (src/core/rules/cues.ts). */
  words: readonly CueWord[];
}

/** One word as a cue phrase sees it. */
export interface CueWord {
  surface: string;
  lower: string;
  /** The tagger's lemma, before the thesaurus's equivalents ("looked" → "look"). */
  lemma: string;
  isPunct: boolean;
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
  /** Whether the sentence asserts something: it has a verb and is not a list of terms. */
  isClaim: boolean;
  /** Keys and stems the sentence only says under a negation ("not", "instead of"). */
  negatedKeys: Set<string>;
  negatedStems: Set<string>;
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
  return phrase
    .toLowerCase()
    .split(/[\s\-/]+/)
    .filter(Boolean);
}

interface Piece {
  lower: string;
  lemma: string;
  /** The lemma before the thesaurus's equivalents. */
  plainLemma: string;
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
        plainLemma: lemma,
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
  const pieces = scopeNegation(toPieces(tokens));
  const units: Unit[] = [];
  for (let i = 0; i < pieces.length;) {
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
        words: span.map(cueWord),
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
      words: [cueWord(p)],
    });
    i += 1;
  }
  return units;
}

function cueWord(p: Piece): CueWord {
  return { surface: p.surface, lower: p.lower, lemma: p.plainLemma, isPunct: !p.isWord };
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
      out[out.length - 1] = { ...unit, key: spread, stem: spread, surface: `${previous.surface} ${unit.surface}`, words: [...previous.words, ...unit.words] };
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
  const units = joinSpreads(toUnits(tokens ?? knowledge.nlp.tokenize(boundTokens(text))));
  const content = units.filter(isContent);
  return {
    text,
    index,
    units,
    keys: new Set(content.map((u) => u.key)),
    stems: new Set(content.map((u) => u.stem)),
    wordCount: units.filter((u) => u.pos !== 'PUNCT').length,
    isClaim: isClaim(units),
    negatedKeys: onlyNegated(content, (u) => u.key),
    negatedStems: onlyNegated(content, (u) => u.stem),
  };
}

function onlyNegated(units: Unit[], of: (u: Unit) => string): Set<string> {
  const affirmed = new Set(units.filter((u) => !u.negated).map(of));
  return new Set(units.filter((u) => u.negated && !affirmed.has(of(u))).map(of));
}

/** Longest run of characters read as one token; longer runs are no words (and cost the stemmer dearly). */
export const MAX_TOKEN_CHARS = 64;
const OVERLONG_TOKEN = new RegExp(`\\S{${MAX_TOKEN_CHARS + 1},}`, 'g');

/** Cuts every run of non-space characters to MAX_TOKEN_CHARS before the NLP reads it. */
export function boundTokens(text: string): string {
  return text.replace(OVERLONG_TOKEN, (run) => run.slice(0, MAX_TOKEN_CHARS));
}

/**
 * Words that negate what follows them in their clause ("not", "never", "no", "without"), and
 * phrases that reject what follows ("instead of X", "rather than X"). The scope runs to the end
 * of the clause: a comma, a semicolon, or a word that opens another clause ("but", "because").
 */
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'nor', 'neither', 'none', 'cannot']);
/** Verbs that reject their object when the speaker decides with them ("I'd avoid X"), not when they state a purpose ("to avoid X"). */
const REJECTING_VERBS = new Set(['avoid', 'skip', 'drop']);
const DECIDING = new Set(['i', 'we', 'you', "'d", 'would', 'should', "'ll", 'will', 'must', 'also', 'just', 'always', 'definitely']);
const REJECTING_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['as', 'opposed'],
];
const CLAUSE_ENDS = new Set([
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  '(',
  ')',
  '—',
  '–',
  'but',
  'because',
  'so',
  'since',
  'which',
  'while',
  'whereas',
  'although',
  'though',
  'however',
  'instead',
  'yet',
  'unless',
  'until',
  'if',
  'when',
  'then',
]);

/** Sets each piece's negation from the clause scope of the negators before it (wink's own scope is a few tokens). */
function scopeNegation(pieces: Piece[]): Piece[] {
  let inScope = false;
  for (const [i, piece] of pieces.entries()) {
    const rejects = isRejectingPair(pieces, i);
    if (CLAUSE_ENDS.has(piece.lower) && !rejects) inScope = false;
    const previous = pieces[i - 1];
    const decides = REJECTING_VERBS.has(piece.lemma) && (!previous || CLAUSE_ENDS.has(previous.lower) || DECIDING.has(previous.lower));
    const opens = NEGATORS.has(piece.lower) || NEGATORS.has(piece.lemma) || rejects || decides;
    piece.negated = inScope && !opens;
    if (opens) inScope = true;
  }
  return pieces;
}

function isRejectingPair(pieces: Piece[], i: number): boolean {
  const word = pieces[i]!.lower;
  const next = pieces[i + 1]?.lower;
  const previous = pieces[i - 1]?.lower;
  return REJECTING_PAIRS.some(([a, b]) => (word === a && next === b) || (previous === a && word === b));
}

const LIST_SEGMENT_WORDS = 4;
const FRAGMENT_WORDS = 6;

/**
 * A sentence asserts something when it has a verb and is not a list of terms: "SGs, NACLs,
 * stateful, ephemeral ports" names the right things and says nothing about them.
 */
function isClaim(units: Unit[]): boolean {
  const words = units.filter((u) => u.pos !== 'PUNCT');
  const hasVerb = (seg: Unit[]) => seg.some((u) => u.pos === 'VERB' || u.pos === 'AUX');
  // The tagger misses some verbs ("moves", "spiked"): only a short verbless fragment is no claim.
  if (!hasVerb(words) && words.length < FRAGMENT_WORDS) return false;
  const segments: Unit[][] = [[]];
  for (const u of units) {
    if (u.surface === ',' || u.surface === ';') segments.push([]);
    else if (u.pos !== 'PUNCT') segments[segments.length - 1]!.push(u);
  }
  const filled = segments.filter((seg) => seg.length > 0);
  if (filled.length < 4) return true;
  const short = filled.filter((seg) => seg.length <= LIST_SEGMENT_WORDS).length / filled.length;
  const clauses = filled.filter((seg) => seg.length > LIST_SEGMENT_WORDS && hasVerb(seg)).length;
  return !(clauses === 0 || (short >= 0.85 && clauses <= 1));
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
