// The labelled set written blind to the engine (test/fixtures/blind-answers.yaml): answers to 20
// bank questions written from the prompt alone and labelled afterwards against the rubric,
// questions a user wrote with their own rubric, and prompt-only questions. The same checks as
// the own-words development set. `npx tsx bench/blind-set.ts [--verbose]` prints the pass rates.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Coach } from '../src/coach.js';
import { followUpQuestion } from '../src/core/session/follow-ups.js';
import type { Feedback, FindingCode, Question } from '../src/core/types.js';
import { summarise, type Check } from './own-words.js';

export const BLIND_SET_PATH = fileURLToPath(new URL('../test/fixtures/blind-answers.yaml', import.meta.url));

export interface BlindAnswer {
  type: 'strong' | 'partial' | 'keywords' | 'negated' | 'other' | 'misconception' | 'followup' | 'weak' | 'off-topic';
  text: string;
  covers?: number[];
  contradicts?: number[];
  pitfall?: number | null;
  followUp?: number;
  mustRaise?: FindingCode[];
  mustNotRaise?: FindingCode[];
}

interface BlindCase {
  id?: string;
  question: string | (Question & { pitfalls?: Question['pitfalls'] });
  answers: BlindAnswer[];
}

export interface BlindSet {
  bank: BlindCase[];
  user: BlindCase[];
  open: BlindCase[];
}

export function readBlindSet(path = BLIND_SET_PATH): BlindSet {
  return parse(readFileSync(path, 'utf8')) as BlindSet;
}

const codes = (fb: Feedback) => fb.findings.map((f) => f.code);

