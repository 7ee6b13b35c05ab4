import type { ReachQuery } from './types.js';
import { cidrContains, DEFAULT_GROUP, formatAddress, parseCidr, type Network, type Protocol, type Route, type SgRule } from './network.js';

/**
 * Reachability as AWS Reachability Analyzer explains it: the path hop by hop, or the first hop
 * that blocks it. Security groups are stateful (return traffic is allowed); network ACLs are
 * stateless and ordered, so the return leg must be allowed on the client's ephemeral ports.
 */
export interface Reachability {
  reachable: boolean;
  hops: string[];
  /** Why the path stops, naming the resource that blocks it. */
  blockedBy?: { message: string; resource?: string };
  /** True when an end of the path is not in the template: neither reachable nor blocked. */
  unresolved?: boolean;
}

/** A place traffic starts or ends: an ENI in a subnet, the internet, or an AWS service's public address. */
type Place =
  | { kind: 'eni'; id: string; what: string; subnet: string; vpc: string; groups: string[]; address: number; hasPublicIp: boolean }
  | { kind: 'internet'; address: number }
  | { kind: 'service'; name: string; address: number };

/** A documentation address (RFC 5737) stands for "somewhere on the internet". */
const INTERNET_ADDRESS = parseCidr('198.51.100.7/32')!.base;
/** A public AWS address stands for a regional service endpoint such as S3. */
const SERVICE_ADDRESS = parseCidr('52.94.0.10/32')!.base;
/** Linux's default ephemeral range; AWS recommends NACLs admit 1024–65535 for return traffic. */
const EPHEMERAL_PORTS = [32768, 60999];
const DEFAULT_ROUTE = '0.0.0.0/0';

interface Flow {
  protocol: Protocol;
  port: number;
}

class Blocked extends Error {
  constructor(
    message: string,
    readonly resource?: string,
  ) {
    super(message);
  }
}

/** An end of the path that the template does not define. */
class Unresolved extends Blocked {}

function describePlace(place: Place): string {
  if (place.kind === 'eni') return `${place.what} ${place.id}`;
  return place.kind === 'internet' ? 'the internet' : `the ${place.name} service endpoint`;
}

function resolvePlace(net: Network, name: string, index: number): Place {
  if (name === 'internet') return { kind: 'internet', address: INTERNET_ADDRESS };
  const instance = net.instances.get(name);
  if (instance) {
    const subnet = net.subnets.get(instance.subnet);
    if (!subnet) throw new Unresolved(`${instance.what} ${name} is in subnet ${instance.subnet || '(none)'}, which the template does not define`, name);
    return {
      kind: 'eni',
      id: name,
      what: instance.what,
      subnet: subnet.id,
      vpc: subnet.vpc,
      groups: instance.groups,
      address: instance.address ?? hostIn(subnet.cidr?.base, 10 + index),
      hasPublicIp: instance.hasPublicIp,
    };
  }
  const subnet = net.subnets.get(name);
  if (subnet)
    return {
      kind: 'eni',
      id: name,
      what: 'subnet',
      subnet: name,
      vpc: subnet.vpc,
      groups: [],
      address: hostIn(subnet.cidr?.base, 20 + index),
      hasPublicIp: subnet.mapPublicIp,
    };
  const endpoint = net.endpoints.get(name);
  if (endpoint?.type === 'Interface' && endpoint.subnets[0]) {
    const base = net.subnets.get(endpoint.subnets[0])?.cidr?.base;
    return {
      kind: 'eni',
      id: name,
      what: 'interface endpoint',
      subnet: endpoint.subnets[0],
      vpc: endpoint.vpc,
      groups: endpoint.groups.length ? endpoint.groups : [DEFAULT_GROUP],
      address: hostIn(base, 30),
      hasPublicIp: false,
    };
  }
  if (/^[a-z][a-z0-9-]*$/.test(name)) return { kind: 'service', name, address: SERVICE_ADDRESS };
  throw new Unresolved(
    `${name} is not an instance, subnet, interface endpoint, VPC Lambda function, database or load balancer of the template, nor "internet" or a service such as s3`,
  );
}

function hostIn(base: number | undefined, offset: number): number {
  return (base ?? parseCidr('10.0.0.0/32')!.base) + offset;
}

function portMatches(rule: { protocol: Protocol; fromPort: number; toPort: number }, flow: Flow): boolean {
  if (rule.protocol === 'all') return true;
  if (rule.protocol !== flow.protocol) return false;
  return flow.protocol === 'icmp' || (flow.port >= rule.fromPort && flow.port <= rule.toPort);
}

