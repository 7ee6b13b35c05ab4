// Hostile and broken submissions: clear per-check messages, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { loadCfnSpec } from '../../src/content/cfn-spec.js';
import { loadExercises } from '../../src/content/exercises.js';
import { ExerciseService } from '../../src/services/exercise.service.js';

const exercises = loadExercises();
const service = new ExerciseService({ exercises, loadSpec: loadCfnSpec });
const byId = (id: string) => exercises.find((e) => e.id === id)!;
const cfn = byId('cfn-s3-secure-bucket');
const iam = byId('iam-s3-read-prefix');
const vpc = byId('vpc-public-web-server');

async function failsEveryCheck(id: string, submission: string, message: RegExp) {
  const t = performance.now();
  const result = await service.check(byId(id), submission);
  expect(performance.now() - t).toBeLessThan(5000);
  expect(result.passed).toBe(false);
  for (const check of result.checks) {
    expect(check.passed).toBe(false);
    expect(check.message).toMatch(message);
  }
  return result;
}

describe('bad submissions', () => {
  it('malformed JSON in a policy gets the line and column', async () => {
    const result = await failsEveryCheck(
      iam.id,
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" "Action": "s3:GetObject" }\n  ]\n}',
      /not valid JSON: .*\(line 4, column \d+\)/,
    );
    expect(result.checks[0]!.line).toBe(4);
  });

  it('policy grammar errors name the field and its line', async () => {
    const result = await failsEveryCheck(
      iam.id,
      '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Permit",\n    "Action": "s3:GetObject",\n    "Resource": "*"\n  }]\n}',
      /Statement\[0\]\.Effect/,
    );
    expect(result.checks[0]!.line).toBe(4);
  });

  it('malformed YAML gets the line', async () => {
    const result = await failsEveryCheck(cfn.id, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [\n', /not valid YAML or JSON/);
    expect(result.checks[0]!.line).toBeGreaterThan(0);
  });

  it('a YAML alias bomb is refused quickly', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    await failsEveryCheck(cfn.id, `${levels.join('\n')}\nResources: {}\n`, /resource exhaustion|alias/i);
  });

  it('a 10 MB template is refused without parsing it', async () => {
    await failsEveryCheck(cfn.id, `Resources:\n${'  # padding\n'.repeat(1_000_000)}`, /the limit is 102400/);
  });

  it('an unknown resource type is named, with a suggestion', async () => {
    const result = await service.check(cfn, 'Resources:\n  Bucket:\n    Type: AWS::S3::bucket\n');
    expect(result.checks[0]).toMatchObject({ check: 'valid-template', passed: false, line: 3 });
    expect(result.checks[0]!.message).toContain('unknown resource type AWS::S3::bucket (did you mean AWS::S3::Bucket?)');
  });

  it('deeply nested values and unknown tags do not crash', async () => {
    const deep = `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ${'['.repeat(500)}${']'.repeat(500)}\n`;
    const result = await service.check(cfn, deep);
    expect(result.checks[0]!.passed).toBe(false);
    await failsEveryCheck(cfn.id, 'Resources:\n  B:\n    Type: !Bogus x\n', /unknown tag !Bogus/);
  });

  it('a template that is not a mapping, or has no Resources, says so', async () => {
    await failsEveryCheck(vpc.id, '- just\n- a list\n', /Resources section/);
    await failsEveryCheck(vpc.id, 'Resources:\n  Web:\n    Properties: {}\n', /resource Web has no Type/);
  });

  it('an empty submission says it is empty', async () => {
    await failsEveryCheck(iam.id, '   \n', /empty/);
  });

  it('reachability to a resource the template lacks is a failed check, not an error', async () => {
    const result = await service.check(vpc, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: 10.0.0.0/16 }\n');
    expect(result.checks[0]).toMatchObject({ passed: false });
    expect(result.checks[0]!.message).toContain('WebServer is not an instance');
    expect(result.checks[1]).toMatchObject({ passed: false, message: expect.stringContaining('cannot analyse') });
  });
});

describe('exercise files written by others', () => {
  it('accept bare YAML scalars for condition values, ports and levels, and ignore unknown keys', async () => {
    const { parseExerciseText } = await import('../../src/content/exercises.js');
    const own = parseExerciseText(
      `id: Someone_Else.1\nkind: iam-policy\ntopic: networking-security\nlevels: mid\ntitle: extra field\nprompt: p\nstarter: "{}"\nchecks:\n  - allow: { action: s3:GetObject, resource: "arn:aws:s3:::b/k", context: { aws:MultiFactorAuthPresent: true, s3:max-keys: 10 } }\n    note: ignored\n  - deny: { action: s3:ListAllMyBuckets }\nsolution: s\nexplanation: e\n`,
      'own.yaml',
    );
    expect(own.levels).toEqual(['mid']);
    expect(own.checks[0]).toEqual({
      allow: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:MultiFactorAuthPresent': 'true', 's3:max-keys': '10' } },
    });
    expect(own.checks[1]).toEqual({ deny: { action: 's3:ListAllMyBuckets', resource: '*' } });
    expect(() =>
      parseExerciseText('id: x\nkind: iam-policy\ntopic: networking-security\nlevels: [mid]\nprompt: p\nchecks:\n  - allwo: {}\nsolution: s\n', 'typo.yaml'),
    ).toThrow(/typo.yaml: checks.0/);
  });
});
