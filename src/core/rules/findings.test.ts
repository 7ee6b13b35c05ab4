// One case per finding rule: the finding fires on a fixed example, and not on its near miss
// (the same answer with the habit fixed). Adding a rule without a case here fails the last test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../content/knowledge.js';
import { createGrader, type Grader } from '../grade.js';
import { FINDING_CODES, type FindingCode, type Question } from '../types.js';
import { FINDING_RULES } from './findings.js';

let grader: Grader;
beforeAll(() => {
  grader = createGrader(loadKnowledge());
});

const queue: Question = { prompt: 'How would you design an order intake that survives traffic spikes?', kind: 'design' };
const sqs: Question = { prompt: 'What is Amazon SQS and when would you use it?', kind: 'concept' };
const dbChoice: Question = { prompt: 'Should we use DynamoDB or RDS for our user profiles?', kind: 'scenario' };
const outage: Question = { prompt: 'Users report 502 errors from the load balancer after a deploy. What do you do?', kind: 'troubleshooting' };
const story: Question = { prompt: 'Tell me about a time you improved the reliability of a system.', kind: 'behavioral' };
const sgNacl: Question = {
  prompt: 'What is the difference between a security group and a network ACL?',
  kind: 'concept',
  rubric: ['Security groups are stateful; network ACLs are stateless.', 'Security groups attach to instances; network ACLs apply to a whole subnet.'],
  pitfalls: [{ claim: 'Security groups are stateless and network ACLs are stateful.', correction: 'Security groups are stateful; NACLs are stateless.' }],
};

const sgNaclRight =
  'Security groups are stateful, so reply traffic is allowed back automatically, while network ACLs are stateless and need rules in both directions. ' +
  'A security group attaches to an instance, and a network ACL applies to the whole subnet.';

const queueDesign =
  'I would put an SQS queue between the API and the order workers, because the queue absorbs a spike instead of dropping orders. ' +
  'The workers poll the queue in batches and write each order to DynamoDB with the order id as key, so a retry does not create a duplicate.';
const queueTradeoff = ' The downside is that the customer gets an asynchronous confirmation, and a poison message needs a dead-letter queue.';

const reliabilityStory =
  'At my last company our checkout service failed every time the payment provider slowed down. ' +
  'I was responsible for the checkout API that quarter. ' +
  'I added timeouts and a circuit breaker around the provider call, and I moved the receipts to a queue so a slow provider no longer blocked checkout. ' +
  'As a result checkout kept working through the next provider incident.';

const longDesign =
  queueDesign +
  Array.from(
    { length: 24 },
    (_, i) => ` For region ${i + 1} the order intake gets its own SQS queue, because a traffic spike there must not stop the orders of the other regions.`,
  ).join('');

interface RuleCase {
  question: Question;
  /** An answer that shows the habit. */
  fires: string;
  /** The same answer with the habit fixed. */
  nearMiss: string;
}

