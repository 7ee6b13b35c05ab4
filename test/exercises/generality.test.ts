// Exercise files and submissions written the way a user (or a reviewer) would, not taken from
// content/: the evaluators must judge IAM conditions and wildcards, CloudFormation intrinsics and
// conditions, and network paths in general, not only the shipped cases.
import { describe, expect, it } from 'vitest';
import { loadCfnSpec } from '../../src/content/cfn-spec.js';
import { parseExerciseText } from '../../src/content/exercises.js';
import { ExerciseService } from '../../src/services/exercise.service.js';

const service = new ExerciseService({ exercises: [], loadSpec: loadCfnSpec });
const header = (kind: string) => `id: held-out\nkind: ${kind}\ntopic: networking-security\nlevels: [mid]\nprompt: p\nsolution: x\n`;
async function verdicts(kind: string, checks: string, submission: string) {
  const result = await service.check(parseExerciseText(`${header(kind)}checks:\n${checks}`, 'held-out.yaml'), submission);
  return result.checks;
}
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

describe('IAM policies in general', () => {
  const encryptedPut = `  - allow: { action: s3:PutObject, resource: 'arn:aws:s3:::uploads/in/a.csv', context: { 's3:x-amz-server-side-encryption': 'aws:kms' } }
  - deny: { action: s3:PutObject, resource: 'arn:aws:s3:::uploads/in/a.csv', context: { 's3:x-amz-server-side-encryption': 'AES256' } }
  - deny: { action: s3:PutObject, resource: 'arn:aws:s3:::uploads/out/a.csv', context: { 's3:x-amz-server-side-encryption': 'aws:kms' } }
  - least-privilege: true
`;
  it('judges condition keys from the request context and wildcards in resources', async () => {
    const good = policy({
      Sid: 'PutEncrypted',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::uploads/in/*',
      Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    });
    expect((await verdicts('iam-policy', encryptedPut, good)).map((c) => c.passed)).toEqual([true, true, true, true]);
    const noCondition = policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::uploads/*' });
    const checks = await verdicts('iam-policy', encryptedPut, noCondition);
    expect(checks.map((c) => c.passed)).toEqual([true, false, false, true]);
    expect(checks[1]!.message).toMatch(/must be denied, but statement .* allows it/);
    expect(checks[1]!.line).toBe(4);
  });

  it('names the statement whose Condition does not hold', async () => {
    const wrongValue = policy({
      Sid: 'Put',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::uploads/in/*',
      Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'AES256' } },
    });
    const checks = await verdicts('iam-policy', encryptedPut, wrongValue);
    expect(checks[0]).toMatchObject({ passed: false });
    expect(checks[0]!.message).toContain('statement "Put"');
    expect(checks[0]!.message).toContain('its Condition does not hold for this request');
  });

  it('a Deny with NotAction is a guardrail, an Allow with NotAction an overgrant', async () => {
    const guardrail = `  - allow: { action: s3:GetObject, resource: 'arn:aws:s3:::data/x', context: { 'aws:RequestedRegion': 'eu-west-1' } }
  - deny: { action: ec2:RunInstances, resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*', context: { 'aws:RequestedRegion': 'us-east-1' } }
  - allow: { action: iam:ListRoles, resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } }
  - least-privilege: true
`;
    const good = policy(
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
      { Sid: 'ListRoles', Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
      { Sid: 'OnlyEu', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    );
    const checks = await verdicts('iam-policy', guardrail, good);
    expect(checks.map((c) => c.passed)).toEqual([true, true, true, true]);
    expect(checks[1]!.message).toMatch(/is denied by statement "OnlyEu"/);
    const broad = policy({ Sid: 'All', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    const bad = await verdicts('iam-policy', guardrail, broad);
    expect(bad[3]).toMatchObject({ passed: false, line: 4 });
    expect(bad[3]!.message).toContain('Allow with NotAction grants every action except those listed');
  });

  it('least privilege accepts Resource "*" scoped by a resource tag condition (attribute-based access), not without it', async () => {
    const abac = `  - allow: { action: ec2:StartInstances, resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', context: { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue' } }
  - deny: { action: ec2:StartInstances, resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-2', context: { 'aws:ResourceTag/team': 'red', 'aws:PrincipalTag/team': 'blue' } }
  - least-privilege: true
`;
    const tagged = policy({
      Effect: 'Allow',
      Action: 'ec2:StartInstances',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    });
    expect((await verdicts('iam-policy', abac, tagged)).map((c) => c.passed)).toEqual([true, true, true]);
    const untagged = policy({ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*' });
    const checks = await verdicts('iam-policy', abac, untagged);
    expect(checks.map((c) => c.passed)).toEqual([true, false, false]);
    expect(checks[2]!.message).toContain('Resource "*" for ec2:StartInstances');
  });
});

describe('CloudFormation templates in general', () => {
  const checks = `  - valid-template: true
  - resource: { type: AWS::S3::Bucket, count: 1 }
  - property: { type: AWS::S3::Bucket, path: 'BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault.SSEAlgorithm', equals: aws:kms }
`;
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage: { Type: String, AllowedValues: [dev, prod] }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }
            Action: 'kms:*'
            Resource: '*'
  Data:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: !Join ['-', [data, !Ref Stage, !Select [0, !GetAZs '']]]
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
  Alarm:
    Type: AWS::SNS::Topic
    Condition: IsProd
    DependsOn: Data
Outputs:
  BucketArn:
    Value: !GetAtt Data.Arn
`;
  it('passes a template with !Sub, !Join, !Select, !GetAZs, !If, Conditions, DependsOn and Outputs', async () => {
    const result = await verdicts('cloudformation', checks, template);
    expect(result.map((c) => c.message)).toEqual([expect.stringMatching(/^the template is valid: 3 resources/), expect.any(String), expect.any(String)]);
    expect(result.every((c) => c.passed)).toBe(true);
  });

  it.each([
    [
      'an undeclared condition in !If',
      template.replace('!If [IsProd,', '!If [IsProduction,'),
      /resource Data uses condition IsProduction, which the Conditions section does not declare/,
    ],
    ['an undeclared resource Condition', template.replace('Condition: IsProd\n', 'Condition: Prod\n'), /resource Alarm uses condition Prod/],
    [
      'a misspelt Properties',
      template.replace('    Properties:\n      KeyPolicy', '    Propertes:\n      KeyPolicy'),
      /resource Key: unknown resource attribute Propertes/,
    ],
    [
      'an output naming a missing resource',
      template.replace('!GetAtt Data.Arn', '!GetAtt Bucket.Arn'),
      /output BucketArn refers to Bucket, which is not a resource or parameter/,
    ],
    ['a GetAtt attribute the type lacks', template.replace('!GetAtt Key.Arn', '!GetAtt Key.Name'), /AWS::KMS::Key Key has no attribute Name/],
    [
      'a ${} in !Sub naming nothing',
      template.replace('${AWS::AccountId}', '${Account}'),
      /resource Key refers to Account, which is not a resource or parameter/,
    ],
    [
      'a DependsOn cycle',
      template
        .replace('    DependsOn: Data\n', '    DependsOn: Data\n')
        .replace('    DeletionPolicy: Retain\n', '    DeletionPolicy: Retain\n    DependsOn: Alarm\n'),
      /dependency cycle: (Data → Alarm → Data|Alarm → Data → Alarm)/,
    ],
  ])('fails valid-template for %s', async (_name, submission, message) => {
    const [valid] = await verdicts('cloudformation', checks, submission);
    expect(valid!.passed).toBe(false);
    expect(valid!.message).toMatch(message);
  });

  it('a property path with [*] fails with the value found and its line', async () => {
    const result = await verdicts('cloudformation', checks, template.replace('SSEAlgorithm: aws:kms', 'SSEAlgorithm: AES256'));
    expect(result[2]).toMatchObject({
      passed: false,
      message:
        'BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault.SSEAlgorithm of Data (AWS::S3::Bucket) is "AES256", expected "aws:kms"',
    });
    expect(result[2]!.line).toBeGreaterThan(20);
  });
});

describe('VPC reachability in general', () => {
  const network = (naclRules: string) => `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Public: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true } }
  Private: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 } }
  PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PublicDefault: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  PublicAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Public, RouteTableId: !Ref PublicRt } }
  PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PrivateAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt } }
  S3Endpoint: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.s3', RouteTableIds: [!Ref PrivateRt] } }
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }]
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref WebSg }]
  Web: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-12345678, SubnetId: !Ref Public, SecurityGroupIds: [!Ref WebSg] } }
  App: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-12345678, SubnetId: !Ref Private, SecurityGroupIds: [!Ref AppSg] } }
  Nacl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
  NaclAssoc: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref Public, NetworkAclId: !Ref Nacl } }
${naclRules}`;
  const rule = (name: string, n: number, egress: boolean, action: string, from: number, to: number, cidr = '0.0.0.0/0') =>
    `  ${name}: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Nacl, RuleNumber: ${n}, Protocol: 6, RuleAction: ${action}, Egress: ${egress}, CidrBlock: ${cidr}, PortRange: { From: ${from}, To: ${to} } } }\n`;
  const open =
    rule('In443', 100, false, 'allow', 443, 443) + rule('InEphemeral', 110, false, 'allow', 1024, 65535) + rule('OutAll', 100, true, 'allow', 0, 65535);
  const checks = `  - reachable: { from: internet, to: Web, port: 443 }
  - reachable: { from: Web, to: App, port: 8080 }
  - unreachable: { from: internet, to: App, port: 8080 }
  - reachable: { from: App, to: s3, port: 443 }
  - unreachable: { from: App, to: internet, port: 443 }
`;
  it('follows security group references, a gateway endpoint in a route table, and stops where a path ends', async () => {
    const result = await verdicts('vpc-reachability', checks, network(open));
    expect(result.map((c) => c.passed)).toEqual([true, true, true, true, true]);
    expect(result[3]!.message).toContain('gateway endpoint S3Endpoint');
    expect(result[4]!.message).toContain('route table PrivateRt has no route to 0.0.0.0/0');
  });

  it('applies network ACL rules in number order: a lower deny wins over a later allow', async () => {
    const result = await verdicts('vpc-reachability', checks, network(rule('DenyHttps', 90, false, 'deny', 443, 443) + open));
    expect(result[0]).toMatchObject({ passed: false });
    expect(result[0]!.message).toContain('network ACL Nacl of subnet Public blocks request inbound tcp 443 from the internet: rule 90 denies it');
  });

  it('needs the return leg on ephemeral ports through a stateless network ACL', async () => {
    const noReturn =
      rule('In443', 100, false, 'allow', 443, 443) + rule('InEphemeral', 110, false, 'allow', 1024, 65535) + rule('OutHttps', 100, true, 'allow', 443, 443);
    const result = await verdicts('vpc-reachability', checks, network(noReturn));
    expect(result[0]).toMatchObject({ passed: false });
    expect(result[0]!.message).toMatch(/blocks return traffic outbound tcp \d+ to the internet/);
  });
});

describe('interface endpoints', () => {
  const template = (privateDns: string) => `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16, EnableDnsSupport: true, EnableDnsHostnames: true } }
  Private: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Private, RouteTableId: !Ref Rt } }
  EndpointSg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: endpoint, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16 }] }
  Sqs: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.sqs, VpcEndpointType: Interface, SubnetIds: [!Ref Private], SecurityGroupIds: [!Ref EndpointSg]${privateDns} } }
  App: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-12345678, SubnetId: !Ref Private } }
`;
  const checks = '  - reachable: { from: App, to: sqs, port: 443 }\n';
  it('reaches the service through an interface endpoint with private DNS', async () => {
    const [check] = await verdicts('vpc-reachability', checks, template(', PrivateDnsEnabled: true'));
    expect(check).toMatchObject({ passed: true });
    expect(check!.message).toContain('private DNS resolves sqs to interface endpoint Sqs');
  });
  it('without PrivateDnsEnabled (CloudFormation defaults it to false) the endpoint is not used, and the message says so', async () => {
    const [check] = await verdicts('vpc-reachability', checks, template(''));
    expect(check).toMatchObject({ passed: false });
    expect(check!.message).toMatch(/route table Rt has no route to 0\.0\.0\.0\/0; interface endpoint Sqs is not used: PrivateDnsEnabled is not true/);
  });
});
