import { labelCheck } from './labels.js';
import { buildNetwork } from './network.js';
import { analyseReachability } from './reachability.js';
import type { ParsedTemplate } from './template.js';
import type { Check, CheckResult, ReachQuery } from './types.js';

/** Answers one `reachable` or `unreachable` check on a parsed network template. */
export function checkReachability(parsed: ParsedTemplate, check: Check): CheckResult | undefined {
  const expectReachable = 'reachable' in check;
  const query: ReachQuery | undefined = 'reachable' in check ? check.reachable : 'unreachable' in check ? check.unreachable : undefined;
  if (!query) return undefined;
  const label = labelCheck(check);
  const result = analyseReachability(buildNetwork(parsed.resources), query);
  const path = result.hops.join(' → ');
  if (result.reachable) {
    return expectReachable
      ? { check: label, passed: true, message: `reachable: ${path}` }
      : { check: label, passed: false, message: `${query.to} is reachable from ${query.from} but must not be: ${path}`, ...lineOf(parsed, query.to) };
  }
  const why = result.blockedBy?.message ?? 'blocked';
  if (result.unresolved) return { check: label, passed: false, message: `cannot analyse: ${why}` };
  const line = result.blockedBy?.resource ? lineOf(parsed, result.blockedBy.resource) : {};
  return expectReachable
    ? { check: label, passed: false, message: `not reachable: ${why}`, ...line }
    : { check: label, passed: true, message: `blocked as required: ${why}` };
}

function lineOf(parsed: ParsedTemplate, id: string): { line?: number } {
  const line = parsed.lineOf(id);
  return line ? { line } : {};
}
