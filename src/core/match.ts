import { lookup, type Knowledge } from './lexicon.js';
import { DEFAULT_PARAMETERS, type MatchParameters } from './params.js';
import { isContent, type AnalysedText, type Sentence, type Unit } from './text.js';
import { OPPOSITES } from './thesaurus.js';

/**
 * Meaning matching between a reference statement (a rubric point, a pitfall claim) and a
 * passage of the answer. The idea follows word-alignment graders of short answers (Mohler et
 * al. 2011; Sultan et al. 2016): align each content word of the reference to its best partner
 * in the passage (exact lemma or concept, then stem, then WordNet synonym), weight words by how
 * much they say (concepts most, light verbs least, words that merely repeat the question
 * little), and read coverage as the weighted share of the reference that found a partner.
 */
export interface Term {
  key: string;
  stem: string;
  weight: number;
  synonyms: readonly string[];
  /** Whether the statement itself says this term under a negation. */
  negated?: boolean;
}

export interface Binding {
  subject: string | null;
  /** Whether the subject is a named concept (security group, NACL) rather than a plain noun. */
  isNamed: boolean;
  attribute: string;
}

export interface Quantity {
  value: number;
  dimension: string;
}

export interface StatementModel {
  text: string;
  /** Verbs and adjectives with their polarity: "never contains" is the negation of "contains". */
  polarity?: ReadonlyMap<string, boolean>;
  terms: Term[];
  totalWeight: number;
  bindings: Binding[];
  quantities: Quantity[];
  /** What each clause says of its named subject ("LSIs … defined at creation, while GSIs … added any time"). */
  frames?: Frame[];
  /** Whether the statement negates anything itself; its negations are then said too many ways to compare word by word. */
  isNegative?: boolean;
  /** The matching parameters the statement is judged with (EngineParameters.matching); the defaults when absent. */
  tuning?: MatchParameters;
}

/** One clause of a sentence: its named subject and the other words it says of it. */
export interface Frame {
  subject: string;
  keys: Set<string>;
}

export interface PassageMatch {
  strength: number;
  contradicted: boolean;
  sentences: Sentence[];
}

const OPPOSITE_OF = new Map<string, string>(
  OPPOSITES.flatMap(
    ([a, b]) =>
      [
        [a, b],
        [b, a],
      ] as Array<[string, string]>,
  ),
);
const LIGHT_WORDS = new Set([
  'be',
  'have',
  'do',
  'use',
  'make',
  'get',
  'go',
  'need',
  'want',
  'take',
  'give',
  'thing',
  'way',
  'also',
  'just',
  'so',
  'very',
  'really',
  'can',
  'will',
  'would',
  'should',
  'may',
  'lot',
  'kind',
  'something',
  'able',
  'like',
  'well',
  'one',
]);

/** How much a word says, before question demotion. */
function baseWeight(unit: Unit, weights: MatchParameters['wordWeights']): number {
  if (unit.isConcept) return weights.concept;
  if (LIGHT_WORDS.has(unit.key)) return weights.light;
  if (unit.isNumber) return weights.number;
  switch (unit.pos) {
    case 'NOUN':
    case 'PROPN':
      return weights.noun;
    case 'ADJ':
      return weights.adjective;
    case 'VERB':
      return weights.verb;
    case 'ADV':
      return weights.adverb;
    default:
      return weights.other;
  }
}

export interface ModelContext {
  /** Keys of the question prompt: repeating them shows little. */
  questionKeys: ReadonlySet<string>;
  /** How many reference statements of this question use each key. */
  statementFrequency?: ReadonlyMap<string, number>;
  knowledge: Knowledge;
  /** The matching parameters; the defaults when absent. */
  tuning?: MatchParameters;
}

const tuningOf = (model: { tuning?: MatchParameters }): MatchParameters => model.tuning ?? DEFAULT_PARAMETERS.matching;

