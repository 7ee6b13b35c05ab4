import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/content/knowledge.js';
import { analysePosting, TailorInputError } from '../../src/core/tailor/posting.js';
import { analyseResume } from '../../src/core/tailor/resume.js';
import { SERVICE_FACTS } from '../../src/core/tailor/service-facts.js';
import { fixture } from './helpers.js';

const { catalogue } = loadKnowledge();

describe('analysePosting', () => {
  it.each([
    ['junior-cloud-engineer.md', 'cloud-devops-engineer', 'entry'],
    ['senior-solutions-architect.md', 'solutions-architect', 'senior'],
    ['sre.md', 'sre', 'mid'],
    ['data-engineer.md', 'data-engineer', 'mid'],
  ])('reads %s as %s at %s level', (file, role, level) => {
    const posting = analysePosting(fixture(file), catalogue);
    expect(posting.role).toBe(role);
    expect(posting.level).toBe(level);
  });

  it('reads level from years asked when the title has no level word', () => {
    const text = fixture('data-engineer.md').replace('3 years of experience', '7+ years of experience');
    expect(analysePosting(text, catalogue).level).toBe('senior');
  });

  it('finds services by canonical name, skills, duties and principles', () => {
    const posting = analysePosting(fixture('senior-solutions-architect.md'), catalogue);
    expect(posting.services[0]).toBe('Amazon DynamoDB');
    expect(posting.services).toEqual(expect.arrayContaining(['AWS Lambda', 'Amazon SQS', 'Amazon Aurora', 'AWS Key Management Service']));
    expect(posting.skills).toEqual(expect.arrayContaining(['security', 'databases', 'cost', 'migration']));
    expect(posting.skills).not.toContain('data-pipelines');
    expect(posting.responsibilities).toContain('Mentor junior architects and build reference architectures for the team');
    expect(posting.leadershipPrinciples).toEqual(expect.arrayContaining(['Customer Obsession', 'Frugality', 'Dive Deep', 'Earn Trust', 'Think Big']));
    expect(posting.yearsOfExperience).toBe(8);
  });

  it.each(['french-posting.md', 'german-posting.md'])('rejects %s as not English', (file) => {
    expect(() => analysePosting(fixture(file), catalogue)).toThrow(TailorInputError);
    expect(() => analysePosting(fixture(file), catalogue)).toThrow(/does not look like English/);
  });

  it('rejects a posting too short to read', () => {
    expect(() => analysePosting('Cloud engineer wanted.', catalogue)).toThrow(/only 3 words/);
  });
});

describe('analyseResume', () => {
  it('finds claimed numbers with their sentences and services', () => {
    const resume = analyseResume(fixture('resume-backend.md'), catalogue);
    const latency = resume.claims.find((c) => c.figure === 'from 800 ms to 120 ms');
    expect(latency?.sentence).toBe('Reduced p99 latency from 800 ms to 120 ms by adding Amazon ElastiCache in front of Amazon RDS.');
    expect(latency?.services).toEqual(['Amazon ElastiCache', 'Amazon RDS']);
    expect(resume.claims.map((c) => c.figure)).toContain('40%');
    expect(resume.services).toEqual(expect.arrayContaining(['AWS Lambda', 'Amazon API Gateway', 'Amazon S3']));
    expect(resume.claims.some((c) => /^(19|20)\d\d/.test(c.figure))).toBe(false);
  });

  it('finds skills the résumé shows', () => {
    const resume = analyseResume(fixture('resume-data.md'), catalogue);
    expect(resume.skills).toContain('data-pipelines');
    expect(resume.skills).not.toContain('containers');
  });
});

describe('service facts', () => {
  it('every curated service resolves in the catalogue, so it can be generated', () => {
    for (const alias of Object.keys(SERVICE_FACTS)) expect(catalogue.resolve(alias), alias).not.toBeNull();
    expect(Object.keys(SERVICE_FACTS).length).toBeGreaterThanOrEqual(25);
  });
});
