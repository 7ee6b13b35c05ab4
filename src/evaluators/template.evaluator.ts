import { checkProperty, checkResourceCount, checkValidTemplate } from '../core/exercises/cfn.evaluator.js';
import type { CfnSpec } from '../core/exercises/cfn-spec.js';
import { labelCheck } from '../core/exercises/labels.js';
import { parseTemplate } from '../core/exercises/template.js';
import { failEveryCheck, type Check, type CheckResult } from '../core/exercises/types.js';
import { checkReachability } from '../core/exercises/vpc.evaluator.js';

/** Checks a CloudFormation or network template: it is parsed once, then each check runs on it. */
export async function evaluateTemplate(checks: Check[], submission: string, loadSpec: () => Promise<CfnSpec>): Promise<CheckResult[]> {
  const parsed = parseTemplate(submission);
  if (!parsed.ok) return failEveryCheck(checks.map(labelCheck), parsed.message, parsed.line);
  const needsSpec = checks.some((c) => 'valid-template' in c);
  const spec = needsSpec ? await loadSpec() : undefined;
  return checks.map((check): CheckResult => {
    if ('valid-template' in check) return checkValidTemplate(parsed.parsed, spec!);
    if ('property' in check) return checkProperty(parsed.parsed, check);
    if ('resource' in check) return checkResourceCount(parsed.parsed, check);
    return checkReachability(parsed.parsed, check) ?? { check: labelCheck(check), passed: false, message: 'this check does not apply to a template' };
  });
}