/** Builds the matchable model of one reference statement from its analysed sentence(s). */
export function modelStatement(text: string, sentences: Sentence[], ctx: ModelContext): StatementModel {
  const tuning = tuningOf(ctx);
  const byKey = new Map<string, Term>();
  for (const sentence of sentences) {
    for (const unit of sentence.units) {
      if (!isContent(unit) || byKey.has(unit.key)) continue;
      let weight = baseWeight(unit, tuning.wordWeights);
      if (ctx.questionKeys.has(unit.key)) weight *= tuning.questionDemotion;
      const spread = ctx.statementFrequency?.get(unit.key) ?? 1;
      if (spread > 1) weight /= 1 + tuning.repeatDemotion * (spread - 1);
      const synonyms = unit.isConcept ? [] : (lookup(ctx.knowledge.wordnet.synonyms, unit.key) ?? []);
      byKey.set(unit.key, { key: unit.key, stem: unit.stem, weight, synonyms, negated: unit.negated });
    }
  }
  const terms = [...byKey.values()];
  return {
    text,
    polarity: polarityOf(sentences),
    terms,
    totalWeight: terms.reduce((n, t) => n + t.weight, 0),
    bindings: sentences.flatMap(findBindings),
    quantities: sentences.flatMap(findQuantities),
    frames: sentences.flatMap(findFrames),
    isNegative: sentences.some((s) => s.units.some((u) => u.negated)),
    ...(ctx.tuning ? { tuning: ctx.tuning } : {}),
  };
}

function termCredit(term: Term, keys: ReadonlySet<string>, stems: ReadonlySet<string>, tuning: MatchParameters): number {
  if (keys.has(term.key)) return 1;
  if (term.stem.length >= tuning.minStemChars && stems.has(term.stem)) return tuning.stemCredit;
  for (const s of term.synonyms) if (keys.has(s)) return tuning.synonymCredit;
  return 0;
}

/** The weighted share of the statement's meaning that the passage expresses (0–1). */
export function coverage(model: StatementModel, keys: ReadonlySet<string>, stems: ReadonlySet<string>): number {
  if (model.totalWeight === 0) return 0;
  const tuning = tuningOf(model);
  let got = 0;
  for (const term of model.terms) got += term.weight * termCredit(term, keys, stems, tuning);
  return got / model.totalWeight;
}

/** What a passage says of a statement: the share it expresses, and the share it says negated. */
export interface PassageWords {
  keys: Set<string>;
  stems: Set<string>;
  negatedKeys: Set<string>;
  negatedStems: Set<string>;
}

/** Coverage of the statement by the passage, and the weight of its terms the passage negates (and the statement does not, or the other way round). */
function passageCredit(model: StatementModel, words: PassageWords): { credit: number; flipped: number } {
  if (model.totalWeight === 0) return { credit: 0, flipped: 0 };
  const tuning = tuningOf(model);
  let got = 0;
  let flipped = 0;
  for (const term of model.terms) {
    let credit = 0;
    let negated = false;
    if (words.keys.has(term.key)) {
      credit = 1;
      negated = words.negatedKeys.has(term.key);
    } else if (term.stem.length >= tuning.minStemChars && words.stems.has(term.stem)) {
      credit = tuning.stemCredit;
      negated = words.negatedStems.has(term.stem);
    } else {
      for (const s of term.synonyms) {
        if (!words.keys.has(s)) continue;
        credit = tuning.synonymCredit;
        negated = words.negatedKeys.has(s);
        break;
      }
    }
    got += term.weight * credit;
    if (credit > 0 && negated !== (term.negated ?? false)) flipped += term.weight * credit;
  }
  return { credit: got / model.totalWeight, flipped: model.isNegative ? 0 : flipped / model.totalWeight };
}

/**
 * Finds the answer passage (one to three consecutive sentences) that best expresses the
 * statement. A passage that states the opposite (swapped attribute, different quantity) is a
 * contradiction: it earns nothing and is reported as such.
 */
