import { runSimulation, type RunSimulationResults } from '@cloud-copilot/iam-simulate';
import { labelCheck } from '../core/exercises/labels.js';
import { failEveryCheck, type Check, type CheckResult, type IamRequest } from '../core/exercises/types.js';
import { findOvergrants } from './least-privilege.js';
import { parsePolicyDocument, quoteStatement, statementLine, type PolicyDocument } from './policy-document.js';

/** The account and principal every simulated request comes from; exercises name resources in this account. */
const ACCOUNT_ID = '111122223333';
const PRINCIPAL = `arn:aws:iam::${ACCOUNT_ID}:role/candidate`;

/**
 * KMS keys are authorised by their key policy first; the default key policy delegates to IAM,
 * which is what an identity-policy exercise assumes.
 */
const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'EnableIamPolicies', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'kms:*', Resource: '*' }],
};

type StatementMatch = { statement: unknown; actionMatch?: boolean; resourceMatch?: boolean; conditionMatch?: string };

function simulate(policy: unknown, request: IamRequest): Promise<RunSimulationResults> {
  return runSimulation(
    {
      request: {
        principal: PRINCIPAL,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT_ID },
        contextVariables: request.context ?? {},
      },
      identityPolicies: [{ name: 'submission', policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(request.action.toLowerCase().startsWith('kms:') ? { resourcePolicy: DEFAULT_KEY_POLICY } : {}),
    },
    {},
  );
}

function grammarErrors(result: RunSimulationResults, document: PolicyDocument): { message: string; line?: number } | undefined {
  if (result.resultType !== 'error') return undefined;
  const errors = result.errors.identityPolicyErrors?.submission;
  if (!errors?.length) return undefined;
  const first = errors[0]!;
  const line = document.lineOfPath(first.path);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return { message: `the policy is not valid: ${first.path}: ${first.message}${more}${line ? ` (line ${line})` : ''}`, ...(line ? { line } : {}) };
}

type IdentityAnalysis = { allowStatements: StatementMatch[]; denyStatements: StatementMatch[]; unmatchedStatements: StatementMatch[] };

/**
 * The identity-policy analysis of a request: one result, or, for a resource ARN with a wildcard
 * (`instance/*`), the first of the matching resource types whose verdict is the overall one.
 */
function identityAnalysis(result: RunSimulationResults): IdentityAnalysis | undefined {
  if (result.resultType === 'single') return result.result.analysis.identityAnalysis as never;
  if (result.resultType !== 'wildcard') return undefined;
  const results = (result as unknown as { results: Array<{ analysis: { result?: string; identityAnalysis?: unknown } }> }).results;
  const chosen = results.find((r) => r.analysis.result === result.overallResult) ?? results[0];
  return chosen?.analysis.identityAnalysis as IdentityAnalysis | undefined;
}

/** The statement as written: the simulator hands back its own statement objects, which serialise to the JSON. */
function plainStatement(statement: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(statement ?? {})) as Record<string, unknown>;
}

function cite(document: PolicyDocument, match: StatementMatch | undefined): { text: string; line?: number } {
  if (!match) return { text: '' };
  const statement = plainStatement(match.statement);
  const line = statementLine(document, statement);
  return { text: `${quoteStatement(statement)}${line ? ` (line ${line})` : ''}`, ...(line ? { line } : {}) };
}

/** Why nothing allowed a request: the nearest statement, matching the action but not the resource or condition. */
function nearMiss(document: PolicyDocument, unmatched: StatementMatch[]): string {
  const near = unmatched.find((s) => s.actionMatch && plainStatement(s.statement).Effect === 'Allow');
  if (!near) return 'no statement allows this action';
  const why = !near.resourceMatch
    ? 'its Resource does not match'
    : near.conditionMatch !== 'Match'
      ? 'its Condition does not hold for this request'
      : 'it does not match';
  return `no statement allows it: ${cite(document, near).text} names the action but ${why}`;
}

/** The simulator's error codes for a request (not a policy) that cannot be evaluated, in words. */
const REQUEST_ERRORS: Record<string, (request: IamRequest) => string> = {
  'invalid.action': (r) => `${r.action} is not an IAM action`,
  'invalid.service': (r) => `${r.action.split(':')[0]} is not an AWS service prefix`,
  'no.resource.types': (r) => `${r.action} does not act on a resource like ${r.resource}`,
};

