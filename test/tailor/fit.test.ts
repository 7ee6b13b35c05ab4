// Job-posting reasons and résumé gaps a user can trust: a reason names what the question is
// about, a gap never contradicts the résumé, and "pipelines" alone is not CI/CD.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach, type Coach } from '../../src/coach.js';
import { findSkills } from '../../src/core/tailor/posting.js';
import { buildInterviewPlan } from '../../src/services/plan.service.js';

let coach: Coach;
beforeAll(async () => {
  coach = await createCoach();
});

const POSTING = `Senior Data Engineer
We are hiring a senior data engineer to own our analytics platform on AWS.
- Design and run data pipelines with AWS Glue and Amazon Redshift at scale
- Keep the monthly AWS bill under control: cost optimisation is part of the job
- Dive deep into failed loads and find the root cause
- Make decisions with sound judgement and explain the trade-offs to stakeholders
- Build CI/CD pipelines for the platform with AWS CodePipeline
`;

const RESUME = `Jane Doe, data engineer
- Built batch data pipelines in AWS Glue that load 2 TB a night into Amazon Redshift.
- Reduced the monthly Redshift bill by 35% by moving cold data to Amazon S3.
- Wrote the team's on-call runbook and led incident reviews.
`;

describe('skills a text shows', () => {
  it('reads a cut bill as cost work', () => {
    expect(findSkills('Reduced the monthly Redshift bill by 35%.')).toContain('cost');
  });

  it('does not read data pipelines as CI/CD, but does read build and deployment pipelines', () => {
    expect(findSkills('Built batch data pipelines in AWS Glue.')).not.toContain('ci-cd');
    expect(findSkills('Maintained the pipelines for our analytics team.')).not.toContain('ci-cd');
    expect(findSkills('Built deployment pipelines with GitHub Actions.')).toContain('ci-cd');
    expect(findSkills('Set up CodePipeline for every service.')).toContain('ci-cd');
  });
});

describe('a plan from a posting and a résumé', () => {
  it('never tells a user their résumé lacks what it shows, and names skills as a person would', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: POSTING, resume: RESUME, count: 10 });
    const cost = plan.gaps.find((g) => g.skill === 'cost');
    expect(cost).toMatchObject({ inResume: true });
    expect(cost!.advice).not.toMatch(/does not show/);
    const ciCd = plan.gaps.find((g) => g.skill === 'ci-cd');
    expect(ciCd).toMatchObject({ inResume: false });
    expect(ciCd!.advice).toBe('The posting asks for CI/CD but your résumé does not show it; prepare to explain related experience or how you would learn it.');
  });

  it('gives a story question the reason of its own principle, not one it only touches', () => {
    const plan = buildInterviewPlan(coach, { jobDescription: POSTING, count: 30 });
    const tradeOffs = plan.questions.find((q) => q.id === 'are-right-decision-with-tradeoffs');
    expect(tradeOffs).toBeDefined();
    expect(tradeOffs!.reason).not.toMatch(/Dive Deep/);
    expect(tradeOffs!.reason).toMatch(/Are Right, A Lot/);
    for (const q of plan.questions.filter((p) => /Dive Deep/.test(p.reason))) {
      expect(coach.findQuestion(q.id)?.leadershipPrinciples[0], q.id).toBe('Dive Deep');
    }
  });
});