export function bestPassage(model: StatementModel, answer: AnalysedText, knowledge: Knowledge, maxWindow = 3, claimsOnly = true): PassageMatch {
  const tuning = tuningOf(model);
  let best: PassageMatch = { strength: 0, contradicted: false, sentences: [] };
  let worstContradiction: PassageMatch | null = null;
  // Only sentences that assert something can carry a point: a list of terms says nothing.
  const claims = claimsOnly ? answer.sentences.filter((s) => s.isClaim) : answer.sentences;
  const n = claims.length;
  for (let i = 0; i < n; i++) {
    const words: PassageWords = { keys: new Set(), stems: new Set(), negatedKeys: new Set(), negatedStems: new Set() };
    for (let w = 0; w < maxWindow && i + w < n; w++) {
      const s = claims[i + w]!;
      addSentence(words, s);
      const { credit, flipped } = passageCredit(model, words);
      const strength = credit * (tuning.windowDecay[w] ?? 0);
      if (strength <= best.strength && strength <= (worstContradiction?.strength ?? 0)) continue;
      const sentences = claims.slice(i, i + w + 1);
      // A passage that says most of a statement's words under a negation ("I would not use…") denies it.
      if (flipped >= tuning.negatedShare * credit || contradicts(model, sentences)) {
        if (!worstContradiction || strength > worstContradiction.strength) worstContradiction = { strength, contradicted: true, sentences };
        continue;
      }
      if (strength > best.strength) best = { strength, contradicted: false, sentences };
    }
  }
  if (worstContradiction && worstContradiction.strength >= best.strength) return { ...worstContradiction, strength: 0 };
  return best;
}

/** Adds a sentence's words to a passage: a word said plainly anywhere in it is not negated. */
function addSentence(words: PassageWords, s: Sentence): void {
  for (const k of s.keys) {
    if (!s.negatedKeys.has(k)) words.negatedKeys.delete(k);
    else if (!words.keys.has(k)) words.negatedKeys.add(k);
    words.keys.add(k);
  }
  for (const k of s.stems) {
    if (!s.negatedStems.has(k)) words.negatedStems.delete(k);
    else if (!words.stems.has(k)) words.negatedStems.add(k);
    words.stems.add(k);
  }
}

function polarityOf(sentences: Sentence[]): Map<string, boolean> {
  const polarity = new Map<string, boolean>();
  for (const s of sentences)
    for (const u of s.units) if ((u.pos === 'VERB' || u.pos === 'ADJ') && !u.isStop && !LIGHT_WORDS.has(u.key)) polarity.set(u.key, u.negated);
  return polarity;
}

/** True when the passage affirms what the statement negates, or the other way round. */
export function polarityConflict(model: StatementModel, sentences: Sentence[]): boolean {
  if (!model.polarity || model.polarity.size === 0) return false;
  const passage = polarityOf(sentences);
  const synonymsOf = new Map(model.terms.map((t) => [t.key, t.synonyms]));
  for (const [key, negated] of model.polarity) {
    for (const word of [key, ...(synonymsOf.get(key) ?? [])]) if (passage.has(word) && passage.get(word) !== negated) return true;
  }
  return false;
}

/**
 * True when the passage gives the statement's polar attribute to another subject and never to
 * the statement's own ("add a NACL rule to block" does not claim a security group blocks).
 */
export function attributedElsewhere(model: StatementModel, sentences: Sentence[]): boolean {
  const passage = sentences.flatMap(findBindings);
  return model.bindings.some(
    (b) =>
      b.isNamed &&
      passage.some((p) => p.attribute === b.attribute && p.isNamed && p.subject !== b.subject) &&
      !passage.some((p) => p.attribute === b.attribute && p.subject === b.subject),
  );
}

/** True when the passage binds an attribute opposite to the statement's, another quantity, or swaps what two subjects do. */
export function contradicts(model: StatementModel, sentences: Sentence[]): boolean {
  return (
    bindingsConflict(model.bindings, sentences.flatMap(findBindings)) ||
    quantitiesConflict(model.quantities, sentences.flatMap(findQuantities)) ||
    framesSwapped(model.frames ?? [], sentences.flatMap(findFrames), tuningOf(model).frameOverlap)
  );
}

/**
 * True when the passage says of one subject what the statement says of another, and the other
 * way round: "LSIs can be added any time, while GSIs must be defined at creation" swaps the two
 * indexes of "LSIs must be defined at creation, while GSIs can be added any time".
 */
