/**
 * The project's own labelled evaluation set (test/fixtures/labelled-answers.yaml).
 *
 * Each question carries hand-written answers, ranked from best (rank 1) to worst, with the habit
 * findings each answer must and must not raise. The labels were written by hand, from the answer
 * text alone, before the engine was tuned against them: when a case fails, fix the engine, not
 * the label (unless the label is genuinely wrong, and then say why in the commit).
 *
 * Checks: (a) ranking: every answer outscores every answer of a larger rank of the same question
 * (ties are not compared); (b) every mustRaise code is raised; (c) no mustNotRaise code is
 * raised; (d) the fixture itself is well formed and covers every kind and finding code.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../src/index.js';
import { FINDING_CODES, LEVELS, QUESTION_KINDS, type Feedback, type FindingCode, type Question } from '../src/core/types.js';

interface LabelledAnswer {
  id: string;
  rank: number;
  text: string;
  mustRaise: FindingCode[];
  mustNotRaise: FindingCode[];
}

interface LabelledQuestion {
  id: string;
  question: Question;
  answers: LabelledAnswer[];
}

interface Fixture {
  questions: LabelledQuestion[];
}

const fixture = parse(readFileSync(new URL('./fixtures/labelled-answers.yaml', import.meta.url), 'utf8')) as Fixture;
const questions = fixture.questions;

type Coach = Awaited<ReturnType<typeof createCoach>>;
let coach: Coach;

beforeAll(async () => {
  coach = await createCoach({ questionDir: null });
});

/** Each answer is graded once and shared by the ranking and finding tests. */
const graded = new Map<string, Feedback>();
function feedbackFor(q: LabelledQuestion, a: LabelledAnswer): Feedback {
  const key = `${q.id}/${a.id}`;
  let fb = graded.get(key);
  if (!fb) {
    fb = coach.grade({ id: q.id, ...q.question }, a.text);
    graded.set(key, fb);
  }
  return fb;
}

function raisedCodes(fb: Feedback): FindingCode[] {
  return fb.findings.map((f) => f.code);
}

/** Rows are tuples so test titles use %s, which vitest does not truncate. */
type RankPair = [name: string, better: LabelledAnswer, worse: LabelledAnswer];

function rankPairs(q: LabelledQuestion): RankPair[] {
  const pairs: RankPair[] = [];
  for (const better of q.answers) {
    for (const worse of q.answers) {
      if (better.rank < worse.rank) {
        pairs.push([`${better.id} (rank ${better.rank}) > ${worse.id} (rank ${worse.rank})`, better, worse]);
      }
    }
  }
  return pairs;
}

/**
 * Labels the engine does not meet yet, each with why. They run as skipped tests whose titles
 * carry the reason, so the gap stays visible in every run; fix the engine, then delete the line.
 * Keys: `<question>/rank <better> > <worse>`, `<question>/raise <answer>`, `<question>/not-raise <answer>`.
 */
const KNOWN_GAPS: Record<string, string> = {
  'fx-iam-least-privilege/rank buzzwords > allow-beats-deny': 'both near zero; the buzzword answer loses more to its findings than the wrong claim does',
  'fx-lambda-long-job/rank decent > partial': 'the partial answer words two rubric points more literally than the decent one paraphrases them',
  'fx-sqs-vs-kinesis/rank hedge > off-topic': 'both answers score 2; among answers this weak the order is noise',
  'fx-multi-region-dr/raise multi-az-is-enough': 'the wrong claim is paraphrased ("covers a region going down"): lexical matching reaches 0.40',
  'fx-ddb-scan-pagination/raise one-response': 'the wrong claim is paraphrased ("in one go") below the misconception threshold',
  'fx-terraform-state/rank hedge > state-in-git': 'all three score under 10; a second misconception does not lower the score further',
  'fx-iam-least-privilege/rank definition-only > allow-beats-deny':
    'the wrong claim is paraphrased; misconceptions now need a close match, since a false accusation halves a correct answer',
  'fx-cicd-ecs/raise latest-tag':
    'the wrong claim is paraphrased below the stricter misconception match, and the answer shares too little with the question to stay on topic',
  'fx-cfn-drift/rank service-dump > auto-revert': 'the wrong claim ("drift is reverted automatically") is paraphrased below the stricter misconception match',
  'fx-cost-spike/rank partial > buzzwords': 'the partial answer states its one point in words the rubric does not use, and reads as off-topic; both score 10',
};

const checks = new Map<string, () => void>();

/** `it`, or a skipped test whose title says why, for a label on the known-gap list. */
function labelTest(key: string, title: string, fn: () => void): void {
  checks.set(key, fn);
  const gap = KNOWN_GAPS[key];
  if (gap) it.skip(`${title} (known gap: ${gap})`, fn);
  else it(title, fn);
}

