import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createCoach, type Coach } from '../../src/coach.js';
import { buildInterviewPlan } from '../../src/services/plan.service.js';
import { captureIo, fixture, fixtures, writeTempBank } from './helpers.js';

let coach: Coach;
let bankDir: string;

beforeAll(async () => {
  bankDir = writeTempBank();
  coach = await createCoach({ questionDir: bankDir });
});

describe('buildInterviewPlan', () => {
  it('picks bank questions for the posting with a reason', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: fixture('senior-solutions-architect.md'), count: 10 });
    const dynamo = plan.questions.find((q) => q.id === 'dynamodb-keys');
    expect(dynamo).toMatchObject({ generated: false, reason: 'the posting asks for Amazon DynamoDB at scale' });
    expect(plan.questions.find((q) => q.id === 'customer-feedback')?.reason).toMatch(/Customer Obsession/);
  });

  it('says "at scale" only when the posting puts the service in a line about scale', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: fixture('junior-cloud-engineer.md'), count: 10 });
    expect(plan.questions.find((q) => q.id === 'lambda-cold-starts')?.reason).toBe('the posting asks for AWS Lambda');
  });

  it('ranks questions for the posting level above questions for another level', () => {
    const text = `${fixture('junior-cloud-engineer.md')}\n- Help look after DynamoDB tables, DynamoDB backups, DynamoDB alarms and DynamoDB costs\n`;
    const ids = buildInterviewPlan(coach, { jobDescription: text, count: 10 }).questions.map((q) => q.id);
    // DynamoDB is named more often, but its bank question is for mid and senior levels only.
    expect(ids.indexOf('lambda-cold-starts')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('lambda-cold-starts')).toBeLessThan(ids.indexOf('dynamodb-keys'));
  });

  it('generates questions for posting services the bank lacks, with stable ids and a rubric', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: fixture('senior-solutions-architect.md'), count: 12 });
    const sqs = plan.questions.find((q) => q.id === 'gen-sqs-scenario');
    expect(sqs?.generated).toBe(true);
    expect(sqs?.question.kind).toBe('scenario');
    expect(sqs?.question.rubric?.length).toBeGreaterThanOrEqual(3);
    expect(plan.questions.some((q) => q.id.startsWith('gen-dynamodb'))).toBe(false);
    const again = buildInterviewPlan(coach, { jobDescription: fixture('senior-solutions-architect.md'), count: 12 });
    expect(again.questions.map((q) => q.id)).toEqual(plan.questions.map((q) => q.id));
  });

  it('writes concept questions for entry level and troubleshooting for SRE', () => {
    const junior = buildInterviewPlan(coach, { jobDescription: fixture('junior-cloud-engineer.md'), count: 12 });
    expect(junior.questions.map((q) => q.id)).toContain('gen-ec2-concept');
    const sre = buildInterviewPlan(coach, { jobDescription: fixture('sre.md'), count: 12 });
    expect(sre.questions.map((q) => q.id)).toContain('gen-rds-troubleshooting');
  });

  it('generated questions can be graded by the coach', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: fixture('data-engineer.md'), count: 12 });
    const glue = plan.questions.find((q) => q.id.startsWith('gen-glue-'))!;
    const feedback = coach.grade(
      glue.question,
      'Glue is serverless ETL running Spark jobs with a Data Catalog; crawlers infer schemas; bookmarks process only new data.',
    );
    expect(feedback.rubric.filter((r) => r.covered).length).toBeGreaterThan(0);
  });

  it('asks personal questions about numbers the résumé claims, with follow-ups on the number', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: fixture('senior-solutions-architect.md'), resume: fixture('resume-backend.md'), count: 6 });
    const personal = plan.questions.filter((q) => q.question.kind === 'experience');
    expect(personal.length).toBeGreaterThanOrEqual(1);
    expect(personal.some((q) => q.prompt.includes('Cut compute cost 40% with Savings Plans'))).toBe(true);
    expect(personal[0]!.question.followUps?.[0]?.prompt).toMatch(/measure/);
    expect(personal[0]!.id).toMatch(/^gen-resume-\d+-/);
  });

  it('reports gaps between posting and résumé, and weak history', () => {
    const plan = buildInterviewPlan(coach, {
      jobDescription: fixture('senior-solutions-architect.md'),
      resume: fixture('resume-backend.md'),
      history: { security: 45 },
    });
    const migration = plan.gaps.find((g) => g.skill === 'migration');
    expect(migration).toMatchObject({ inPosting: true, inResume: false });
    expect(migration?.advice).toMatch(/résumé does not show it/);
    expect(plan.gaps.find((g) => g.skill === 'cost')?.inResume).toBe(true);
    expect(plan.gaps.find((g) => g.skill === 'security')).toMatchObject({ historyScore: 45 });
  });

  it('respects the count and rejects a bad one', () => {
    expect(buildInterviewPlan(coach, { jobDescription: fixture('sre.md'), count: 3 }).questions).toHaveLength(3);
    expect(() => buildInterviewPlan(coach, { jobDescription: fixture('sre.md'), count: 0 })).toThrow(/from 1 to 30/);
  });
});