function describeFlow(flow: Flow): string {
  return flow.protocol === 'icmp' ? 'icmp' : `${flow.protocol} ${flow.port}`;
}

function sgAllows(rule: SgRule, peer: Place): boolean {
  if (rule.groupId) return peer.kind === 'eni' && peer.groups.includes(rule.groupId);
  if (rule.prefixList) return peer.kind === 'service';
  return rule.cidr !== undefined && cidrContains(rule.cidr, peer.address);
}

function checkGroups(net: Network, place: Place, peer: Place, flow: Flow, direction: 'ingress' | 'egress', hops: string[]): void {
  if (place.kind !== 'eni' || place.groups.length === 0) return;
  for (const id of place.groups) {
    const group = net.securityGroups.get(id);
    const rule = group?.[direction].find((r) => portMatches(r, flow) && sgAllows(r, peer));
    if (rule) {
      hops.push(
        `security group ${id} allows ${direction === 'ingress' ? 'inbound' : 'outbound'} ${describeFlow(flow)} ${direction === 'ingress' ? 'from' : 'to'} ${rule.groupId ?? rule.cidr?.text ?? rule.prefixList}`,
      );
      return;
    }
  }
  const groups = place.groups.join(', ');
  const side =
    direction === 'ingress' ? `inbound ${describeFlow(flow)} from ${describePlace(peer)}` : `outbound ${describeFlow(flow)} to ${describePlace(peer)}`;
  throw new Blocked(`security group ${groups} of ${describePlace(place)} has no rule allowing ${side}`, place.groups[0]);
}

function naclVerdict(net: Network, naclId: string, egress: boolean, peerAddress: number, flow: Flow): { allow: boolean; rule?: number } {
  const entries = (net.nacls.get(naclId) ?? []).filter((e) => e.egress === egress).sort((a, b) => a.rule - b.rule);
  const match = entries.find((e) => portMatches(e, flow) && cidrContains(e.cidr, peerAddress));
  return match ? { allow: match.allow, rule: match.rule } : { allow: false };
}

/** One crossing of a subnet boundary through its network ACL, in one direction, with the ordered rules. */
function checkNacl(net: Network, subnet: string, egress: boolean, peer: Place, flow: Flow, hops: string[], leg = 'request'): void {
  const naclId = net.subnetNacl.get(subnet);
  if (!naclId) return;
  const verdict = naclVerdict(net, naclId, egress, peer.address, flow);
  const way = egress ? `outbound ${describeFlow(flow)} to` : `inbound ${describeFlow(flow)} from`;
  if (verdict.allow) {
    hops.push(`network ACL ${naclId} rule ${verdict.rule} allows ${leg} ${way} ${peerText(peer)}`);
    return;
  }
  const why = verdict.rule === undefined ? 'no rule matches, so the final deny (*) applies' : `rule ${verdict.rule} denies it`;
  throw new Blocked(`network ACL ${naclId} of subnet ${subnet} blocks ${leg} ${way} ${peerText(peer)}: ${why}`, naclId);
}

function peerText(peer: Place): string {
  return peer.kind === 'eni' ? `${describePlace(peer)} (${formatAddress(peer.address)})` : describePlace(peer);
}

/** The request leaving (or entering) a subnet and the stateless return leg on ephemeral ports. */
function crossNacls(net: Network, subnet: string, outbound: boolean, peer: Place, flow: Flow, hops: string[]): void {
  checkNacl(net, subnet, outbound, peer, flow, hops);
  for (const port of EPHEMERAL_PORTS) {
    const returnFlow = { protocol: flow.protocol, port: flow.protocol === 'icmp' ? 0 : port };
    const trail: string[] = [];
    checkNacl(net, subnet, !outbound, peer, returnFlow, trail, 'return traffic');
  }
  if (net.subnetNacl.get(subnet)) hops.push(`network ACL ${net.subnetNacl.get(subnet)} allows return traffic on ephemeral ports ${EPHEMERAL_PORTS.join('-')}`);
}

