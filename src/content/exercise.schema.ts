import { z } from 'zod';
import { EXERCISE_KINDS, type Check, type Exercise } from '../core/exercises/types.js';
import { LEVELS, TOPICS } from '../core/types.js';

const nonEmpty = z.string().trim().min(1);

/** The largest submission any evaluator reads, in characters (the API refuses larger bodies too). */
export const MAX_SUBMISSION_CHARS = 100 * 1024;

/** Condition values as IAM sees them: text (YAML may write `true` or `80` bare). */
const contextValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const iamRequest = z.strictObject({
  action: nonEmpty,
  /** Actions without resource-level permissions (s3:ListAllMyBuckets) are requested on "*". */
  resource: nonEmpty.default('*'),
  context: z.record(z.string(), z.union([contextValue, z.array(contextValue)])).optional(),
});

const reachQuery = z.strictObject({
  from: nonEmpty,
  to: nonEmpty,
  port: z.coerce.number().int().min(0).max(65535),
  protocol: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['tcp', 'udp', 'icmp'])).optional(),
});

const propertyAssertion = z
  .strictObject({
    type: nonEmpty,
    path: nonEmpty,
    equals: z.unknown().optional(),
    in: z.array(z.unknown()).min(1).optional(),
    exists: z.literal(true).optional(),
    absent: z.literal(true).optional(),
  })
  .refine((p) => ['equals', 'in', 'exists', 'absent'].filter((k) => k in p).length === 1, 'a property check needs exactly one of equals, in, exists, absent');

const expectedCall = z.strictObject({ service: nonEmpty, operation: nonEmpty, params: z.record(z.string(), z.unknown()).optional() });

/**
 * One check: each form is a mapping keyed by what it asserts; `event` may carry `calls` and
 * `returns`. Other keys (a note, a name) are ignored, so files written for later versions still load.
 */
export const checkSchema = z.union([
  z.object({ allow: iamRequest }),
  z.object({ deny: iamRequest }),
  z.object({ 'least-privilege': z.literal(true) }),
  z.object({ 'valid-template': z.literal(true) }),
  z.object({ resource: z.strictObject({ type: nonEmpty, count: z.coerce.number().int().min(0) }) }),
  z.object({ property: propertyAssertion }),
  z.object({ reachable: reachQuery }),
  z.object({ unreachable: reachQuery }),
  z.object({ handler: nonEmpty }),
  z.object({ event: z.unknown(), calls: z.array(expectedCall).optional(), returns: z.unknown().optional() }).refine((c) => 'event' in c, 'a check must be one of allow, deny, least-privilege, valid-template, resource, property, reachable, unreachable, handler, event'),
]);

/** Which checks each kind of exercise may carry. */
const CHECKS_BY_KIND: Record<Exercise['kind'], string[]> = {
  'iam-policy': ['allow', 'deny', 'least-privilege'],
  cloudformation: ['valid-template', 'resource', 'property'],
  'vpc-reachability': ['reachable', 'unreachable', 'valid-template', 'resource', 'property'],
  'lambda-python': ['handler', 'event'],
};

export const exerciseSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'an id is letters, digits, hyphens, dots or underscores'),
    kind: z.enum(EXERCISE_KINDS),
    topic: z.enum(TOPICS),
    levels: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.enum(LEVELS)).min(1)),
    prompt: nonEmpty,
    starter: z.string().default(''),
    checks: z.array(checkSchema).min(1).max(40),
    solution: nonEmpty,
    explanation: z.string().default(''),
    hints: z.array(nonEmpty).default([]),
    services: z.array(nonEmpty).default([]),
    wrongAnswers: z.array(z.strictObject({ submission: nonEmpty, fails: z.array(z.number().int().min(0)).min(1) })).optional(),
  })
  .superRefine((e, ctx) => {
    const allowed = CHECKS_BY_KIND[e.kind];
    e.checks.forEach((check, i) => {
      const name = Object.keys(check)[0]!;
      const key = 'event' in check ? 'event' : name;
      if (!allowed.includes(key)) ctx.addIssue({ code: 'custom', path: ['checks', i], message: `a ${e.kind} exercise cannot have a "${key}" check (allowed: ${allowed.join(', ')})` });
    });
    for (const [w, wrong] of (e.wrongAnswers ?? []).entries()) {
      const bad = wrong.fails.find((i) => i >= e.checks.length);
      if (bad !== undefined) ctx.addIssue({ code: 'custom', path: ['wrongAnswers', w, 'fails'], message: `check ${bad} does not exist (the exercise has ${e.checks.length})` });
    }
  });

/** Checks the schema's output type is the core's Exercise, so the two cannot drift apart. */
export function toExercise(data: z.output<typeof exerciseSchema>): Exercise {
  return { ...data, checks: data.checks as Check[] };
}
