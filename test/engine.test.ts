// The feedback engine through the public API: contract, judgement rules and determinism.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach, explainScore, FINDING_CODES, type Coach, type Question } from '../src/index.js';

let coach: Coach;
beforeAll(async () => {
  coach = await createCoach({ questionDir: null });
});

const sgNacl: Question = {
  prompt: 'What is the difference between a security group and a network ACL?',
  kind: 'concept',
  level: 'entry',
  rubric: [
    'Security groups are stateful; network ACLs are stateless.',
    'Security groups only allow traffic; network ACLs have ordered allow and deny rules.',
    'Security groups attach to instances; network ACLs apply to a whole subnet.',
  ],
  pitfalls: [{ claim: 'Security groups are stateless and network ACLs are stateful.', correction: 'Security groups are stateful; NACLs are stateless.' }],
};

const strong =
  'In a three-tier VPC I ran, the database subnet needed tight control. Security groups are stateful, so replies are allowed back automatically, ' +
  'while network ACLs are stateless and need rules both ways. A security group only has allow rules and attaches to an instance; ' +
  'a NACL has numbered allow and deny rules and applies to the whole subnet. I use security groups as the main control and a NACL deny to block an abusive range. ' +
  'The downside is that NACL mistakes are hard to spot, because return traffic on ephemeral ports gets dropped. As a result we blocked the range in 5 minutes without touching a single SG.';

describe('Feedback contract', () => {
  it('has exactly the public fields, with rubric, structure and findings shaped as documented', () => {
    const f = coach.grade(sgNacl, strong);
    expect(Object.keys(f).sort()).toEqual(['findings', 'leadershipPrinciples', 'rubric', 'score', 'services', 'structure', 'tips']);
    expect(f.rubric).toHaveLength(3);
    for (const r of f.rubric) expect(Object.keys(r).sort()).toEqual(['covered', 'evidence', 'point', 'strength']);
    expect(f.structure.framework).toBe('CCTR');
    expect(f.structure.parts.map((p) => p.part)).toEqual(['context', 'choice', 'tradeoff', 'result']);
    for (const finding of f.findings) expect(FINDING_CODES).toContain(finding.code);
    expect(f.tips.length).toBeLessThanOrEqual(3);
  });

  it('quotes the verbatim answer sentence as evidence of a covered point', () => {
    const f = coach.grade(sgNacl, strong);
    const covered = f.rubric.filter((r) => r.covered);
    expect(covered.length).toBe(3);
    for (const r of covered) for (const piece of r.evidence!.split(/(?<=\.) /)) expect(strong).toContain(piece);
  });

  it('scores a strong answer high and explains the score from its parts', () => {
    const f = coach.grade(sgNacl, strong);
    expect(f.score).toBeGreaterThanOrEqual(80);
    expect(explainScore(f).score).toBe(f.score);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const a = JSON.stringify(coach.grade(sgNacl, strong));
    const b = JSON.stringify(coach.grade({ ...sgNacl }, strong));
    expect(b).toBe(a);
  });
});

describe('judgement', () => {
  it.each([
    ['empty', ''],
    ['one word', 'Stateful.'],
    ['off-topic', 'My favourite meal is a Sunday roast with my family, followed by a long walk in the park with the dog.'],
    ['nonsense', 'blorf quax zibble '.repeat(200)],
    ['long padding', 'I really enjoy learning new things every single day and I am a hard worker. '.repeat(60)],
  ])('scores a %s answer at most 10', (_name, answer) => {
    expect(coach.grade(sgNacl, answer).score).toBeLessThanOrEqual(10);
  });

  it('does not raise a score with padding', () => {
    const base = coach.grade(sgNacl, strong).score;
    const padded = coach.grade(sgNacl, `${strong} ${'Security groups are stateful. '.repeat(20)}`).score;
    expect(padded).toBeLessThanOrEqual(base);
  });

  it('does not count a contradiction as coverage, and names the misconception', () => {
    const f = coach.grade(sgNacl, 'Security groups are stateless, while network ACLs are stateful and remember connections. I would use NACLs for everything.');
    expect(f.rubric[0]!.covered).toBe(false);
    expect(f.findings.map((x) => x.code)).toContain('misconception');
  });

  it('understands shorthand and paraphrase: SG, "track connections", multi-AZ variants', () => {
    const f = coach.grade(sgNacl, "SGs track connections, so replies get back in; NACLs don't track connections, so every direction needs its own rule.");
    expect(f.rubric[0]!.covered).toBe(true);
    const az: Question = {
      prompt: 'How do you make the database highly available?',
      kind: 'design',
      rubric: ['Run the database across multiple Availability Zones with automatic failover.'],
    };
    for (const answer of [
      'I run it Multi-AZ with automatic failover.',
      'I spread it over two Availability Zones with automatic failover.',
      'The database runs in multiple AZs with automatic failover.',
    ]) {
      expect(coach.grade(az, answer).rubric[0]!.covered, answer).toBe(true);
    }
  });

  it('reports services by canonical name', () => {
    const f = coach.grade(sgNacl, 'I put an ALB in front, a DDB table behind it, and SQS between the API and the workers, with Route 53 for DNS.');
    expect(f.services).toEqual(expect.arrayContaining(['Elastic Load Balancing', 'Amazon DynamoDB', 'Amazon SQS', 'Amazon Route 53']));
  });

  it('judges behavioural answers as STAR and finds Leadership Principles with evidence', () => {
    const q: Question = {
      prompt: 'Tell me about a time you disagreed with your manager.',
      kind: 'behavioral',
      rubric: ['Describes a specific disagreement.', 'Gives a measurable outcome.'],
    };
    const story =
      'Last year our team planned to move the billing service to Kubernetes in six weeks. I was responsible for the migration plan. ' +
      'I disagreed with the timeline, so I benchmarked both options and showed my manager the data. She kept the date, and I committed fully and wrote the runbook. ' +
      'We shipped on time and cut deployment time from 40 minutes to 8 minutes.';
    const f = coach.grade(q, story);
    expect(f.structure.framework).toBe('STAR');
    expect(f.structure.parts.every((p) => p.present)).toBe(true);
    expect(f.leadershipPrinciples.map((p) => p.principle)).toContain('Have Backbone; Disagree and Commit');
    for (const p of f.leadershipPrinciples) expect(story).toContain(p.evidence);
  });

  it('rejects answers over 20,000 characters with a stable code', () => {
    expect(() => coach.grade(sgNacl, 'a'.repeat(20_001))).toThrow(expect.objectContaining({ code: 'answer_too_long' }));
  });
});

