/**
 * Filler words and phrases, as data. A phrase is a filler unless the word before it makes it
 * literal ("what sort of", "I would like"); "like" is a filler only where commas or the sentence
 * start set it apart ("it was, like, slow"), because as a verb or preposition it carries meaning.
 * Counts are approximate: speech recognition drops or invents some hesitations.
 */
interface FillerRule {
  phrase: string;
  /** Words that, just before the phrase, make it literal. */
  literalAfter?: readonly string[];
  /** Only a filler when set apart by punctuation or at a sentence start. */
  needsSetApart?: boolean;
}

export const FILLER_RULES: readonly FillerRule[] = [
  { phrase: 'um' },
  { phrase: 'umm' },
  { phrase: 'uh' },
  { phrase: 'uhh' },
  { phrase: 'er' },
  { phrase: 'erm' },
  { phrase: 'ah' },
  { phrase: 'hmm' },
  { phrase: 'like', needsSetApart: true },
  { phrase: 'you know', literalAfter: ['do', 'did', 'if', 'as', 'would', 'will', "don't", "didn't", 'what'] },
  { phrase: 'sort of', literalAfter: ['what', 'this', 'that', 'the', 'a', 'any', 'some', 'which', 'same', 'every', 'one'] },
  { phrase: 'kind of', literalAfter: ['what', 'this', 'that', 'the', 'a', 'any', 'some', 'which', 'same', 'every', 'one'] },
  { phrase: 'i mean', literalAfter: ['what', 'if'] },
  { phrase: 'basically', needsSetApart: true },
];

/** A word of a transcript, lower-cased, with whether punctuation or a sentence start precedes or follows it. */
export interface TranscriptWord {
  text: string;
  index: number;
  breakBefore: boolean;
  breakAfter: boolean;
}

/** Splits a transcript into words, keeping where punctuation sets words apart. */
export function transcriptWords(transcript: string): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  const pattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  let previousEnd = 0;
  for (const match of transcript.matchAll(pattern)) {
    const before = transcript.slice(previousEnd, match.index);
    const last = words[words.length - 1];
    const isBreak = words.length === 0 || /[,.;:!?—–-]/.test(before);
    if (last && isBreak) last.breakAfter = true;
    words.push({ text: match[0].toLowerCase().replace('’', "'"), index: words.length, breakBefore: isBreak, breakAfter: false });
    previousEnd = match.index + match[0].length;
  }
  const last = words[words.length - 1];
  if (last) last.breakAfter = true;
  return words;
}

/** A filler found: the phrase and the index of its first word. */
export interface FillerHit {
  word: string;
  wordIndex: number;
}

/** Every filler in the words, in order. */
export function findFillers(words: TranscriptWord[]): FillerHit[] {
  const hits: FillerHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const rule = FILLER_RULES.find((r) => matchesAt(words, i, r));
    if (rule) hits.push({ word: rule.phrase, wordIndex: i });
  }
  return hits;
}

function matchesAt(words: TranscriptWord[], i: number, rule: FillerRule): boolean {
  const parts = rule.phrase.split(' ');
  if (!parts.every((part, k) => words[i + k]?.text === part)) return false;
  const previous = words[i - 1];
  if (rule.literalAfter && previous && !words[i]!.breakBefore && rule.literalAfter.includes(previous.text)) return false;
  if (rule.needsSetApart) return words[i]!.breakBefore || words[i + parts.length - 1]!.breakAfter;
  return true;
}

/** Filler counts by phrase, most frequent first. */
export function countFillers(hits: FillerHit[]): Array<{ word: string; count: number }> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.word, (counts.get(hit.word) ?? 0) + 1);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}