describe('loopcoach plan', () => {
  it('prints the plan JSON in the public shape', async () => {
    const io = captureIo();
    const code = await main(
      ['plan', '--jd', join(fixtures, 'data-engineer.md'), '--resume', join(fixtures, 'resume-data.md'), '--count', '5', '--json', '--questions-dir', bankDir],
      io,
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(io.stdout());
    // The same plan as the API's: the posting's services included.
    expect(Object.keys(plan)).toEqual(['role', 'level', 'skills', 'services', 'questions', 'gaps']);
    expect(plan.services.length).toBeGreaterThan(0);
    expect(plan.role).toBe('data-engineer');
    expect(plan.level).toBe('mid');
    expect(plan.skills).toContain('data-pipelines');
    expect(plan.questions).toHaveLength(5);
    for (const q of plan.questions) expect(Object.keys(q)).toEqual(['id', 'prompt', 'reason', 'generated']);
    expect(plan.gaps[0]).toHaveProperty('advice');
  });

  it('plans from a PDF posting and a DOCX résumé', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([600, 800]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    fixture('sre.md')
      .split('\n')
      .forEach((line, i) => page.drawText(line.replace(/[^\x20-\x7e]/g, ''), { x: 20, y: 780 - i * 16, size: 9, font }));
    writeFileSync(join(bankDir, 'sre.pdf'), await pdf.save());
    const docx = new Document({
      sections: [
        {
          children: fixture('resume-data.md')
            .split('\n')
            .map((l) => new Paragraph({ children: [new TextRun(l)] })),
        },
      ],
    });
    writeFileSync(join(bankDir, 'cv.docx'), await Packer.toBuffer(docx));
    const io = captureIo();
    expect(await main(['plan', '--jd', join(bankDir, 'sre.pdf'), '--resume', join(bankDir, 'cv.docx'), '--json', '--questions-dir', bankDir], io)).toBe(0);
    const plan = JSON.parse(io.stdout());
    expect(plan).toMatchObject({ role: 'sre', level: 'mid' });
    expect(plan.questions.some((q: { id: string }) => q.id.startsWith('gen-resume-'))).toBe(true);
  });

  it('prints a readable plan', async () => {
    const io = captureIo();
    expect(await main(['plan', '--jd', join(fixtures, 'sre.md'), '--questions-dir', bankDir], io)).toBe(0);
    expect(io.stdout()).toMatch(/^Role: sre \(mid\)/);
    expect(io.stdout()).toMatch(/why: /);
  });

  it('fails with one clear line for a French posting', async () => {
    const io = captureIo();
    expect(await main(['plan', '--jd', join(fixtures, 'french-posting.md'), '--questions-dir', bankDir], io)).toBe(2);
    expect(io.stderr().trim()).toBe(
      'loopcoach: the job description does not look like English; Loop Coach reads English job descriptions only, so paste an English version',
    );
  });

  it('rejects a bad --count and a missing file', async () => {
    const io = captureIo();
    expect(await main(['plan', '--jd', join(fixtures, 'sre.md'), '--count', 'lots', '--questions-dir', bankDir], io)).toBe(2);
    expect(io.stderr()).toMatch(/--count must be a whole number/);
    const io2 = captureIo();
    const missing = join(bankDir, 'nope.txt');
    expect(await main(['plan', '--jd', missing, '--questions-dir', bankDir], io2)).toBe(2);
    expect(io2.stderr().trim()).toBe(`loopcoach: job description ${missing} does not exist`);
  });
});
