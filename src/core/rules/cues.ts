import type { CueWord, Sentence } from '../text.js';

/**
 * Cue phrases as data, matched on the words of an analysed sentence (their lemmas, or as
 * written), in place of regular expressions with hand-typed verb forms: "look into it" also
 * hears "looked into it" and "looking into it".
 *
 * A phrase is slots separated by spaces. In a slot, `a|b` are alternatives, `_` joins the words
 * of one alternative ("the_issue"; a hyphen or slash may stand between them: "trade_off" hears
 * "trade-off"), and a slot in brackets is optional ("(really)"). A word
 * matches a token's lemma or its lower-cased form; `=fixed` matches only as written; `*ing`
 * matches a word of letters or digits ending in "ing" (`*` any such word); `#year` a year ("2023"), `#` a number ("2,000"); a punctuation mark
 * matches itself. Zero-width slots check what follows:
 * `$` the clause ends (a stop, a comma, a semicolon, "!", the end, "and" or "then"), `$$` the sentence ends
 * (only punctuation follows), `!a|b` the next word is none of these. `^` at the start anchors
 * the phrase to the sentence's first word.
 */
export type CuePhrases = readonly string[];

type Slot =
  { kind: 'words'; alternatives: string[][]; optional: boolean } | { kind: 'clause-end' } | { kind: 'sentence-end' } | { kind: 'not-next'; words: Set<string> };

interface CompiledPhrase {
  source: string;
  anchored: boolean;
  slots: Slot[];
}

/** A compiled list of cue phrases, indexed by the words they can start with. */
export interface CueMatcher {
  byFirstWord: Map<string, CompiledPhrase[]>;
}

/** Where a cue phrase matched in a sentence: the token range and the text as written. */
export interface CueMatch {
  phrase: string;
  start: number;
  end: number;
  text: string;
}

/** What may follow a clause's last word: a stop, a comma, or a word that goes on to the next clause. */
const CLAUSE_ENDINGS = new Set([',', '.', ';', '!', 'and', 'then']);

function parseSlot(slot: string): Slot {
  if (slot === '$') return { kind: 'clause-end' };
  if (slot === '$$') return { kind: 'sentence-end' };
  if (slot.startsWith('!')) return { kind: 'not-next', words: new Set(slot.slice(1).split('|')) };
  const optional = slot.startsWith('(') && slot.endsWith(')');
  const body = optional ? slot.slice(1, -1) : slot;
  return { kind: 'words', optional, alternatives: body.split('|').map((alt) => alt.split('_')) };
}

/** A phrase whose first slots are optional is indexed as each of its possible starts. */
function compilePhrase(source: string): CompiledPhrase[] {
  const parts = source.trim().toLowerCase().split(/\s+/);
  const anchored = parts[0] === '^';
  return startsOf((anchored ? parts.slice(1) : parts).map(parseSlot)).map((slots) => ({ source, anchored, slots }));
}

function startsOf(slots: Slot[]): Slot[][] {
  const first = slots[0];
  if (!first || first.kind !== 'words') throw new Error(`a cue phrase must start with a word: ${JSON.stringify(slots)}`);
  if (!first.optional) return [slots];
  return [[{ ...first, optional: false }, ...slots.slice(1)], ...startsOf(slots.slice(1))];
}

/** Compiles a list of cue phrases once (at module load), for `findCue`. */
export function compileCues(phrases: CuePhrases): CueMatcher {
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  for (const phrase of phrases.flatMap(compilePhrase)) {
    const first = phrase.slots[0] as Extract<Slot, { kind: 'words' }>;
    for (const word of new Set(first.alternatives.map((alt) => alt[0]!.replace(/^=/, '')))) {
      const list = byFirstWord.get(word) ?? [];
      list.push(phrase);
      byFirstWord.set(word, list);
    }
  }
  return { byFirstWord };
}

const wordsMemo = new WeakMap<Sentence, CueWord[]>();

/** The words of a sentence as cue phrases see them (memoised: sentences are analysed once and shared). */
export function cueWords(sentence: Sentence): CueWord[] {
  let words = wordsMemo.get(sentence);
  if (!words) {
    words = sentence.units.flatMap((u) => u.words);
    wordsMemo.set(sentence, words);
  }
  return words;
}

/** A cue word matches a token's lemma or lower-cased form (`=word`: only as written; `*ing`: any word ending so); a punctuation mark matches itself. */
function wordMatches(token: CueWord | undefined, word: string): boolean {
  if (token === undefined) return false;
  if (token.isPunct) return !/[\p{L}\p{N}]/u.test(word) && token.lower === word;
  if (word.startsWith('*')) return /^\w+$/.test(token.lower) && token.lower.endsWith(word.slice(1));
  if (word.startsWith('=')) return token.lower === word.slice(1);
  if (word === '#year') return /^(?:19|20)\d\d$/.test(token.lower);
  if (word === '#') return /^\d/.test(token.lower);
  return token.lemma === word || token.lower === word;
}