function routeTableOf(net: Network, subnet: string): { id: string; routes: Route[] } {
  const id = net.subnetRouteTable.get(subnet);
  const table = id ? net.routeTables.get(id) : undefined;
  const vpc = net.subnets.get(subnet)?.vpc ?? '';
  const local: Route = { destination: net.vpcs.get(vpc)?.cidr ?? parseCidr('10.0.0.0/16')!, target: { kind: 'local' } };
  if (!id || !table) return { id: `the main route table of ${vpc || 'the VPC'} (subnet ${subnet} has no route table association)`, routes: [local] };
  return { id, routes: [local, ...table.routes] };
}

/** Longest-prefix match: the most specific route that contains the address. */
function lookupRoute(routes: Route[], address: number): Route | undefined {
  return routes.filter((r) => cidrContains(r.destination, address)).sort((a, b) => b.destination.bits - a.destination.bits)[0];
}

function gatewayEndpointFor(net: Network, routeTable: string, service: string): string | undefined {
  return [...net.endpoints.values()].find((e) => e.type === 'Gateway' && e.service === service && e.routeTables.includes(routeTable))?.id;
}

function interfaceEndpointFor(net: Network, vpc: string, service: string): string | undefined {
  return [...net.endpoints.values()].find((e) => e.type === 'Interface' && e.service === service && e.vpc === vpc && e.privateDns)?.id;
}

function checkIgw(net: Network, igw: string, vpc: string, hops: string[]): void {
  const gateway = net.internetGateways.get(igw);
  if (!gateway) throw new Blocked(`the route points at internet gateway ${igw}, which the template does not define`);
  if (!gateway.attachedTo.includes(vpc)) throw new Blocked(`internet gateway ${igw} is not attached to VPC ${vpc} (no VPCGatewayAttachment)`, igw);
  hops.push(`internet gateway ${igw}`);
}

/** An ENI's traffic to a public address (the internet or a service without an endpoint). */
function outToPublic(net: Network, from: Place & { kind: 'eni' }, to: Place, flow: Flow, hops: string[]): void {
  const table = routeTableOf(net, from.subnet);
  const route = lookupRoute(table.routes, to.address);
  if (!route || route.target.kind === 'local') throw new Blocked(`route table ${table.id} has no route to ${DEFAULT_ROUTE}`, table.id);
  hops.push(
    `route table ${table.id}: ${route.destination.text} → ${route.target.kind === 'other' ? route.target.id : `${route.target.kind} ${route.target.id}`}`,
  );
  crossNacls(net, from.subnet, true, to, flow, hops);
  if (route.target.kind === 'igw') {
    if (!from.hasPublicIp)
      throw new Blocked(
        `${describePlace(from)} has no public IP address, so internet gateway ${route.target.id} cannot carry its traffic (use a NAT gateway or a public IP)`,
        from.id,
      );
    return checkIgw(net, route.target.id, from.vpc, hops);
  }
  if (route.target.kind === 'nat') return throughNat(net, route.target.id, from, to, flow, hops);
  throw new Blocked(
    `route table ${table.id} sends ${to.kind === 'service' ? to.name : 'internet'} traffic to ${route.target.id}, which does not lead to the internet`,
    table.id,
  );
}

function throughNat(net: Network, natId: string, from: Place & { kind: 'eni' }, to: Place, flow: Flow, hops: string[]): void {
  const nat = net.natGateways.get(natId);
  if (!nat) throw new Blocked(`the route points at NAT gateway ${natId}, which the template does not define`);
  if (nat.isPrivate) throw new Blocked(`NAT gateway ${natId} is private (ConnectivityType: private) and cannot reach the internet`, natId);
  hops.push(`NAT gateway ${natId} in subnet ${nat.subnet}`);
  crossNacls(net, nat.subnet, false, from, flow, hops);
  const table = routeTableOf(net, nat.subnet);
  const route = lookupRoute(table.routes, to.address);
  if (route?.target.kind !== 'igw')
    throw new Blocked(
      `NAT gateway ${natId} is in subnet ${nat.subnet}, whose route table ${table.id} has no route to ${DEFAULT_ROUTE} through an internet gateway`,
      table.id,
    );
  hops.push(`route table ${table.id}: ${route.destination.text} → igw ${route.target.id}`);
  crossNacls(net, nat.subnet, true, to, flow, hops);
  checkIgw(net, route.target.id, net.subnets.get(nat.subnet)?.vpc ?? '', hops);
}

