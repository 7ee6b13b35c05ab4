// The question bank, checked like code: schema, ids, triggers, duplicates, and every model answer
// graded by our own engine against its own rubric (the bank and the engine keep each other honest).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach, LEADERSHIP_PRINCIPLES, LEVELS, TOPICS, type BankQuestion, type Coach } from '../src/index.js';
import { defaultQuestionDir, loadQuestionBank } from '../src/content/index.js';

const bank = loadQuestionBank(defaultQuestionDir());
let coach: Coach;
beforeAll(async () => {
  coach = await createCoach();
});

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .match(/[a-z0-9]+/g)
      ?.filter((w) => w.length > 3) ?? [],
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return common / (a.size + b.size - common || 1);
}

describe('question bank', () => {
  it('loads: every file is valid, ids are unique and match their file and topic folder', () => {
    expect(bank.length).toBeGreaterThan(0);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    const folders = readdirSync(fileURLToPath(new URL('../content/questions', import.meta.url)));
    for (const folder of folders)
      expect([
        'compute-serverless',
        'storage-databases',
        'networking-security',
        'architecture-devops',
        'cost-finops',
        'troubleshooting',
        'behavioral',
      ]).toContain(folder);
  });

  it('names only services the catalogue knows, and service triggers name one of the question’s services', () => {
    const catalogue = coach.knowledge.catalogue;
    for (const q of bank) {
      for (const s of q.services) expect(catalogue.resolve(s), `${q.id}: unknown service "${s}"`).not.toBeNull();
      for (const f of q.followUps) {
        if (!('service' in f.when)) continue;
        const wanted = catalogue.resolve(f.when.service);
        expect(
          q.services.map((s) => catalogue.resolve(s)),
          `${q.id}: follow-up trigger service "${f.when.service}"`,
        ).toContain(wanted);
      }
    }
  });

  it('covers every level and topic, and each Leadership Principle at least 3 times', () => {
    expect(bank.length).toBeGreaterThanOrEqual(150);
    const atLevel = (level: string) => bank.filter((q) => (q.levels as string[]).includes(level)).length;
    expect(atLevel('entry')).toBeGreaterThanOrEqual(30);
    expect(atLevel('mid')).toBeGreaterThanOrEqual(50);
    expect(atLevel('senior')).toBeGreaterThanOrEqual(50);
    for (const principle of LEADERSHIP_PRINCIPLES) {
      expect(bank.filter((q) => q.leadershipPrinciples.includes(principle)).length, principle).toBeGreaterThanOrEqual(3);
    }
    for (const topic of TOPICS)
      for (const level of LEVELS) {
        if (topic === 'behavioral' || topic === 'troubleshooting' || topic === 'cost-finops') continue;
        expect(
          bank.some((q) => q.topic === topic && (q.levels as string[]).includes(level)),
          `${topic} at ${level}`,
        ).toBe(true);
      }
  });

  it('has no two near-duplicate prompts', () => {
    const bags = bank.map((q) => ({ id: q.id, bag: words(q.prompt) }));
    const pairs: string[] = [];
    for (let i = 0; i < bags.length; i++)
      for (let j = i + 1; j < bags.length; j++) if (jaccard(bags[i]!.bag, bags[j]!.bag) >= 0.6) pairs.push(`${bags[i]!.id} ~ ${bags[j]!.id}`);
    expect(pairs).toEqual([]);
  });
});

describe.each(bank.map((q): [string, BankQuestion] => [q.id, q]))('model answer of %s', (_id, question) => {
  it('covers every rubric point, raises no finding and scores at least 85', () => {
    const f = coach.grade(question, question.modelAnswer);
    const missed = f.rubric.filter((r) => !r.covered).map((r) => `missed (${r.strength}): ${r.point}`);
    const findings = f.findings.map((x) => `${x.code}: ${x.evidence ?? ''}`);
    expect([...missed, ...findings], `score ${f.score}`).toEqual([]);
    expect(f.score).toBeGreaterThanOrEqual(85);
  });

  it('states none of its own pitfall claims', () => {
    const f = coach.grade(question, question.modelAnswer);
    expect(f.findings.filter((x) => x.code === 'misconception')).toEqual([]);
  });
});

describe('scores of every model answer (snapshot: a rubric or engine change shows as a diff)', () => {
  it('matches the committed snapshot', () => {
    const scores = Object.fromEntries(bank.map((q) => [q.id, coach.grade(q, q.modelAnswer).score]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    expect(scores).toMatchSnapshot();
  });
});