/** A hyphen or slash may join the words of one alternative: "trade_off" hears "trade-off" and "trade off". */
const isJoiner = (token: CueWord | undefined) => token !== undefined && token.isPunct && (token.lower === '-' || token.lower === '/');

/** Token index after the words of one alternative matched from `at`, or -1; joiners between them are skipped. */
function matchWords(tokens: CueWord[], words: string[], at: number): number {
  let i = at;
  for (const [j, word] of words.entries()) {
    const isWord = /[\p{L}\p{N}]/u.test(word);
    if (isWord && j > 0) while (isJoiner(tokens[i])) i += 1;
    if (!wordMatches(tokens[i], word)) return -1;
    i += 1;
  }
  return i;
}

/** Token index after the slots matched from `at`, or -1; tries alternatives and optional slots in order. After a wildcard (`*`), a hyphen may stand before the next word ("large-scale project"). */
function matchSlots(tokens: CueWord[], slots: Slot[], k: number, at: number, afterWildcard = false): number {
  if (k === slots.length) return at;
  const slot = slots[k]!;
  switch (slot.kind) {
    case 'clause-end': {
      const next = tokens[at];
      return next === undefined || CLAUSE_ENDINGS.has(next.lower) ? matchSlots(tokens, slots, k + 1, at) : -1;
    }
    case 'sentence-end':
      return tokens.slice(at).every((t) => t.isPunct) ? matchSlots(tokens, slots, k + 1, at) : -1;
    case 'not-next': {
      const next = tokens[at];
      return next !== undefined && !next.isPunct && (slot.words.has(next.lower) || slot.words.has(next.lemma)) ? -1 : matchSlots(tokens, slots, k + 1, at);
    }
    case 'words': {
      for (const alternative of slot.alternatives) {
        const isWildcard = alternative.length === 1 && alternative[0] === '*';
        let from = at;
        if (afterWildcard) while (isJoiner(tokens[from])) from += 1;
        const after = matchWords(tokens, alternative, from);
        const end = after < 0 ? -1 : matchSlots(tokens, slots, k + 1, after, isWildcard);
        if (end >= 0) return end;
      }
      return slot.optional ? matchSlots(tokens, slots, k + 1, at, afterWildcard) : -1;
    }
    default: {
      const _never: never = slot;
      return _never;
    }
  }
}

/** The first cue phrase of the list said in the sentence (leftmost, then in list order), or null. */
export function findCue(matcher: CueMatcher, sentence: Sentence): CueMatch | null {
  const tokens = cueWords(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.isPunct) continue;
    const byLower = matcher.byFirstWord.get(token.lower);
    const byLemma = token.lemma === token.lower ? undefined : matcher.byFirstWord.get(token.lemma);
    if (!byLower && !byLemma) continue;
    const isFirstWord = !tokens.slice(0, i).some((t) => !t.isPunct);
    for (const phrase of [...(byLower ?? []), ...(byLemma ?? [])]) {
      if (phrase.anchored && !isFirstWord) continue;
      const end = matchSlots(tokens, phrase.slots, 0, i);
      if (end > i) return { phrase: phrase.source, start: i, end, text: surfaceOf(sentence.text, tokens.slice(i, end)) };
    }
  }
  return null;
}

/** Whether any cue phrase of the list is said in the sentence. */
export function hasCue(matcher: CueMatcher, sentence: Sentence): boolean {
  return findCue(matcher, sentence) !== null;
}

/** The matched words as written in the sentence (its own spacing and case). */
function surfaceOf(text: string, tokens: CueWord[]): string {
  const words = tokens.map((t) => t.lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = text.match(new RegExp(words.join('[\\s\\-/]*'), 'i'));
  return found ? found[0] : tokens.map((t) => t.surface).join(' ');
}

/**
 * Words that put a number on something: the one quantity recogniser of the engine. A digit
 * anywhere ("5xx", "p99", "40%") or a number word ("doubled", "a dozen").
 */
const NUMBER_WORDS = new Set([
  'twice',
  'half',
  'halve',
  'halved',
  'double',
  'doubled',
  'triple',
  'tripled',
  'ten',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'dozen',
  'dozens',
]);

/** Whether the sentence puts a number on something. */
export function hasQuantity(sentence: Sentence): boolean {
  return /\d/.test(sentence.text) || cueWords(sentence).some((w) => NUMBER_WORDS.has(w.lower) || NUMBER_WORDS.has(w.lemma));
}
