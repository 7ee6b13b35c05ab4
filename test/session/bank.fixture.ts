// A small bank of our own, so session tests do not move when the shipped bank changes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUESTIONS: Record<string, string> = {
  'networking-security/sg-vs-nacl': `id: sg-vs-nacl
topic: networking-security
levels: [entry, mid]
kind: concept
prompt: What is the difference between a security group and a network ACL?
rubric:
  - Security groups are stateful, so return traffic is allowed automatically.
  - Network ACLs are stateless, so return traffic needs its own rule.
  - A security group applies to an instance or network interface, a network ACL to a whole subnet.
modelAnswer: >-
  Security groups are stateful, so return traffic is allowed automatically, and they attach to an
  instance or network interface. Network ACLs are stateless, so return traffic needs its own rule,
  and a network ACL applies to a whole subnet. The trade-off is that NACL deny rules are coarse,
  so I use them for blocking a bad range and security groups for everyday access; this cut our
  rule count by 40%.
pitfalls:
  - claim: Security groups are stateless.
    correction: Security groups are stateful; network ACLs are the stateless ones.
followUps:
  - prompt: A response from your instance is dropped. Which layer would you check and why?
    when: { missed: 2 }
  - prompt: Which one would you use to block a single abusive IP range?
    when: { missed: 3 }
`,
  'storage-databases/dynamodb-vs-rds': `id: dynamodb-vs-rds
topic: storage-databases
levels: [mid, senior]
kind: design
prompt: When would you choose DynamoDB over RDS for a new service?
rubric:
  - DynamoDB suits key-value access patterns known up front at any scale.
  - RDS suits relational data with joins and ad hoc queries.
  - DynamoDB scales without managing servers but needs careful partition key design.
modelAnswer: >-
  For a shopping cart with access patterns known up front I chose DynamoDB, because key-value
  access at any scale is what it does best and it scales without managing servers, as long as the
  partition key spreads load. RDS suits relational data with joins and ad hoc queries, so the
  reporting service stayed on RDS. The trade-off is that new query patterns in DynamoDB need a new
  index; latency stayed under 10 ms at 5,000 requests a second.
pitfalls:
  - claim: DynamoDB supports joins like RDS.
    correction: DynamoDB has no joins; you model access patterns up front.
followUps:
  - prompt: How would you choose the partition key for that table?
    when: { missed: 3 }
  - prompt: Why DynamoDB and not Aurora here?
    when: { service: DynamoDB }
services: [Amazon DynamoDB, Amazon RDS]
`,
  'troubleshooting/lambda-timeouts': `id: lambda-timeouts
topic: troubleshooting
levels: [mid]
kind: troubleshooting
prompt: A Lambda function that calls a database started timing out. How do you find the cause?
rubric:
  - Check CloudWatch metrics for duration, errors and throttles to see when it started.
  - Look at the logs or X-Ray traces to see which call is slow.
  - Check database connections, since many concurrent Lambdas can exhaust them; RDS Proxy pools them.
modelAnswer: >-
  I check CloudWatch metrics for duration, errors and throttles to see when it started, then the
  logs and X-Ray traces to see which call is slow. Often many concurrent Lambdas exhaust database
  connections, so I check the connection count and put RDS Proxy in front to pool them. The
  trade-off is a little added latency; timeouts dropped from 8% to zero.
pitfalls:
  - claim: Raising the timeout fixes it.
    correction: A longer timeout hides the cause and costs more.
followUps:
  - prompt: How would you prove the database connections are the bottleneck?
    when: { missed: 3 }
  - prompt: What did you measure to know the fix worked?
    when: { finding: no-metrics }
services: [AWS Lambda, Amazon CloudWatch]
`,
};

/** Writes the fixture bank to a fresh temporary folder and returns its path. */
export function writeTestBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-bank-'));
  for (const [name, text] of Object.entries(QUESTIONS)) {
    const [topic] = name.split('/');
    mkdirSync(join(dir, topic!), { recursive: true });
    writeFileSync(join(dir, `${name}.yaml`), text);
  }
  return dir;
}
