import type { CfnSpec } from './cfn-spec.js';
import { validateTemplate } from './cfn-validate.js';
import { labelCheck } from './labels.js';
import type { ParsedTemplate } from './template.js';
import type { Check, CheckResult, PropertyAssertion } from './types.js';

function withLine(result: CheckResult, line: number | undefined): CheckResult {
  return line ? { ...result, line } : result;
}

/** `valid-template`: passes when the specification finds no problem; the message lists the first ones. */
export function checkValidTemplate(parsed: ParsedTemplate, spec: CfnSpec): CheckResult {
  const problems = validateTemplate(parsed, spec);
  if (problems.length === 0)
    return {
      check: 'valid-template',
      passed: true,
      message: `the template is valid: ${Object.keys(parsed.resources).length} resources checked against the CloudFormation resource specification`,
    };
  const shown = problems.slice(0, 5).map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message));
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return withLine({ check: 'valid-template', passed: false, message: `${shown.join('; ')}${more}` }, problems[0]!.line);
}

function resourcesOfType(parsed: ParsedTemplate, type: string): string[] {
  return Object.entries(parsed.resources)
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);
}

/** `A.B[0].C` or `A.B.0.C` → ['A', 'B', 0, 'C']; `*` (or `[*]`) stands for any element of a list. */
function splitPath(path: string): Array<string | number> {
  return path
    .replace(/\[(\d+|\*)\]/g, '.$1')
    .split('.')
    .filter((step) => step !== '')
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

/** Every value at the path: one, or one per list element where the path says `*`. */
function valuesAt(root: unknown, path: Array<string | number>): unknown[] {
  let nodes: unknown[] = [root];
  for (const step of path) {
    nodes = nodes.flatMap((node) => {
      if (node === null || typeof node !== 'object') return [];
      if (step === '*') return Array.isArray(node) ? node : Object.values(node);
      const next = (node as Record<string | number, unknown>)[step];
      return next === undefined ? [] : [next];
    });
  }
  return nodes;
}

/** The value at the path; with `*`, the first element that satisfies the assertion (or the first found). */
function valueAt(root: unknown, path: Array<string | number>, p?: PropertyAssertion): { found: boolean; value?: unknown } {
  const values = valuesAt(root, path);
  if (values.length === 0) return { found: false };
  const holding = p ? values.find((value) => propertyProblem(p, { found: true, value }) === undefined) : undefined;
  return { found: true, value: holding ?? values[0] };
}

/** Scalars compare as text ("true" equals true, "80" equals 80), as CloudFormation reads them. */
function sameValue(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (scalar(a) && scalar(b)) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function propertyProblem(p: PropertyAssertion, at: { found: boolean; value?: unknown }): string | undefined {
  if (p.exists) return at.found ? undefined : 'is not set';
  if (p.absent) return at.found ? `is set (to ${show(at.value)}) and must not be` : undefined;
  if (!at.found) return 'is not set';
  if (p.equals !== undefined) return sameValue(at.value, p.equals) ? undefined : `is ${show(at.value)}, expected ${show(p.equals)}`;
  if (p.in) return p.in.some((v) => sameValue(at.value, v)) ? undefined : `is ${show(at.value)}, expected one of ${p.in.map(show).join(', ')}`;
  return undefined;
}

/**
 * `property`: some resource of the type holds the value (`equals`, `in`, `exists`); for `absent`,
 * no resource of the type may set the path.
 */
export function checkProperty(parsed: ParsedTemplate, check: Check & { property: PropertyAssertion }): CheckResult {
  const p = check.property;
  const label = labelCheck(check);
  const ids = resourcesOfType(parsed, p.type);
  if (ids.length === 0) return { check: label, passed: false, message: `the template has no ${p.type} resource` };
  const path = splitPath(p.path);
  const problems = ids.map((id) => ({ id, problem: propertyProblem(p, valueAt(parsed.resources[id]!.Properties, path, p.absent ? undefined : p)) }));
  const failing = p.absent ? problems.find((r) => r.problem) : problems.every((r) => r.problem) ? problems[0] : undefined;
  if (failing?.problem)
    return withLine(
      { check: label, passed: false, message: `${p.path} of ${failing.id} (${p.type}) ${failing.problem}` },
      parsed.lineOf(failing.id, ['Properties', ...path.filter((step) => step !== '*')]),
    );
  const holding = problems.filter((r) => !r.problem).map((r) => r.id);
  return { check: label, passed: true, message: `${p.path} ${p.absent ? 'is absent' : 'holds'} on ${holding.join(', ')}` };
}

/** `resource`: the template has exactly `count` resources of the type. */
export function checkResourceCount(parsed: ParsedTemplate, check: Check & { resource: { type: string; count: number } }): CheckResult {
  const { type, count } = check.resource;
  const ids = resourcesOfType(parsed, type);
  const label = labelCheck(check);
  if (ids.length === count)
    return { check: label, passed: true, message: `${count} ${type} resource${count === 1 ? '' : 's'}${ids.length ? `: ${ids.join(', ')}` : ''}` };
  return {
    check: label,
    passed: false,
    message: `expected ${count} ${type} resource${count === 1 ? '' : 's'}, found ${ids.length}${ids.length ? ` (${ids.join(', ')})` : ''}`,
  };
}