function eniToService(net: Network, from: Place & { kind: 'eni' }, to: Place & { kind: 'service' }, flow: Flow, hops: string[], index: number): void {
  const table = routeTableOf(net, from.subnet);
  const gateway = gatewayEndpointFor(net, table.id, to.name);
  if (gateway) {
    checkGroups(net, from, to, flow, 'egress', hops);
    crossNacls(net, from.subnet, true, to, flow, hops);
    hops.push(`route table ${table.id}: prefix list of ${to.name} → gateway endpoint ${gateway}`);
    return;
  }
  const iface = interfaceEndpointFor(net, from.vpc, to.name);
  if (iface) {
    hops.push(`private DNS resolves ${to.name} to interface endpoint ${iface}`);
    return eniToEni(net, from, resolvePlace(net, iface, index), flow, hops);
  }
  const withoutDns = [...net.endpoints.values()].find((e) => e.type === 'Interface' && e.service === to.name && e.vpc === from.vpc && !e.privateDns);
  try {
    checkGroups(net, from, to, flow, 'egress', hops);
    outToPublic(net, from, to, flow, hops);
  } catch (error) {
    if (!(error instanceof Blocked) || !withoutDns) throw error;
    throw new Blocked(
      `${error.message}; interface endpoint ${withoutDns.id} is not used: PrivateDnsEnabled is not true (CloudFormation's default is false), so ${to.name}'s name resolves to its public address`,
      withoutDns.id,
    );
  }
}

function eniToEni(net: Network, from: Place & { kind: 'eni' }, to: Place, flow: Flow, hops: string[]): void {
  if (to.kind !== 'eni') return;
  if (from.vpc !== to.vpc)
    throw new Blocked(
      `${describePlace(from)} and ${describePlace(to)} are in different VPCs (${from.vpc}, ${to.vpc}) and this analysis follows no peering`,
      to.id,
    );
  checkGroups(net, from, to, flow, 'egress', hops);
  if (from.subnet !== to.subnet) {
    crossNacls(net, from.subnet, true, to, flow, hops);
    hops.push(`route table ${routeTableOf(net, from.subnet).id}: local route within ${from.vpc}`);
    crossNacls(net, to.subnet, false, from, flow, hops);
  }
  checkGroups(net, to, from, flow, 'ingress', hops);
}

function internetToEni(net: Network, from: Place, to: Place & { kind: 'eni' }, flow: Flow, hops: string[]): void {
  if (!to.hasPublicIp) throw new Blocked(`${describePlace(to)} has no public IP address, so nothing on the internet can address it`, to.id);
  const table = routeTableOf(net, to.subnet);
  const route = lookupRoute(table.routes, from.address);
  if (route?.target.kind !== 'igw')
    throw new Blocked(
      `route table ${table.id} has no route to ${DEFAULT_ROUTE} through an internet gateway, so replies from ${describePlace(to)} cannot reach the internet`,
      table.id,
    );
  checkIgw(net, route.target.id, to.vpc, hops);
  hops.push(`route table ${table.id}: ${route.destination.text} → igw ${route.target.id}`);
  crossNacls(net, to.subnet, false, from, flow, hops);
  checkGroups(net, to, from, flow, 'ingress', hops);
}

function trace(net: Network, from: Place, to: Place, flow: Flow, hops: string[]): void {
  if (from.kind === 'eni' && to.kind === 'eni') return eniToEni(net, from, to, flow, hops);
  if (from.kind === 'eni' && to.kind === 'service') return eniToService(net, from, to, flow, hops, 1);
  if (from.kind === 'eni') {
    checkGroups(net, from, to, flow, 'egress', hops);
    return outToPublic(net, from, to, flow, hops);
  }
  if (to.kind === 'eni') return internetToEni(net, from, to, flow, hops);
  throw new Unresolved(`nothing to analyse between ${describePlace(from)} and ${describePlace(to)}: one side must be a resource of the template`);
}

/** Whether traffic from → to on a port flows through the network, with the hops or the first block. */
export function analyseReachability(net: Network, query: ReachQuery): Reachability {
  const flow: Flow = { protocol: query.protocol ?? 'tcp', port: query.port };
  const hops: string[] = [];
  try {
    const from = resolvePlace(net, query.from, 0);
    const to = resolvePlace(net, query.to, 1);
    hops.push(peerText(from));
    trace(net, from, to, flow, hops);
    hops.push(peerText(to));
    return { reachable: true, hops };
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    return {
      reachable: false,
      hops,
      blockedBy: { message: error.message, ...(error.resource ? { resource: error.resource } : {}) },
      ...(error instanceof Unresolved ? { unresolved: true } : {}),
    };
  }
}