function judge(check: Check, request: IamRequest, result: RunSimulationResults, document: PolicyDocument): CheckResult {
  const label = labelCheck(check);
  const wantAllowed = 'allow' in check;
  if (result.resultType === 'error')
    return {
      check: label,
      passed: false,
      message: `the request cannot be simulated: ${REQUEST_ERRORS[result.errors.message]?.(request) ?? result.errors.message}`,
    };
  const analysis = identityAnalysis(result);
  const allowed = result.overallResult === 'Allowed';
  const allowing = cite(document, analysis?.allowStatements[0]);
  const denying = cite(document, analysis?.denyStatements[0]);
  const subject = `${request.action} on ${request.resource}`;
  if (wantAllowed && allowed) return { check: label, passed: true, message: `${subject} is allowed by ${allowing.text}` };
  if (!wantAllowed && !allowed)
    return {
      check: label,
      passed: true,
      message: result.overallResult === 'ExplicitlyDenied' ? `${subject} is denied by ${denying.text}` : `${subject} is denied: nothing allows it`,
    };
  if (!wantAllowed)
    return {
      check: label,
      passed: false,
      message: `${subject} must be denied, but ${allowing.text} allows it`,
      ...(allowing.line ? { line: allowing.line } : {}),
    };
  if (result.overallResult === 'ExplicitlyDenied')
    return {
      check: label,
      passed: false,
      message: `${subject} must be allowed, but ${denying.text} denies it`,
      ...(denying.line ? { line: denying.line } : {}),
    };
  if (analysis?.allowStatements.length)
    return {
      check: label,
      passed: false,
      message: `${subject} must be allowed; ${allowing.text} allows it, but the request is still refused (${result.overallResult})`,
    };
  return { check: label, passed: false, message: `${subject} must be allowed, but ${nearMiss(document, analysis?.unmatchedStatements ?? [])}` };
}

async function leastPrivilege(check: Check, checks: Check[], document: PolicyDocument): Promise<CheckResult> {
  const needed = checks.flatMap((c) => ('allow' in c ? [c.allow.action] : []));
  const onEveryResource = checks.flatMap((c) => ('allow' in c && c.allow.resource === '*' ? [c.allow.action] : []));
  const overgrants = await findOvergrants(document, needed, onEveryResource);
  if (overgrants.length === 0) return { check: labelCheck(check), passed: true, message: 'the policy grants only what the tasks need' };
  const first = overgrants[0]!;
  const more =
    overgrants.length > 1
      ? `; ${overgrants
          .slice(1, 4)
          .map((o) => o.message)
          .join('; ')}`
      : '';
  return { check: labelCheck(check), passed: false, message: `${first.message}${more}`, ...(first.line ? { line: first.line } : {}) };
}

/** Checks an identity policy: simulated requests with iam-simulate, plus the least-privilege analysis. */
export async function evaluateIamPolicy(checks: Check[], submission: string): Promise<CheckResult[]> {
  const labels = checks.map(labelCheck);
  const parsed = parsePolicyDocument(submission);
  if (!parsed.ok) return failEveryCheck(labels, parsed.message, parsed.line);
  const document = parsed.document;
  const requests = checks.map((c) => ('allow' in c ? c.allow : 'deny' in c ? c.deny : undefined));
  const probe: IamRequest = { action: 'sts:GetCallerIdentity', resource: '*' };
  const results = await Promise.all(requests.map((r) => simulate(document.policy, r ?? probe)));
  const invalid = results.map((r) => grammarErrors(r, document)).find((e) => e !== undefined);
  if (invalid) return failEveryCheck(labels, invalid.message, invalid.line);
  return Promise.all(
    checks.map(async (check, i) => {
      const request = requests[i];
      if (request) return judge(check, request, results[i]!, document);
      if ('least-privilege' in check) return leastPrivilege(check, checks, document);
      return { check: labels[i]!, passed: false, message: 'this check does not apply to an IAM policy' };
    }),
  );
}
