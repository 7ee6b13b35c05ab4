import type { TemplateResource } from './template.js';

/** An IPv4 block: network address as a 32-bit number and prefix length. */
export interface Cidr {
  text: string;
  base: number;
  bits: number;
}

export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp';

export interface SgRule {
  protocol: Protocol;
  fromPort: number;
  toPort: number;
  cidr?: Cidr;
  groupId?: string;
  prefixList?: string;
}

export interface SecurityGroup {
  id: string;
  ingress: SgRule[];
  egress: SgRule[];
}

export interface NaclEntry {
  rule: number;
  egress: boolean;
  allow: boolean;
  protocol: Protocol;
  cidr: Cidr;
  fromPort: number;
  toPort: number;
}

export type RouteTarget = { kind: 'local' } | { kind: 'igw' | 'nat' | 'endpoint' | 'other'; id: string };

export interface Route {
  destination: Cidr;
  target: RouteTarget;
}

export interface Subnet {
  id: string;
  vpc: string;
  cidr?: Cidr;
  mapPublicIp: boolean;
}

export interface Instance {
  id: string;
  /** What the network interface belongs to, for messages: instance, Lambda function, database, load balancer. */
  what: string;
  subnet: string;
  groups: string[];
  hasPublicIp: boolean;
  address?: number;
}

export interface Endpoint {
  id: string;
  vpc: string;
  service: string;
  type: 'Gateway' | 'Interface';
  routeTables: string[];
  subnets: string[];
  groups: string[];
  privateDns: boolean;
}

/** The EC2 networking resources of a template, resolved into the facts the analysis reads. */
export interface Network {
  vpcs: Map<string, { cidr?: Cidr }>;
  subnets: Map<string, Subnet>;
  routeTables: Map<string, { vpc: string; routes: Route[] }>;
  subnetRouteTable: Map<string, string>;
  internetGateways: Map<string, { attachedTo: string[] }>;
  natGateways: Map<string, { subnet: string; isPrivate: boolean }>;
  securityGroups: Map<string, SecurityGroup>;
  nacls: Map<string, NaclEntry[]>;
  subnetNacl: Map<string, string>;
  instances: Map<string, Instance>;
  endpoints: Map<string, Endpoint>;
  dbSubnetGroups: Map<string, string[]>;
}

/** The security group an instance gets when none is named: it admits only its own members. */
export const DEFAULT_GROUP = '(the VPC default security group)';

/** Parses `10.0.0.0/16`; undefined when the text is not an IPv4 CIDR block. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { text: text.trim(), base: networkOf(address, bits), bits };
}

function networkOf(address: number, bits: number): number {
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) * size;
}

export function parseAddress(text: unknown): number | undefined {
  return typeof text === 'string' ? parseCidr(`${text}/32`)?.base : undefined;
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return networkOf(address, cidr.bits) === cidr.base;
}

export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** The logical id a property names: `{ Ref: X }`, `{ 'Fn::GetAtt': [X, …] }` or a literal id. */
export function refOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

function refsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(refOf).filter((r): r is string => r !== undefined) : [];
}

function flattenText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flattenText).join('');
  if (value && typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(flattenText)
      .join('');
  return '';
}

/** `com.amazonaws.us-east-1.s3` (or a `!Sub` of it) → `s3`. */
export function serviceOfEndpoint(serviceName: unknown): string {
  const text = flattenText(serviceName);
  return text.split('.').pop()?.toLowerCase() ?? '';
}

