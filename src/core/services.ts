import type { ServiceCatalogue } from './lexicon.js';
import type { AnalysedText } from './text.js';

/** A service named in the answer, with the sentence that names it. */
export interface ServiceMention {
  service: string;
  surface: string;
  sentence: number;
}

interface AliasNode {
  next: Map<string, AliasNode>;
  service?: string;
}

const tries = new WeakMap<ServiceCatalogue, AliasNode>();
const WORD = /[a-z0-9]+/g;

function words(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  const lower = text.toLowerCase();
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  WORD.lastIndex = 0;
  return out;
}

/** A word trie of every alias: one pass over a sentence finds every mention, longest first. */
function aliasTrie(catalogue: ServiceCatalogue): AliasNode {
  let root = tries.get(catalogue);
  if (root) return root;
  root = { next: new Map() };
  for (const entry of catalogue.services) {
    for (const alias of entry.aliases) {
      let node = root;
      for (const { word } of words(alias)) {
        const child = node.next.get(word) ?? { next: new Map() };
        node.next.set(word, child);
        node = child;
      }
      node.service ??= entry.name;
    }
  }
  tries.set(catalogue, root);
  return root;
}

/** Finds every AWS service the answer names, in order, resolved to canonical names. */
export function findServiceMentions(answer: AnalysedText, catalogue: ServiceCatalogue): ServiceMention[] {
  const root = aliasTrie(catalogue);
  const mentions: ServiceMention[] = [];
  for (const sentence of answer.sentences) {
    const ws = words(sentence.text);
    for (let i = 0; i < ws.length;) {
      let node: AliasNode | undefined = root;
      let found: { service: string; end: number } | null = null;
      for (let j = i; j < ws.length && node; j++) {
        node = node.next.get(ws[j]!.word);
        if (node?.service) found = { service: node.service, end: j };
      }
      if (!found) {
        i += 1;
        continue;
      }
      mentions.push({ service: found.service, surface: sentence.text.slice(ws[i]!.start, ws[found.end]!.end), sentence: sentence.index });
      i = found.end + 1;
    }
  }
  return mentions;
}

/** Canonical names in first-mention order, without repeats. */
export function distinctServices(mentions: ServiceMention[]): string[] {
  return [...new Set(mentions.map((m) => m.service))];
}
