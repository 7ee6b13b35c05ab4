import { describe, expect, it } from 'vitest';
import { buildNetwork } from './network.js';
import { analyseReachability } from './reachability.js';
import { parseTemplate } from './template.js';

const network = (body: string) => {
  const parsed = parseTemplate(`Resources:\n  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n${body}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return buildNetwork(parsed.parsed.resources);
};

const twoSubnets = `
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 } }
  Open: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: o, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: -1, CidrIp: 10.0.0.0/16 }] } }
  Client: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref A, SecurityGroupIds: [!Ref Open] } }
  Server: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref B, SecurityGroupIds: [!Ref Open] } }
`;
const acl = (entries: string) => `
  Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
  Assoc: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref B, NetworkAclId: !Ref Acl } }
${entries}`;
const entry = (name: string, rule: number, egress: boolean, action: string, from: number, to: number) =>
  `  ${name}: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: ${rule}, Protocol: 6, RuleAction: ${action}, Egress: ${egress}, CidrBlock: 10.0.0.0/16, PortRange: { From: ${from}, To: ${to} } } }\n`;

describe('analyseReachability', () => {
  it('follows the local route between subnets when no ACL intervenes', () => {
    const result = analyseReachability(network(twoSubnets), { from: 'Client', to: 'Server', port: 5432 });
    expect(result.reachable).toBe(true);
    expect(result.hops.join(' → ')).toContain('local route within Vpc');
  });

  it('treats network ACLs as stateless: the reply needs the ephemeral ports', () => {
    const inOnly = acl(entry('In', 100, false, 'allow', 5432, 5432) + entry('Out', 100, true, 'allow', 5432, 5432));
    const blocked = analyseReachability(network(twoSubnets + inOnly), { from: 'Client', to: 'Server', port: 5432 });
    expect(blocked.reachable).toBe(false);
    expect(blocked.blockedBy?.message).toMatch(/network ACL Acl of subnet B blocks return traffic outbound tcp 32768/);
    const withReplies = acl(entry('In', 100, false, 'allow', 5432, 5432) + entry('Out', 100, true, 'allow', 1024, 65535));
    expect(analyseReachability(network(twoSubnets + withReplies), { from: 'Client', to: 'Server', port: 5432 }).reachable).toBe(true);
  });

  it('applies ACL entries in rule order: the lowest matching number decides', () => {
    const denyFirst = acl(entry('Deny', 50, false, 'deny', 0, 65535) + entry('In', 100, false, 'allow', 0, 65535) + entry('Out', 100, true, 'allow', 0, 65535));
    const result = analyseReachability(network(twoSubnets + denyFirst), { from: 'Client', to: 'Server', port: 22 });
    expect(result.blockedBy?.message).toContain('rule 50 denies it');
  });

  it('prefers the longest matching route', () => {
    const routes = `
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref A, RouteTableId: !Ref Rt } }
  Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  Narrow: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 198.51.100.0/24, VpcPeeringConnectionId: pcx-1 } }
`;
    const result = analyseReachability(
      network(twoSubnets.replace('SubnetId: !Ref A', 'SubnetId: !Ref A, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }]') + routes),
      { from: 'Client', to: 'internet', port: 443 },
    );
    expect(result.reachable).toBe(false);
    expect(result.blockedBy?.message).toContain('pcx-1');
  });

  it('marks ends that the template lacks as unresolved', () => {
    expect(analyseReachability(network(twoSubnets), { from: 'Ghost', to: 'Server', port: 22 })).toMatchObject({ reachable: false, unresolved: true });
  });
});

describe('other network interfaces', () => {
  it('places a VPC Lambda function, an RDS database and a load balancer in their subnets', () => {
    const body = `${twoSubnets}
  Dbs: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: d, SubnetIds: [!Ref B] } }
  DbSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: db, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }] } }
  FnSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: fn, VpcId: !Ref Vpc } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, DBSubnetGroupName: !Ref Dbs, VPCSecurityGroups: [!Ref DbSg] } }
  Fn: { Type: AWS::Lambda::Function, Properties: { VpcConfig: { SubnetIds: [!Ref A], SecurityGroupIds: [!Ref FnSg] } } }
  Lb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Scheme: internal, Subnets: [!Ref A], SecurityGroups: [!Ref Open] } }
`;
    const net = network(body);
    expect(analyseReachability(net, { from: 'Fn', to: 'Db', port: 5432 }).reachable).toBe(true);
    expect(analyseReachability(net, { from: 'Lb', to: 'Db', port: 5432 }).blockedBy?.message).toContain('security group DbSg of database Db has no rule');
    expect(analyseReachability(net, { from: 'internet', to: 'Lb', port: 443 }).blockedBy?.message).toContain('load balancer Lb has no public IP');
  });
});
