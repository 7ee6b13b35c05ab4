/** The judge's promises, each on a case a user reported (issues #10 and #11). */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach, type Coach, type Question } from '../src/index.js';

let coach: Coach;
beforeAll(async () => {
  coach = await createCoach({ questionDir: null });
});

const sgQuestion: Question = {
  prompt: 'What is the difference between a security group and a network ACL, and when would you use each?',
  kind: 'concept',
  rubric: [
    'Security groups are stateful, so return traffic is allowed automatically; network ACLs are stateless and need rules in both directions.',
    'Use security groups as the main per-workload control and a network ACL for a coarse subnet-wide deny.',
    'Security groups only have allow rules; network ACLs have numbered allow and deny rules.',
  ],
};
const codes = (answer: string, q: Question = sgQuestion) => coach.grade(q, answer).findings.map((f) => f.code);

describe('the judge', () => {
  it('gives a list of rubric words no substance and says it is a keyword list', () => {
    const fb = coach.grade(
      sgQuestion,
      'Security groups, stateful, network ACLs, stateless, return traffic, allow rules, deny rules, subnet-wide, per-workload control, numbered rules',
    );
    expect(fb.rubric.every((r) => !r.covered)).toBe(true);
    expect(fb.findings.map((f) => f.code)).toContain('keyword-list');
    expect(fb.score).toBeLessThan(10);
  });

  it('does not credit a point the answer denies', () => {
    const fb = coach.grade(
      sgQuestion,
      'I would not use security groups as the main per-workload control; I would put everything in network ACLs instead, because they are easier to audit.',
    );
    expect(fb.rubric[1]!.covered).toBe(false);
  });

  it('credits a point said in the candidate own words, quoting the sentence', () => {
    const fb = coach.grade(
      sgQuestion,
      'Security groups are stateful, so replies are allowed back automatically; network ACLs are stateless, so I open the ephemeral ports outbound as well as the inbound rule.',
    );
    expect(fb.rubric[0]).toMatchObject({ covered: true });
    expect(fb.rubric[0]!.evidence).toMatch(/replies are allowed back/);
  });

  it('keeps vague-action when an everyday word such as "user" is in the sentence', () => {
    expect(
      codes('A user reported it, so I looked into it and fixed it. Then I made sure it did not happen again with better monitoring of the service.', {
        prompt: 'Tell me about an incident you handled.',
        kind: 'behavioral',
      }),
    ).toContain('vague-action');
  });

  it('raises no no-tradeoff on a definition that recommends nothing', () => {
    expect(
      codes(
        'A security group is a stateful firewall attached to an instance. A network ACL is a stateless firewall that applies to a subnet and is evaluated in rule order.',
      ),
    ).not.toContain('no-tradeoff');
  });

  it('grades a prompt-only question, guessing its kind, and ranks a strong answer well above a weak one', () => {
    const q = { prompt: 'How would you design a URL shortener on AWS for 10,000 redirects a second?' } as Question;
    const strong = coach.grade(
      q,
      'I would store each short code in DynamoDB with the code as the partition key, because a single-key lookup stays under 10 ms at any scale. Redirects go through CloudFront in front of API Gateway and Lambda, so most of the 10,000 requests a second are served from the edge cache. The trade-off is that a changed target takes up to the cache TTL to show, so I keep the TTL at 5 minutes. In a load test at 12,000 requests a second the p99 stayed under 40 ms.',
    );
    const weak = coach.grade(
      q,
      'Great question. A URL shortener is a service that makes long URLs short. You can use many AWS services for it and it will be robust and seamless.',
    );
    expect(strong.structure.framework).toBe('CCTR');
    expect(strong.score).toBeGreaterThanOrEqual(weak.score + 15);
    expect(weak.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['filler-opening', 'buzzwords']));
  });

  it('calls a fluent answer to another question off-topic, and praises nothing in it', () => {
    const fb = coach.grade(
      sgQuestion,
      'For a Lambda function I choose memory with Power Tuning: I run the function at 128, 512 and 1024 MB and pick the cheapest setting that meets the latency goal, because CPU scales with memory. On one image resizer 1024 MB was both faster and 10% cheaper.',
    );
    expect(fb.findings.map((f) => f.code)).toContain('off-topic');
    expect(fb.structure.parts.every((p) => !p.present)).toBe(true);
    expect(fb.rubric.every((r) => !r.covered)).toBe(true);
  });
});
