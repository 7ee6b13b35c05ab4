import { describe, expect, it } from 'vitest';
import { promptBlocks, promptTitle } from '../../web/src/prompt.js';

const TEMPLATE_PROMPT = `Walk me through this CloudFormation template: what does it create, how are !Ref and !GetAtt
used, and what would you change before using it in production?

Parameters:
  InstanceType:
    Type: String
Resources:
  WebSG:
    Type: AWS::EC2::SecurityGroup`;

const POLICY_PROMPT = `A developer wants this policy on a Lambda role. Both buckets use SSE-KMS with a customer managed key. Review the policy and tell me what you would change, and why, keeping in mind what the function really needs.

{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }]
}`;

describe('prompts with code', () => {
  it('splits a prompt into its question (lines joined) and its code (kept as written)', () => {
    const blocks = promptBlocks(TEMPLATE_PROMPT);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'code']);
    expect(blocks[0]!.text).toBe(
      'Walk me through this CloudFormation template: what does it create, how are !Ref and !GetAtt used, and what would you change before using it in production?',
    );
    expect(blocks[1]!.text).toContain('Resources:\n  WebSG:\n    Type: AWS::EC2::SecurityGroup');
  });

  it('keeps a plain prompt as one text block and its own title', () => {
    const prompt = 'Users complain that the first request is slow. The API runs on Lambda. What do you do?';
    expect(promptBlocks(prompt)).toEqual([{ kind: 'text', text: prompt }]);
    expect(promptTitle(prompt)).toBe(prompt);
  });

  it('titles a prompt with code by its question alone, and a long question by its first sentence', () => {
    expect(promptTitle(TEMPLATE_PROMPT)).toBe(
      'Walk me through this CloudFormation template: what does it create, how are !Ref and !GetAtt used, and what would you change before using it in production? …',
    );
    expect(promptTitle(POLICY_PROMPT)).toBe('A developer wants this policy on a Lambda role. …');
    expect(promptBlocks(POLICY_PROMPT).at(-1)).toEqual({ kind: 'code', text: expect.stringContaining('"Effect": "Allow"') });
  });
});
