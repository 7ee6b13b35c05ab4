// The own-words development set (../shared/data/own-words, written blind to the engine): the
// checks a trustworthy judge passes on it. `npx tsx bench/own-words.ts [--verbose]` prints the
// pass rate per kind of check; test/own-words.test.ts holds the engine to a floor.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Coach } from '../src/coach.js';
import type { BankQuestion } from '../src/content/question.schema.js';
import type { Feedback, FindingCode, Question } from '../src/core/types.js';

export const OWN_WORDS_PATH = fileURLToPath(new URL('../../shared/data/own-words/own-words-dev.json', import.meta.url));

interface BankCase {
  id: string;
  strong: string;
  partial: string;
  partial_covers: number[];
  keywords: string;
  negated: string;
  negated_points: number[];
  other: string;
  other_question: string;
  misconception?: string;
  pitfall_index?: number;
  followup_index?: number;
  followup_strong?: string;
  followup_points?: string[];
}

interface OpenCase {
  prompt: string;
  kind: string;
  strong: string;
  weak: string;
  weak_habits: FindingCode[];
  strong_forbid: FindingCode[];
  off_topic: string;
}

export interface OwnWordsData {
  bank_cases: BankCase[];
  open_cases: OpenCase[];
}

export interface Check {
  group: string;
  name: string;
  passed: boolean;
  detail: string;
}

export function readOwnWords(path = OWN_WORDS_PATH): OwnWordsData | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as OwnWordsData) : null;
}

const covered = (fb: Feedback) => fb.rubric.map((r) => r.covered);
const codes = (fb: Feedback) => fb.findings.map((f) => f.code);
const substanceOf = (fb: Feedback) => (fb.rubric.length === 0 ? 0 : fb.rubric.reduce((n, r) => n + (r.covered ? r.strength : 0), 0) / fb.rubric.length);

/** Every check of the development set, graded with the coach's bank questions. */
export function ownWordsChecks(coach: Coach, data: OwnWordsData): Check[] {
  const checks: Check[] = [];
  const add = (group: string, name: string, passed: boolean, detail = '') => checks.push({ group, name, passed, detail });
  for (const c of data.bank_cases) {
    const q = coach.findQuestion(c.id);
    if (!q) {
      add('missing', c.id, false, 'not in the bank');
      continue;
    }
    const strong = coach.grade(q, c.strong);
    const partial = coach.grade(q, c.partial);
    const keywords = coach.grade(q, c.keywords);
    const negated = coach.grade(q, c.negated);
    const other = coach.grade(q, c.other);
    const s = covered(strong);
    const share = s.filter(Boolean).length / s.length;
    add('strong covers 80%', c.id, share >= 0.8, `${s.filter(Boolean).length}/${s.length} ${strong.rubric.map((r) => r.strength.toFixed(2)).join(' ')}`);
    add('strong > partial', c.id, strong.score > partial.score, `${strong.score} vs ${partial.score}`);
    const p = covered(partial);
    for (const [i, isCovered] of p.entries()) {
      const want = c.partial_covers.includes(i + 1);
      add(
        want ? 'partial covers its point' : 'partial silent point uncovered',
        `${c.id}#${i + 1}`,
        isCovered === want,
        `strength ${partial.rubric[i]!.strength}`,
      );
    }
    add(
      'keywords: no substance',
      c.id,
      substanceOf(keywords) === 0 && keywords.score < partial.score,
      `score ${keywords.score}, covered ${covered(keywords).filter(Boolean).length}`,
    );
    add('keywords: keyword-list', c.id, codes(keywords).includes('keyword-list' as FindingCode), codes(keywords).join(','));
    for (const point of c.negated_points)
      add('negated point uncovered', `${c.id}#${point}`, !negated.rubric[point - 1]!.covered, `strength ${negated.rubric[point - 1]!.strength}`);
    add('other: off-topic', c.id, codes(other).includes('off-topic'), `score ${other.score} ${codes(other).join(',')}`);
    add(
      'other: no praise',
      c.id,
      other.structure.parts.every((x) => !x.present) && other.leadershipPrinciples.length === 0,
      other.structure.parts
        .filter((x) => x.present)
        .map((x) => x.part)
        .join(','),
    );
    if (c.misconception) {
      const fb = coach.grade(q, c.misconception);
      add('misconception raised', c.id, codes(fb).includes('misconception'), `pitfall ${c.pitfall_index}`);
    }
    if (c.followup_strong && c.followup_index) {
      const fq = followUpQuestionOf(q, c.followup_index);
      const fb = coach.grade(fq, c.followup_strong);
      add(
        'follow-up answer scores 60+',
        `${c.id}#f${c.followup_index}`,
        fb.score >= 60 && !codes(fb).includes('off-topic'),
        `score ${fb.score} ${covered(fb)
          .map((x) => (x ? 1 : 0))
          .join('')} ${codes(fb).join(',')}`,
      );
    }
  }
  for (const [i, c] of data.open_cases.entries()) {
    const name = `open#${i + 1} ${c.prompt.slice(0, 50)}`;
    const q: Question = { prompt: c.prompt } as Question;
    const strong = coach.grade(q, c.strong);
    const weak = coach.grade(q, c.weak);
    const off = coach.grade(q, c.off_topic);
    add('open: strong >= weak + 15', name, strong.score >= weak.score + 15, `${strong.score} vs ${weak.score}`);
    for (const h of c.weak_habits) add('open: weak habit raised', `${name} ${h}`, codes(weak).includes(h), codes(weak).join(','));
    for (const h of c.strong_forbid) add('open: strong not accused', `${name} ${h}`, !codes(strong).includes(h), codes(strong).join(','));
    add('open: off-topic', name, codes(off).includes('off-topic'), `score ${off.score} ${codes(off).join(',')}`);
  }
  return checks;
}

/** The question a bank follow-up's answer is graded against, as a session grades it. */
function followUpQuestionOf(q: BankQuestion, index: number): Question {
  const f = q.followUps[index - 1]!;
  return { prompt: f.prompt, kind: q.kind, rubric: f.rubric, context: q.prompt } as Question;
}

export function summarise(checks: Check[]): Array<{ group: string; passed: number; total: number }> {
  const groups = new Map<string, { passed: number; total: number }>();
  for (const c of checks) {
    const g = groups.get(c.group) ?? { passed: 0, total: 0 };
    g.total += 1;
    if (c.passed) g.passed += 1;
    groups.set(c.group, g);
  }
  return [...groups].map(([group, g]) => ({ group, ...g }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createCoach } = await import('../src/coach.js');
  const data = readOwnWords();
  if (!data) {
    console.log(`no development set at ${OWN_WORDS_PATH}`);
    process.exit(0);
  }
  const coach = await createCoach();
  const checks = ownWordsChecks(coach, data);
  const verbose = process.argv.includes('--verbose');
  const only = process.argv.find((a) => a.startsWith('--group='))?.slice(8);
  for (const c of checks) if (!c.passed && (verbose || (only && c.group.startsWith(only)))) console.log(`FAIL ${c.group} | ${c.name} | ${c.detail}`);
  for (const g of summarise(checks)) console.log(`${g.group.padEnd(34)} ${String(g.passed).padStart(4)} / ${g.total}`);
  const passed = checks.filter((c) => c.passed).length;
  console.log(`all checks ${passed} / ${checks.length} (${((100 * passed) / checks.length).toFixed(1)} %)`);
}