function framesSwapped(reference: Frame[], passage: Frame[], frameOverlap: number): boolean {
  const subjects = [...new Set(reference.map((f) => f.subject))];
  if (subjects.length < 2 || passage.length < 2) return false;
  const saidOf = (subject: string) => {
    const keys = new Set<string>();
    for (const f of passage) if (f.subject === subject) for (const k of f.keys) keys.add(k);
    return keys;
  };
  let swapped = 0;
  for (const frame of reference) {
    const own = saidOf(frame.subject);
    if (own.size === 0) return false;
    const shared = (keys: Set<string>) => [...frame.keys].filter((k) => keys.has(k)).length;
    const ownShared = shared(own);
    const crossShared = Math.max(...subjects.filter((x) => x !== frame.subject).map((x) => shared(saidOf(x))));
    if (ownShared > crossShared) return false;
    if (crossShared >= frameOverlap && crossShared > ownShared) swapped += 1;
  }
  return swapped > 0;
}

const frameMemo = new WeakMap<Sentence, Frame[]>();

/** The clauses of a sentence that have a named subject (a concept or a proper noun). */
export function findFrames(sentence: Sentence): Frame[] {
  let found = frameMemo.get(sentence);
  if (!found) {
    found = [];
    for (const clause of clausesOf(sentence)) {
      // The subject stands before the clause's verb: "LSIs must be defined…", not "…inside one AZ".
      const verb = clause.findIndex((u) => u.pos === 'VERB' || u.pos === 'AUX');
      if (verb < 0) continue;
      const subject = clause.slice(0, verb).find((u) => (u.isConcept || u.pos === 'PROPN') && !u.isStop && !OPPOSITE_OF.has(u.key));
      if (!subject) continue;
      const keys = new Set(clause.filter((u) => u !== subject && isContent(u) && u.key !== subject.key).map((u) => u.key));
      found.push({ subject: subject.key, keys });
    }
    frameMemo.set(sentence, found);
  }
  return found;
}

function clausesOf(sentence: Sentence): Unit[][] {
  const clauses: Unit[][] = [[]];
  for (const unit of sentence.units) {
    if (CLAUSE_BREAKS.has(unit.surface.toLowerCase())) clauses.push([]);
    else clauses[clauses.length - 1]!.push(unit);
  }
  return clauses.filter((c) => c.length > 0);
}

function bindingsConflict(reference: Binding[], passage: Binding[]): boolean {
  if (reference.length === 0 || passage.length === 0) return false;
  const subjects = new Set(reference.map((b) => b.subject));
  const attrs = (list: Binding[], subject: string | null) => new Set(list.filter((b) => subject !== null && b.subject === subject).map((b) => b.attribute));
  for (const subject of subjects) {
    const said = attrs(passage, subject);
    for (const attribute of attrs(reference, subject)) {
      const opposite = OPPOSITE_OF.get(attribute)!;
      if (said.has(opposite) && !said.has(attribute)) return true;
    }
  }
  return false;
}

function quantitiesConflict(reference: Quantity[], passage: Quantity[]): boolean {
  for (const q of reference) {
    // With two amounts of one dimension ("a one-year commitment… an hour of downtime") which is compared with which is unclear.
    if (reference.filter((r) => r.dimension === q.dimension).length > 1) continue;
    const same = passage.filter((p) => p.dimension === q.dimension);
    if (same.length > 0 && !same.some((p) => Math.abs(p.value - q.value) < 1e-9)) return true;
  }
  return false;
}

const CLAUSE_BREAKS = new Set([';', ',', ':', 'while', 'whereas', 'but', 'although', 'unlike', 'however', '(', ')']);

const bindingMemo = new WeakMap<Sentence, Binding[]>();
const quantityMemo = new WeakMap<Sentence, Quantity[]>();

/** Pairs each polar attribute (stateful, allow, strong-consistency…) with its clause's subject. */
export function findBindings(sentence: Sentence): Binding[] {
  let found = bindingMemo.get(sentence);
  if (!found) {
    found = bindingsOf(sentence);
    bindingMemo.set(sentence, found);
  }
  return found;
}

function bindingsOf(sentence: Sentence): Binding[] {
  const bindings: Binding[] = [];
  for (const clause of clausesOf(sentence)) {
    clause.forEach((unit, i) => {
      const opposite = OPPOSITE_OF.get(unit.key);
      if (!opposite) return;
      const attribute = unit.negated ? opposite : unit.key;
      const subject = subjectNear(clause, i);
      bindings.push({ subject: subject?.key ?? null, isNamed: subject?.isConcept ?? false, attribute });
    });
  }
  return bindings;
}