const CASES: Record<FindingCode, RuleCase> = {
  'definition-only': {
    question: sqs,
    fires:
      'Amazon SQS is a fully managed message queuing service. It is used to decouple the parts of an application. SQS is a service that stores messages until a consumer reads them.',
    nearMiss:
      'I would use SQS between a web tier and its workers when the workers are slower than the traffic, because the queue holds the messages until a worker is free. The cost is a delay: the work is done later, not during the request.',
  },
  buzzwords: {
    question: queue,
    fires: `${queueDesign} This gives a robust, seamless and future-proof platform.`,
    nearMiss: `${queueDesign} This keeps intake working when the workers fall behind for an hour.`,
  },
  'service-dump': {
    question: queue,
    fires: 'For this I would have API Gateway, Lambda, SQS, SNS, DynamoDB and CloudWatch in the architecture.',
    nearMiss:
      'API Gateway takes the order and hands it to SQS, which holds it until a worker is free. A Lambda function reads the queue in batches and stores each order in DynamoDB keyed by its order id.',
  },
  'unqualified-hedge': {
    question: dbChoice,
    fires: 'It depends on your use case. Both are good databases and many teams use either one for profiles.',
    nearMiss:
      'It depends on how profiles are read: for lookups by user id I would pick DynamoDB, and for reports that join profiles with orders I would pick RDS.',
  },
  'no-tradeoff': { question: queue, fires: queueDesign, nearMiss: queueDesign + queueTradeoff },
  'vague-action': {
    question: outage,
    fires: 'A user reported it, so I looked into it and fixed it. Then I told the team it was working again.',
    nearMiss:
      'A user reported it, so I checked the target group health in the console and saw the new tasks failing the health check on port 8080. Then I rolled the deploy back and told the team it was working again.',
  },
  'no-metrics': {
    question: story,
    fires: reliabilityStory,
    nearMiss: reliabilityStory.replace(
      'As a result checkout kept working through the next provider incident.',
      'As a result failed checkouts fell from 4% to 0.2% through the next provider incident.',
    ),
  },
  'no-ownership': {
    question: story,
    fires:
      'At my last company our checkout service failed every time the payment provider slowed down. We added timeouts and a circuit breaker around the provider call. We moved the receipts to a queue. As a result failed checkouts fell from 4% to 0.2%.',
    nearMiss:
      'At my last company our checkout service failed every time the payment provider slowed down. I added timeouts and a circuit breaker around the provider call. I moved the receipts to a queue. As a result failed checkouts fell from 4% to 0.2%.',
  },
  'filler-opening': { question: queue, fires: `Great question. ${queueDesign}${queueTradeoff}`, nearMiss: `${queueDesign}${queueTradeoff}` },
  'too-short': { question: queue, fires: 'I would use SQS for the orders.', nearMiss: queueDesign + queueTradeoff },
  'too-long': { question: queue, fires: longDesign, nearMiss: queueDesign + queueTradeoff },
  'off-topic': {
    question: sgNacl,
    fires: 'S3 lifecycle rules move old objects to Glacier after 90 days, which cuts the storage bill for logs nobody reads.',
    nearMiss: sgNaclRight,
  },
  misconception: {
    question: sgNacl,
    fires:
      'Security groups are stateless and network ACLs are stateful, so a security group needs rules for the reply traffic. A network ACL applies to the whole subnet.',
    nearMiss: sgNaclRight,
  },
  'keyword-list': {
    question: sgNacl,
    fires: 'Security groups, network ACLs, stateful, stateless, subnets, ephemeral ports, instances.',
    nearMiss: sgNaclRight,
  },
};

const codesOf = (question: Question, answer: string) => grader.grade(question, answer).findings.map((f) => f.code);

describe('finding rules', () => {
  for (const code of FINDING_CODES) {
    const { question, fires, nearMiss } = CASES[code];
    it(`${code}: fires on its example and not on its near miss`, () => {
      expect(codesOf(question, fires)).toContain(code);
      expect(codesOf(question, nearMiss)).not.toContain(code);
    });
  }

  it('has a rule and a case for every finding code, and findings come in the order of the codes', () => {
    expect(Object.keys(FINDING_RULES).sort()).toEqual([...FINDING_CODES].sort());
    expect(Object.keys(CASES).sort()).toEqual([...FINDING_CODES].sort());
    const found = codesOf(story, `Great question. ${CASES['no-ownership'].fires.replace(/ As a result.*$/, '')}`);
    expect(found).toEqual([...found].sort((a, b) => FINDING_CODES.indexOf(a) - FINDING_CODES.indexOf(b)));
    expect(found).toEqual(expect.arrayContaining(['no-metrics', 'no-ownership', 'filler-opening']));
  });

  it("asks each rule's follow-up and gives its tip", () => {
    expect(FINDING_RULES['no-metrics'].followUp).toMatch(/measure/);
    const feedback = grader.grade(queue, queueDesign);
    expect(feedback.tips.join(' ')).toMatch(/You recommended SQS without a downside/);
  });
});