/** Every check of the blind set; `name` is stable (`<case>/<answer type>/<what>`), for the list of known gaps. */
export function blindSetChecks(coach: Coach, set: BlindSet): Check[] {
  const checks: Check[] = [];
  const add = (group: string, name: string, passed: boolean, detail = '') => checks.push({ group, name, passed, detail });
  const cases = [
    ...set.bank.map((c) => ({
      section: 'bank',
      id: c.question as string,
      question: coach.findQuestion(c.question as string) as Question | undefined,
      bank: coach.findQuestion(c.question as string),
      answers: c.answers,
    })),
    ...set.user.map((c) => ({ section: 'user', id: c.id!, question: c.question as Question, bank: undefined, answers: c.answers })),
    ...set.open.map((c) => ({
      section: 'open',
      id: c.id!,
      question: { prompt: (c.question as Question).prompt } as Question,
      bank: undefined,
      answers: c.answers,
    })),
  ];
  for (const c of cases) {
    if (!c.question) {
      add('missing', c.id, false, 'not in the bank');
      continue;
    }
    const graded = new Map<BlindAnswer, Feedback>();
    const grade = (a: BlindAnswer) => {
      let fb = graded.get(a);
      if (!fb) {
        fb = a.type === 'followup' && c.bank && a.followUp ? coach.grade(followUpOf(c.bank, a.followUp), a.text) : coach.grade(c.question!, a.text);
        graded.set(a, fb);
      }
      return fb;
    };
    const of = (type: BlindAnswer['type']) => c.answers.find((a) => a.type === type);
    for (const a of c.answers) {
      const fb = grade(a);
      const name = `${c.id}/${a.type}`;
      const raised = codes(fb);
      for (const code of a.mustRaise ?? [])
        add(`${c.section}: raises its habits`, `${name}/raise ${code}`, raised.includes(code), `raised [${raised.join(', ')}] score ${fb.score}`);
      for (const code of a.mustNotRaise ?? [])
        add(`${c.section}: raises none it must not`, `${name}/not ${code}`, !raised.includes(code), `raised [${raised.join(', ')}]`);
      if (a.type === 'followup') {
        add(
          `${c.section}: follow-up answer scores 60+`,
          `${name}/score`,
          fb.score >= 60 && !raised.includes('off-topic'),
          `score ${fb.score} [${raised.join(', ')}]`,
        );
        continue;
      }
      if (c.section === 'open') continue;
      const covers = new Set(a.covers ?? []);
      const contradicted = new Set(a.contradicts ?? []);
      fb.rubric.forEach((r, i) => {
        const point = i + 1;
        if (a.type === 'strong' && covers.has(point))
          add(`${c.section}: strong covers its points`, `${name}/covers ${point}`, r.covered, `strength ${r.strength}`);
        if (a.type === 'partial' && covers.has(point))
          add(`${c.section}: partial covers its points`, `${name}/covers ${point}`, r.covered, `strength ${r.strength}`);
        if (a.type === 'partial' && !covers.has(point))
          add(`${c.section}: partial silent points uncovered`, `${name}/silent ${point}`, !r.covered, `strength ${r.strength}`);
        if (contradicted.has(point)) add(`${c.section}: contradicted points uncovered`, `${name}/denies ${point}`, !r.covered, `strength ${r.strength}`);
      });
      if (a.type === 'keywords')
        add(
          `${c.section}: keyword list earns nothing`,
          `${name}/nothing`,
          fb.rubric.every((r) => !r.covered) && raised.includes('keyword-list'),
          `score ${fb.score} [${raised.join(', ')}]`,
        );
      if (a.type === 'other')
        add(
          `${c.section}: other question is off-topic`,
          `${name}/off-topic`,
          raised.includes('off-topic') && fb.structure.parts.every((p) => !p.present) && fb.leadershipPrinciples.length === 0,
          `score ${fb.score} [${raised.join(', ')}]`,
        );
      if (a.type === 'misconception' && a.pitfall)
        add(`${c.section}: paraphrased pitfall raised`, `${name}/misconception`, raised.includes('misconception'), `score ${fb.score}`);
    }
    const strong = of('strong');
    for (const weaker of ['partial', 'keywords', 'other'] as const) {
      const w = of(weaker);
      if (strong && w)
        add(
          `${c.section}: strong outscores ${weaker}`,
          `${c.id}/strong > ${weaker}`,
          grade(strong).score > grade(w).score,
          `${grade(strong).score} vs ${grade(w).score}`,
        );
    }
    const weak = of('weak');
    if (strong && weak)
      add(
        `${c.section}: strong >= weak + 15`,
        `${c.id}/strong >= weak + 15`,
        grade(strong).score >= grade(weak).score + 15,
        `${grade(strong).score} vs ${grade(weak).score}`,
      );
    const off = of('off-topic');
    if (off)
      add(
        `${c.section}: off-topic answer is off-topic`,
        `${c.id}/off-topic`,
        codes(grade(off)).includes('off-topic') && grade(off).structure.parts.every((p) => !p.present),
        `score ${grade(off).score} [${codes(grade(off)).join(', ')}]`,
      );
  }
  return checks;
}

/** The question a session grades the answer to a bank follow-up against. */
function followUpOf(q: NonNullable<ReturnType<Coach['findQuestion']>>, index: number): Question {
  const f = q.followUps[index - 1]!;
  return followUpQuestion({ kind: q.kind, prompt: q.prompt }, { prompt: f.prompt, trigger: f.when, rubric: f.rubric ?? [] });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { createCoach } = await import('../src/coach.js');
  const checks = blindSetChecks(await createCoach(), readBlindSet());
  const verbose = process.argv.includes('--verbose');
  for (const c of checks) if (!c.passed && verbose) console.log(`FAIL ${c.group} | ${c.name} | ${c.detail}`);
  for (const g of summarise(checks)) console.log(`${g.group.padEnd(44)} ${String(g.passed).padStart(4)} / ${g.total}`);
  const passed = checks.filter((c) => c.passed).length;
  console.log(`all checks ${passed} / ${checks.length} (${((100 * passed) / checks.length).toFixed(1)} %)`);
}
