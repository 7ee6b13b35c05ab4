import type { Check } from './types.js';

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A short, readable name for a check, used as `check` in results: `allow s3:GetObject on arn:…`. */
export function labelCheck(check: Check): string {
  if ('allow' in check) return `allow ${check.allow.action} on ${check.allow.resource}`;
  if ('deny' in check) return `deny ${check.deny.action} on ${check.deny.resource}`;
  if ('least-privilege' in check) return 'least-privilege';
  if ('valid-template' in check) return 'valid-template';
  if ('resource' in check) return `resource ${check.resource.type} count ${check.resource.count}`;
  if ('property' in check) {
    const p = check.property;
    const test = p.equals !== undefined ? `equals ${describeValue(p.equals)}` : p.in ? `in ${describeValue(p.in)}` : p.exists ? 'exists' : 'absent';
    return `property ${p.type} ${p.path} ${test}`;
  }
  if ('reachable' in check) return `reachable ${check.reachable.from} → ${check.reachable.to} ${check.reachable.protocol ?? 'tcp'}/${check.reachable.port}`;
  if ('unreachable' in check)
    return `unreachable ${check.unreachable.from} → ${check.unreachable.to} ${check.unreachable.protocol ?? 'tcp'}/${check.unreachable.port}`;
  if ('handler' in check) return `handler ${check.handler}`;
  return `event ${describeValue(check.event).slice(0, 60)}`;
}