function isSubjectCandidate(unit: Unit): boolean {
  return !OPPOSITE_OF.has(unit.key) && (unit.isConcept || unit.pos === 'PROPN' || unit.pos === 'NOUN') && !unit.isStop;
}

function subjectNear(clause: Unit[], at: number): Unit | null {
  // A named concept (security group, NACL, S3) is the likeliest subject; a plain noun comes next.
  for (let i = at - 1; i >= 0; i--) if (clause[i]!.isConcept && isSubjectCandidate(clause[i]!)) return clause[i]!;
  for (let i = at - 1; i >= 0; i--) if (isSubjectCandidate(clause[i]!)) return clause[i]!;
  for (let i = at + 1; i < clause.length; i++) if (isSubjectCandidate(clause[i]!)) return clause[i]!;
  return null;
}

const UNIT_SECONDS: Record<string, [string, number]> = {
  millisecond: ['time', 0.001],
  second: ['time', 1],
  minute: ['time', 60],
  hour: ['time', 3600],
  day: ['time', 86_400],
  week: ['time', 604_800],
  month: ['time', 2_592_000],
  year: ['time', 31_536_000],
  kb: ['size', 1e3],
  mb: ['size', 1e6],
  gb: ['size', 1e9],
  tb: ['size', 1e12],
  kib: ['size', 1024],
  mib: ['size', 1024 ** 2],
  gib: ['size', 1024 ** 3],
  tib: ['size', 1024 ** 4],
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
};

/** Quantities with a unit ("15 minutes", "an hour", "400 KB"), normalised to base units. */
export function findQuantities(sentence: Sentence): Quantity[] {
  let found = quantityMemo.get(sentence);
  if (!found) {
    found = quantitiesOf(sentence);
    quantityMemo.set(sentence, found);
  }
  return found;
}

function quantitiesOf(sentence: Sentence): Quantity[] {
  const out: Quantity[] = [];
  const units = sentence.units.filter((u) => u.surface !== '-');
  units.forEach((unit, i) => {
    const next = units[i + 1];
    if (!next) return;
    const known = lookup(UNIT_SECONDS, next.key) ?? lookup(UNIT_SECONDS, next.key.replace(/s$/, ''));
    if (!known) return;
    const value = unit.isNumber ? Number(unit.key.replace(/,/g, '')) : lookup(NUMBER_WORDS, unit.key);
    if (value === undefined || !Number.isFinite(value)) return;
    out.push({ dimension: known[0], value: value * known[1] });
  });
  return out;
}

/** The words of every claim of an answer, negations ignored: an upper bound for any passage. */
export function answerWords(answer: AnalysedText, claimsOnly = true): PassageWords {
  const words: PassageWords = { keys: new Set(), stems: new Set(), negatedKeys: new Set(), negatedStems: new Set() };
  for (const s of answer.sentences) {
    if (claimsOnly && !s.isClaim) continue;
    for (const k of s.keys) words.keys.add(k);
    for (const k of s.stems) words.stems.add(k);
  }
  return words;
}

/**
 * The best passage for any of a statement's phrasings (the statement and its `accept`
 * exemplars). A phrasing whose words the whole answer cannot reach past the best so far is
 * skipped, so extra phrasings cost little. A passage that contradicts the statement itself
 * denies it, whatever the phrasings match.
 */
export function bestPassageOfAny(
  models: readonly StatementModel[],
  answer: AnalysedText,
  knowledge: Knowledge,
  maxWindow = 3,
  whole = answerWords(answer),
  claimsOnly = true,
): PassageMatch {
  let best: PassageMatch = { strength: 0, contradicted: false, sentences: [] };
  for (const [i, model] of models.entries()) {
    if (i > 0 && passageCredit(model, whole).credit <= best.strength) continue;
    const match = bestPassage(model, answer, knowledge, maxWindow, claimsOnly);
    // The statement itself decides a contradiction; a phrasing only adds ways to express it.
    if (match.contradicted && i === 0) return match;
    if (match.strength > best.strength) best = match;
  }
  return best;
}
