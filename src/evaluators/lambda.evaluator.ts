import { labelCheck } from '../core/exercises/labels.js';
import type { Check, CheckResult, ExpectedCall } from '../core/exercises/types.js';
import { findPython, runHandler, type EventRun, type RecordedCall } from './python-runner.js';
import { outlinePython, type PythonOutline } from './python-syntax.js';

export interface LambdaOptions {
  /** Running candidate code is allowed only in single-user mode. */
  allowRun: boolean;
}

type EventCheck = Extract<Check, { event: unknown }>;

function handlerCheck(check: Check & { handler: string }, outline: PythonOutline): CheckResult {
  const label = labelCheck(check);
  if (outline.syntaxError) return { check: label, passed: false, message: outline.syntaxError.message, line: outline.syntaxError.line };
  const fn = outline.functions.get(check.handler);
  if (!fn) {
    const found = [...outline.functions.keys()];
    return { check: label, passed: false, message: `no top-level function named ${check.handler}${found.length ? ` (found: ${found.join(', ')})` : ''}` };
  }
  if (fn.params.length !== 2)
    return { check: label, passed: false, message: `${check.handler} must take (event, context); it takes (${fn.params.join(', ')})`, line: fn.line };
  return { check: label, passed: true, message: `${check.handler}(${fn.params.join(', ')}) on line ${fn.line}` };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

function normaliseOperation(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

function callMatches(expected: ExpectedCall, call: RecordedCall): boolean {
  if (call.service.toLowerCase() !== expected.service.toLowerCase()) return false;
  if (normaliseOperation(call.operation) !== normaliseOperation(expected.operation)) return false;
  return Object.entries(expected.params ?? {}).every(([key, value]) => sameJson(call.params[key], value));
}

function describeCalls(calls: RecordedCall[]): string {
  if (calls.length === 0) return 'no AWS calls';
  return calls.map((c) => `${c.service}.${c.operation}(${JSON.stringify(c.params).slice(0, 120)})`).join(', ');
}

function judgeEvent(check: EventCheck, run: EventRun): CheckResult {
  const label = labelCheck(check);
  if (run.error) return { check: label, passed: false, message: `the handler raised ${run.error}`, ...(run.line ? { line: run.line } : {}) };
  for (const expected of check.calls ?? []) {
    if (!run.calls.some((call) => callMatches(expected, call))) {
      return {
        check: label,
        passed: false,
        message: `expected a call to ${expected.service}.${expected.operation}${expected.params ? ` with ${JSON.stringify(expected.params)}` : ''}; the handler made ${describeCalls(run.calls)}`,
      };
    }
  }
  if ('returns' in check && check.returns !== undefined && !sameJson(run.returns, check.returns)) {
    return { check: label, passed: false, message: `the handler returned ${JSON.stringify(run.returns) ?? 'None'}, expected ${JSON.stringify(check.returns)}` };
  }
  return { check: label, passed: true, message: `returned ${JSON.stringify(run.returns) ?? 'None'} after ${describeCalls(run.calls)}` };
}

async function eventChecks(checks: EventCheck[], source: string, handler: string, outline: PythonOutline, options: LambdaOptions): Promise<CheckResult[]> {
  const skip = (message: string, line?: number) => checks.map((c) => ({ check: labelCheck(c), passed: false, message, ...(line ? { line } : {}) }));
  if (outline.syntaxError) return skip(outline.syntaxError.message, outline.syntaxError.line);
  if (!outline.functions.has(handler)) return skip(`not run: there is no top-level function named ${handler}`);
  if (!options.allowRun) return skip('skipped: running candidate code is only allowed in single-user mode (the static checks still ran)');
  const python = findPython();
  if (!python) return skip('skipped: Python 3 is not installed on this machine, so the handler was not run (the static checks still ran)');
  const outcome = await runHandler(
    python,
    source,
    handler,
    checks.map((c) => c.event),
  );
  if (outcome.kind === 'failed') return skip(outcome.message, outcome.line);
  return checks.map((check, i) => judgeEvent(check, outcome.results[i] ?? { error: 'no result', calls: [] }));
}

/** Checks a Python Lambda handler: static checks with tree-sitter, then a run on the sample events. */
export async function evaluateLambda(checks: Check[], submission: string, options: LambdaOptions): Promise<CheckResult[]> {
  const outline = await outlinePython(submission);
  const handler = checks.find((c): c is Check & { handler: string } => 'handler' in c)?.handler ?? 'handler';
  const events = checks.filter((c): c is EventCheck => 'event' in c);
  const runs = await eventChecks(events, submission, handler, outline, options);
  let next = 0;
  return checks.map((check) =>
    'handler' in check
      ? handlerCheck(check, outline)
      : 'event' in check
        ? runs[next++]!
        : { check: labelCheck(check), passed: false, message: 'this check does not apply to a Lambda handler' },
  );
}