describe('robustness', () => {
  it('grades any string up to 20,000 characters without throwing', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 20_000, unit: 'grapheme' }),
      fc.string({ maxLength: 5_000, unit: 'binary' }),
      fc
        .array(
          fc.constantFrom('```ts\nconst x = 1;\n```', '# Heading', '- bullet', '\u0000', '\t', 'SG', 'it depends', '15 minutes', 'e.g.', '…', '🙂', '\r\n'),
          { maxLength: 400 },
        )
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const f = coach.grade(sgNacl, text.slice(0, 20_000));
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });

  it('keeps grading, with the same feedback, once the sentence cache fills up and is emptied', async () => {
    // A long-running server grades thousands of sentences: the cache is emptied when full, and an
    // answer that mixes a cached sentence with many new ones must still be graded whole and alike.
    const busy = await createCoach({ questionDir: null });
    for (let i = 0; i < 400; i++) {
      const answer = `${strong} ${Array.from({ length: 20 }, (_, j) => `Rule ${i}-${j} allows port ${1000 + j}.`).join(' ')}`;
      const graded = busy.grade(sgNacl, answer);
      if (i % 50 === 0 || i > 240) expect(graded).toEqual(coach.grade(sgNacl, answer));
    }
  });
});

describe('service catalogue', () => {
  it('does not read everyday phrases as retired services, but knows the full names', () => {
    const q: Question = { prompt: 'Design a data platform.', kind: 'design', rubric: ['Use a data lake on S3.'] };
    expect(coach.grade(q, 'We use machine learning models on data in S3.').services).toEqual(['Amazon S3']);
    expect(coach.grade(q, 'We trained it with Amazon Machine Learning years ago.').services).toEqual(['Amazon Machine Learning']);
  });
});

describe('batch tokenisation', () => {
  it('gives each sentence the same tokens as tokenising it alone', () => {
    const nlp = coach.knowledge.nlp;
    const sentences = [
      "SGs don't track connections.",
      'It costs $0.40 per million requests!',
      'Multi-AZ RDS fails over in ~60 s; NACLs are stateless.',
      'Why?',
      '—',
    ];
    expect(nlp.tokenizeMany!(sentences)).toEqual(sentences.map((s) => nlp.tokenize(s)));
  });
});

describe('Engine parameters through the library', () => {
  it('grades with parameters changed from the defaults, and keeps the defaults otherwise', async () => {
    const strict = await createCoach({ questionDir: null, knowledge: coach.knowledge, parameters: { coveredAt: 1.01 } });
    const usual = coach.grade(sgNacl, strong);
    const graded = strict.grade(sgNacl, strong);
    expect(graded.rubric.filter((r) => r.covered)).toHaveLength(0);
    expect(graded.score).toBeLessThan(usual.score);
    const again = await createCoach({ questionDir: null, knowledge: coach.knowledge });
    expect(again.grade(sgNacl, strong)).toEqual(usual);
  });

  it('lists every factor of the score, and they add up to it', () => {
    const f = coach.grade(sgNacl, `${strong} It depends.`);
    const { factors, score } = explainScore(f);
    expect(Math.round(factors.reduce((n, x) => n + x.points, 0))).toBe(score);
    for (const finding of f.findings) expect(factors.map((x) => x.name)).toContain(finding.code);
  });
});
