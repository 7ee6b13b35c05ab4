import type { Level, Topic } from '../types.js';

/** The kinds of hands-on exercise: a public contract (the folder names under content/exercises). */
export const EXERCISE_KINDS = ['iam-policy', 'cloudformation', 'vpc-reachability', 'lambda-python'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** One simulated IAM request: the action, the resource ARN and optional condition keys. */
export interface IamRequest {
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
}

/** A question to the reachability analysis: from/to are logical ids, `internet`, or a service such as `s3`. */
export interface ReachQuery {
  from: string;
  to: string;
  port: number;
  protocol?: 'tcp' | 'udp' | 'icmp';
}

/** An assertion on a property of every resource of a type (path separated by dots, e.g. `VersioningConfiguration.Status`). */
export interface PropertyAssertion {
  type: string;
  path: string;
  equals?: unknown;
  in?: unknown[];
  exists?: boolean;
  absent?: boolean;
}

/** A boto3 call a handler is expected to make: service, operation and (a subset of) its parameters. */
export interface ExpectedCall {
  service: string;
  operation: string;
  params?: Record<string, unknown>;
}

/** One check of an exercise, exactly as written in the exercise file. */
export type Check =
  | { allow: IamRequest }
  | { deny: IamRequest }
  | { 'least-privilege': true }
  | { 'valid-template': true }
  | { resource: { type: string; count: number } }
  | { property: PropertyAssertion }
  | { reachable: ReachQuery }
  | { unreachable: ReachQuery }
  | { handler: string }
  | { event: unknown; calls?: ExpectedCall[]; returns?: unknown };

/** A plausible wrong submission and the indexes of the checks it must fail (our content test proves it). */
export interface WrongAnswer {
  submission: string;
  fails: number[];
}

/** A hands-on exercise: what the candidate is asked, what the editor opens with, and how the work is checked. */
export interface Exercise {
  id: string;
  kind: ExerciseKind;
  topic: Topic;
  levels: Level[];
  prompt: string;
  starter: string;
  checks: Check[];
  solution: string;
  explanation: string;
  hints: string[];
  services: string[];
  wrongAnswers?: WrongAnswer[];
}

/** The verdict on one check: which check, whether it passed, why, and where (1-based line) when known. */
export interface CheckResult {
  check: string;
  passed: boolean;
  message: string;
  line?: number;
}

/** The verdict on a submission: a public contract (`loopcoach exercise check --json`, the API). */
export interface ExerciseResult {
  passed: boolean;
  score: number;
  checks: CheckResult[];
}

/** The name of a check: the key that says what it asserts (`allow`, `property`, `event`, …). */
export function checkKind(check: Check): string {
  if ('event' in check) return 'event';
  return Object.keys(check)[0] ?? 'unknown';
}

/** Sums check results into the verdict: passed when every check passed; score is the share passed, 0–100. */
export function summariseChecks(checks: CheckResult[]): ExerciseResult {
  const passedCount = checks.filter((c) => c.passed).length;
  const score = checks.length === 0 ? 0 : Math.round((100 * passedCount) / checks.length);
  return { passed: checks.length > 0 && passedCount === checks.length, score, checks };
}

/** One failed check for each check, with the same message: used when the submission cannot be read at all. */
export function failEveryCheck(labels: string[], message: string, line?: number): CheckResult[] {
  return labels.map((check) => ({ check, passed: false, message, ...(line !== undefined ? { line } : {}) }));
}