const PROTOCOL_NAMES: Record<string, Protocol> = { '-1': 'all', all: 'all', tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp' };

export function parseProtocol(value: unknown): Protocol | undefined {
  return PROTOCOL_NAMES[String(value ?? '').toLowerCase()];
}

function portOf(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === null || Number.isNaN(n) ? fallback : n;
}

function sgRule(raw: unknown, direction: 'ingress' | 'egress'): SgRule | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const protocol = parseProtocol(r.IpProtocol);
  if (!protocol) return undefined;
  const wide = protocol === 'all' || protocol === 'icmp';
  const rule: SgRule = { protocol, fromPort: wide ? 0 : portOf(r.FromPort, 0), toPort: wide ? 65535 : portOf(r.ToPort, 65535) };
  const cidr = parseCidr(r.CidrIp);
  if (cidr) rule.cidr = cidr;
  const group = refOf(direction === 'ingress' ? r.SourceSecurityGroupId : r.DestinationSecurityGroupId);
  if (group) rule.groupId = group;
  const prefixList = refOf(direction === 'ingress' ? r.SourcePrefixListId : r.DestinationPrefixListId);
  if (prefixList) rule.prefixList = prefixList;
  return rule;
}

function naclEntry(p: Record<string, unknown>): NaclEntry | undefined {
  const protocol = parseProtocol(p.Protocol);
  const cidr = parseCidr(p.CidrBlock);
  if (!protocol || !cidr) return undefined;
  const range = (p.PortRange ?? {}) as Record<string, unknown>;
  const wide = protocol === 'all' || protocol === 'icmp';
  return {
    rule: Number(p.RuleNumber),
    egress: p.Egress === true || p.Egress === 'true',
    allow: String(p.RuleAction).toLowerCase() === 'allow',
    protocol,
    cidr,
    fromPort: wide ? 0 : portOf(range.From, 0),
    toPort: wide ? 65535 : portOf(range.To, 65535),
  };
}

function routeTarget(p: Record<string, unknown>, resources: Record<string, TemplateResource>): RouteTarget {
  const nat = refOf(p.NatGatewayId);
  if (nat) return { kind: 'nat', id: nat };
  const endpoint = refOf(p.VpcEndpointId);
  if (endpoint) return { kind: 'endpoint', id: endpoint };
  const gateway = refOf(p.GatewayId);
  if (gateway) return { kind: resources[gateway]?.Type === 'AWS::EC2::InternetGateway' || gateway.startsWith('igw-') ? 'igw' : 'other', id: gateway };
  const other = refOf(p.InstanceId ?? p.TransitGatewayId ?? p.VpcPeeringConnectionId ?? p.NetworkInterfaceId ?? p.EgressOnlyInternetGatewayId);
  return { kind: 'other', id: other ?? '(unknown target)' };
}

function emptyNetwork(): Network {
  return {
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    subnetRouteTable: new Map(),
    internetGateways: new Map(),
    natGateways: new Map(),
    securityGroups: new Map(),
    nacls: new Map(),
    subnetNacl: new Map(),
    instances: new Map(),
    endpoints: new Map(),
    dbSubnetGroups: new Map(),
  };
}

type Builder = (net: Network, id: string, p: Record<string, unknown>, resources: Record<string, TemplateResource>) => void;

