// A small question bank written to a temp folder, so browser tests do not depend on the real bank.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUESTIONS: Record<string, string> = {
  'networking-security/sg-vs-nacl.yaml': `id: sg-vs-nacl
topic: networking-security
levels: [entry, mid]
kind: concept
prompt: What is the difference between a security group and a network ACL?
rubric:
  - Security groups are stateful; network ACLs are stateless.
  - Security groups only allow; network ACLs allow and deny.
  - Network ACLs apply to a whole subnet.
modelAnswer: In a VPC I ran, security groups were stateful and network ACLs stateless. Security groups only allow, NACLs allow and deny, and a NACL applies to the whole subnet. I used a NACL deny to block one range; the downside is NACL mistakes are hard to spot. As a result we blocked it in 5 minutes.
pitfalls:
  - claim: Security groups are stateless.
    correction: They are stateful.
followUps:
  - prompt: What breaks if you forget ephemeral ports?
    when: { missed: 1 }
  - prompt: Which one do you use day to day?
    when: { finding: no-tradeoff }
services: [Amazon VPC]
`,
  'compute-serverless/sqs-decoupling.yaml': `id: sqs-decoupling
topic: compute-serverless
levels: [mid]
kind: design
prompt: Why would you put an SQS queue between two services?
rubric:
  - A queue decouples the producer from the consumer.
  - The queue absorbs bursts so the consumer works at its own pace.
  - Failed messages go to a dead-letter queue.
modelAnswer: We had an upload service calling a slow thumbnail service. I put an SQS queue between them so the producer was decoupled from the consumer; the queue absorbed bursts and failed messages went to a dead-letter queue. The trade-off is extra latency. Timeouts fell from 4% to 0.
pitfalls:
  - claim: SQS guarantees ordering.
    correction: Only FIFO queues do.
followUps:
  - prompt: How would you handle duplicates?
    when: { missed: 1 }
  - prompt: When would you choose EventBridge instead?
    when: { finding: no-tradeoff }
services: [Amazon SQS]
`,
  'storage-databases/template-bucket-review.yaml': `id: template-bucket-review
topic: storage-databases
levels: [senior]
kind: iac
prompt: |-
  Review this CloudFormation snippet for a bucket that holds invoices. What would you change?

  Resources:
    InvoiceBucket:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: invoices-prod-with-a-rather-long-name-that-does-not-wrap-on-a-phone-screen
        VersioningConfiguration: { Status: Suspended }
rubric:
  - Turn versioning on so an overwritten invoice can be recovered.
  - Block public access on the bucket.
  - Encrypt the bucket with a KMS key the team controls.
modelAnswer: For our billing system I turned versioning on, blocked public access and encrypted the bucket with our own KMS key. The trade-off is paying for old versions, so I added a lifecycle rule. Recovery of a deleted invoice went from impossible to 2 minutes.
pitfalls:
  - claim: Versioning is on by default.
    correction: It is off until you enable it.
followUps:
  - prompt: How would you stop old versions from costing too much?
    when: { missed: 1 }
  - prompt: Who should be able to read invoices?
    when: { finding: no-tradeoff }
services: [Amazon S3]
`,
};

/** Writes the test bank into a fresh temp folder and returns its path. */
export function writeQuestionBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-e2e-bank-'));
  for (const [file, text] of Object.entries(QUESTIONS)) {
    mkdirSync(join(dir, file.split('/')[0]!), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** A story question whose rubric the spoken fixture answers (the speech and camera browser tests add it to the bank). */
export const SLOW_SERVICE = `id: slow-service
topic: compute-serverless
levels: [mid]
kind: behavioral
prompt: Tell me about a time you fixed a slow service.
rubric:
  - Led a small team that moved the order service to the cloud.
  - Put a queue in front of the workers.
  - The cost dropped by forty percent.
modelAnswer: I led a small team that moved our order service to the cloud. We put a queue in front of the workers and added alarms, and the cost dropped by forty percent.
pitfalls:
  - claim: A queue makes every request faster.
    correction: It smooths bursts; each request may wait a little longer.
followUps:
  - prompt: How did you know the queue was the bottleneck?
    when: { missed: 1 }
  - prompt: What would you measure next time?
    when: { finding: no-tradeoff }
services: [Amazon SQS]
`;