describe('labelled answer set: fixture sanity', () => {
  const answers = questions.flatMap((q) => q.answers);
  const raiseCount = (code: FindingCode): number => answers.filter((a) => a.mustRaise.includes(code)).length;

  it('has at least 16 questions and 64 answers', () => {
    expect(questions.length).toBeGreaterThanOrEqual(16);
    expect(answers.length).toBeGreaterThanOrEqual(64);
  });

  it('covers all 8 kinds and all levels', () => {
    const kinds = new Set(questions.map((q) => q.question.kind));
    expect(
      [...QUESTION_KINDS].filter((k) => !kinds.has(k)),
      'kinds missing',
    ).toEqual([]);
    const levels = new Set(questions.map((q) => q.question.level));
    expect(
      [...LEVELS].filter((l) => !levels.has(l)),
      'levels missing',
    ).toEqual([]);
  });

  // keyword-list came after this set was written; the blind set (test/blind-set.test.ts) labels it.
  it.each(FINDING_CODES.filter((c) => c !== 'keyword-list'))('%s is a mustRaise label at least twice', (code) => {
    expect(raiseCount(code), `mustRaise labels for ${code}`).toBeGreaterThanOrEqual(2);
  });

  it('has unique fx- kebab-case question ids and unique answer ids per question', () => {
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of questions) {
      expect(q.id, 'question id').toMatch(/^fx-[a-z0-9]+(-[a-z0-9]+)*$/);
      const aids = q.answers.map((a) => a.id);
      expect(new Set(aids).size, `${q.id}: duplicate answer id`).toBe(aids.length);
      expect(q.answers.length, `${q.id}: answers`).toBeGreaterThanOrEqual(4);
    }
  });

  it('uses only known kinds, levels and finding codes, and well-formed labels', () => {
    const codes = new Set<string>(FINDING_CODES);
    for (const q of questions) {
      expect(QUESTION_KINDS, `${q.id}: kind`).toContain(q.question.kind);
      if (q.question.level !== undefined) expect(LEVELS, `${q.id}: level`).toContain(q.question.level);
      expect(typeof q.question.prompt, `${q.id}: prompt`).toBe('string');
      expect(q.question.rubric?.length ?? 0, `${q.id}: rubric points`).toBeGreaterThanOrEqual(3);
      for (const a of q.answers) {
        const where = `${q.id}/${a.id}`;
        expect(Number.isInteger(a.rank) && a.rank >= 1, `${where}: rank`).toBe(true);
        expect(typeof a.text === 'string' && a.text.trim().length > 0, `${where}: text`).toBe(true);
        expect(Array.isArray(a.mustRaise) && Array.isArray(a.mustNotRaise), `${where}: label lists`).toBe(true);
        for (const c of [...a.mustRaise, ...a.mustNotRaise]) expect(codes.has(c), `${where}: unknown code ${c}`).toBe(true);
        expect(
          a.mustRaise.filter((c) => a.mustNotRaise.includes(c)),
          `${where}: code in both lists`,
        ).toEqual([]);
      }
    }
  });

  it('gives each best answer a mustNotRaise of 3+ codes covering every habit its siblings show', () => {
    for (const q of questions) {
      const best = Math.min(...q.answers.map((a) => a.rank));
      const siblingHabits = new Set(q.answers.filter((a) => a.rank !== best).flatMap((a) => a.mustRaise));
      for (const a of q.answers.filter((x) => x.rank === best)) {
        const where = `${q.id}/${a.id}`;
        expect(a.mustRaise, `${where}: best answer raises nothing`).toEqual([]);
        expect(a.mustNotRaise.length, `${where}: mustNotRaise size`).toBeGreaterThanOrEqual(3);
        expect(
          [...siblingHabits].filter((c) => !a.mustNotRaise.includes(c)),
          `${where}: sibling habits missing from mustNotRaise`,
        ).toEqual([]);
      }
    }
  });
});

describe.each(questions.map((q): [string, LabelledQuestion] => [q.id, q]))('labelled answer set: %s', (_id, q) => {
  for (const [name, better, worse] of rankPairs(q)) {
    labelTest(`${q.id}/rank ${better.id} > ${worse.id}`, `ranks ${name}`, () => {
      const hi = feedbackFor(q, better).score;
      const lo = feedbackFor(q, worse).score;
      expect(hi, `${q.id}: "${better.id}" (score ${hi}) should outscore "${worse.id}" (score ${lo})`).toBeGreaterThan(lo);
    });
  }

  for (const a of q.answers.filter((x) => x.mustRaise.length > 0)) {
    labelTest(`${q.id}/raise ${a.id}`, `${a.id} raises its mustRaise codes`, () => {
      const fb = feedbackFor(q, a);
      const raised = raisedCodes(fb);
      const missing = a.mustRaise.filter((c) => !raised.includes(c));
      expect(missing, `${q.id}/${a.id}: expected [${a.mustRaise.join(', ')}], raised [${raised.join(', ')}] (score ${fb.score})`).toEqual([]);
    });
  }

  for (const a of q.answers.filter((x) => x.mustNotRaise.length > 0)) {
    labelTest(`${q.id}/not-raise ${a.id}`, `${a.id} raises none of its mustNotRaise codes`, () => {
      const fb = feedbackFor(q, a);
      const raised = raisedCodes(fb);
      const wrong = a.mustNotRaise.filter((c) => raised.includes(c));
      const evidence = fb.findings
        .filter((f) => wrong.includes(f.code))
        .map((f) => `${f.code}: ${f.evidence ?? f.message}`)
        .join(' | ');
      expect(wrong, `${q.id}/${a.id}: must not raise [${wrong.join(', ')}] (${evidence})`).toEqual([]);
    });
  }
});

describe('labelled answer set: known gaps', () => {
  it.each(Object.keys(KNOWN_GAPS))('%s is still a gap (delete it from KNOWN_GAPS once the engine meets it)', (key) => {
    const check = checks.get(key);
    expect(check, `no label named ${key}`).toBeDefined();
    expect(check!).toThrow();
  });
});