/** How each resource type adds to the network: one entry per type, the rest are ignored. */
const BUILDERS: Record<string, Builder> = {
  'AWS::EC2::VPC': (net, id, p) => void net.vpcs.set(id, { ...(parseCidr(p.CidrBlock) ? { cidr: parseCidr(p.CidrBlock)! } : {}) }),
  'AWS::EC2::Subnet': (net, id, p) => {
    const cidr = parseCidr(p.CidrBlock);
    net.subnets.set(id, {
      id,
      vpc: refOf(p.VpcId) ?? '',
      ...(cidr ? { cidr } : {}),
      mapPublicIp: p.MapPublicIpOnLaunch === true || p.MapPublicIpOnLaunch === 'true',
    });
  },
  'AWS::EC2::RouteTable': (net, id, p) => void net.routeTables.set(id, { vpc: refOf(p.VpcId) ?? '', routes: [] }),
  'AWS::EC2::SubnetRouteTableAssociation': (net, _id, p) => void net.subnetRouteTable.set(refOf(p.SubnetId) ?? '', refOf(p.RouteTableId) ?? ''),
  'AWS::EC2::InternetGateway': (net, id) => void (net.internetGateways.has(id) || net.internetGateways.set(id, { attachedTo: [] })),
  'AWS::EC2::NatGateway': (net, id, p) => void net.natGateways.set(id, { subnet: refOf(p.SubnetId) ?? '', isPrivate: p.ConnectivityType === 'private' }),
  'AWS::EC2::SecurityGroup': (net, id, p) => {
    const ingress = Array.isArray(p.SecurityGroupIngress) ? p.SecurityGroupIngress.map((r) => sgRule(r, 'ingress')) : [];
    const egress = Array.isArray(p.SecurityGroupEgress)
      ? p.SecurityGroupEgress.map((r) => sgRule(r, 'egress'))
      : [{ protocol: 'all' as const, fromPort: 0, toPort: 65535, cidr: parseCidr('0.0.0.0/0')! }];
    const group = groupOf(net, id);
    group.ingress.push(...ingress.filter((r): r is SgRule => r !== undefined));
    group.egress.push(...egress.filter((r): r is SgRule => r !== undefined));
  },
  'AWS::EC2::SecurityGroupIngress': (net, _id, p) => pushRule(net, p, 'ingress'),
  'AWS::EC2::SecurityGroupEgress': (net, _id, p) => pushRule(net, p, 'egress'),
  'AWS::EC2::NetworkAcl': (net, id) => void (net.nacls.has(id) || net.nacls.set(id, [])),
  'AWS::EC2::SubnetNetworkAclAssociation': (net, _id, p) => void net.subnetNacl.set(refOf(p.SubnetId) ?? '', refOf(p.NetworkAclId) ?? ''),
  'AWS::EC2::Instance': (net, id, p) => void net.instances.set(id, instanceOf(id, p)),
  'AWS::RDS::DBSubnetGroup': (net, id, p) => void net.dbSubnetGroups.set(id, refsOf(p.SubnetIds)),
  'AWS::Lambda::Function': (net, id, p) => {
    const vpc = (p.VpcConfig ?? {}) as Record<string, unknown>;
    const subnet = refsOf(vpc.SubnetIds)[0];
    if (subnet) net.instances.set(id, attached(id, 'Lambda function', subnet, refsOf(vpc.SecurityGroupIds), false));
  },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (net, id, p) => {
    const subnet = refsOf(p.Subnets)[0] ?? refOf((p.SubnetMappings as Array<Record<string, unknown>> | undefined)?.[0]?.SubnetId);
    if (subnet) net.instances.set(id, attached(id, 'load balancer', subnet, refsOf(p.SecurityGroups), p.Scheme !== 'internal'));
  },
  'AWS::EC2::VPCEndpoint': (net, id, p) =>
    void net.endpoints.set(id, {
      id,
      vpc: refOf(p.VpcId) ?? '',
      service: serviceOfEndpoint(p.ServiceName),
      type: p.VpcEndpointType === 'Interface' ? 'Interface' : 'Gateway',
      routeTables: refsOf(p.RouteTableIds),
      subnets: refsOf(p.SubnetIds),
      groups: refsOf(p.SecurityGroupIds),
      // CloudFormation's default is false (the console's is true): without it the service's name resolves to its public address.
      privateDns: p.PrivateDnsEnabled === true || p.PrivateDnsEnabled === 'true',
    }),
};

/** Resources that refer to others, applied once every resource they may name exists. */
const LINKERS: Record<string, Builder> = {
  'AWS::EC2::VPCGatewayAttachment': (net, _id, p) => {
    const igw = refOf(p.InternetGatewayId);
    if (igw) net.internetGateways.get(igw)?.attachedTo.push(refOf(p.VpcId) ?? '');
  },
  'AWS::EC2::Route': (net, _id, p, resources) => {
    const destination = parseCidr(p.DestinationCidrBlock);
    if (destination) net.routeTables.get(refOf(p.RouteTableId) ?? '')?.routes.push({ destination, target: routeTarget(p, resources) });
  },
  'AWS::EC2::NetworkAclEntry': (net, _id, p) => {
    const entry = naclEntry(p);
    if (entry) net.nacls.get(refOf(p.NetworkAclId) ?? '')?.push(entry);
  },
  'AWS::RDS::DBInstance': (net, id, p) => {
    const subnet = net.dbSubnetGroups.get(refOf(p.DBSubnetGroupName) ?? '')?.[0];
    const publicly = p.PubliclyAccessible === true || p.PubliclyAccessible === 'true';
    if (subnet) net.instances.set(id, attached(id, 'database', subnet, refsOf(p.VPCSecurityGroups), publicly));
  },
  'AWS::EC2::EIP': (net, _id, p) => markPublic(net, refOf(p.InstanceId)),
  'AWS::EC2::EIPAssociation': (net, _id, p) => markPublic(net, refOf(p.InstanceId)),
};

function groupOf(net: Network, id: string): SecurityGroup {
  const existing = net.securityGroups.get(id);
  if (existing) return existing;
  const group: SecurityGroup = { id, ingress: [], egress: [] };
  net.securityGroups.set(id, group);
  return group;
}

function pushRule(net: Network, p: Record<string, unknown>, direction: 'ingress' | 'egress'): void {
  const id = refOf(p.GroupId);
  const rule = sgRule(p, direction);
  if (id && rule) groupOf(net, id)[direction].push(rule);
}

function markPublic(net: Network, instanceId: string | undefined): void {
  const instance = instanceId ? net.instances.get(instanceId) : undefined;
  if (instance) instance.hasPublicIp = true;
}

function attached(id: string, what: string, subnet: string, groups: string[], hasPublicIp: boolean): Instance {
  return { id, what, subnet, groups: groups.length > 0 ? groups : [DEFAULT_GROUP], hasPublicIp };
}

function instanceOf(id: string, p: Record<string, unknown>): Instance {
  const nics = Array.isArray(p.NetworkInterfaces) ? (p.NetworkInterfaces as Array<Record<string, unknown>>) : [];
  const primary = nics.find((n) => String(n.DeviceIndex ?? '0') === '0') ?? nics[0];
  const subnet = refOf(p.SubnetId) ?? refOf(primary?.SubnetId) ?? '';
  const groups = [...refsOf(p.SecurityGroupIds), ...refsOf(p.SecurityGroups), ...refsOf(primary?.GroupSet)];
  const address = parseAddress(p.PrivateIpAddress ?? primary?.PrivateIpAddress);
  const nicPublic = primary?.AssociatePublicIpAddress;
  return {
    id,
    what: 'instance',
    subnet,
    groups: groups.length > 0 ? groups : [DEFAULT_GROUP],
    hasPublicIp: nicPublic === true || nicPublic === 'true',
    ...(address !== undefined ? { address } : {}),
    ...(nicPublic === false || nicPublic === 'false' ? { noPublicIp: true } : {}),
  };
}

/** Builds the network from a template's resources; unknown types are ignored. */
export function buildNetwork(resources: Record<string, TemplateResource>): Network {
  const net = emptyNetwork();
  for (const [table, pass] of [
    [BUILDERS, 1],
    [LINKERS, 2],
  ] as const) {
    void pass;
    for (const [id, resource] of Object.entries(resources)) table[resource.Type]?.(net, id, resource.Properties, resources);
  }
  for (const instance of net.instances.values()) {
    const optedOut = (instance as Instance & { noPublicIp?: boolean }).noPublicIp;
    if (instance.what === 'instance' && !optedOut && net.subnets.get(instance.subnet)?.mapPublicIp) instance.hasPublicIp = true;
  }
  net.securityGroups.set(DEFAULT_GROUP, {
    id: DEFAULT_GROUP,
    ingress: [{ protocol: 'all', fromPort: 0, toPort: 65535, groupId: DEFAULT_GROUP }],
    egress: [{ protocol: 'all', fromPort: 0, toPort: 65535, cidr: parseCidr('0.0.0.0/0')! }],
  });
  return net;
}
