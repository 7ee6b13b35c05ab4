import { z } from 'zod';
import { EXERCISE_KINDS, type Check, type Exercise } from '../core/exercises/types.js';
import { LEVELS, TOPICS } from '../core/types.js';

const nonEmpty = z.string().trim().min(1);

/** The largest submission any evaluator reads, in characters (the API refuses larger bodies too). */
export const MAX_SUBMISSION_CHARS = 100 * 1024;

const iamRequest = z.strictObject({
  action: nonEmpty,
  resource: nonEmpty,
  context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

const reachQuery = z.strictObject({
  from: nonEmpty,
  to: nonEmpty,
  port: z.number().int().min(0).max(65535),
  protocol: z.enum(['tcp', 'udp', 'icmp']).optional(),
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

/** One check: each form is a one-key mapping, except `event`, which may carry `calls` and `returns`. */
export const checkSchema = z.union([
  z.strictObject({ allow: iamRequest }),
  z.strictObject({ deny: iamRequest }),
  z.strictObject({ 'least-privilege': z.literal(true) }),
  z.strictObject({ 'valid-template': z.literal(true) }),
  z.strictObject({ resource: z.strictObject({ type: nonEmpty, count: z.number().int().min(0) }) }),
  z.strictObject({ property: propertyAssertion }),
  z.strictObject({ reachable: reachQuery }),
  z.strictObject({ unreachable: reachQuery }),
  z.strictObject({ handler: nonEmpty }),
  z.strictObject({ event: z.unknown(), calls: z.array(expectedCall).optional(), returns: z.unknown().optional() }),
]);

/** Which checks each kind of exercise may carry. */
const CHECKS_BY_KIND: Record<Exercise['kind'], string[]> = {
  'iam-policy': ['allow', 'deny', 'least-privilege'],
  cloudformation: ['valid-template', 'resource', 'property'],
  'vpc-reachability': ['reachable', 'unreachable', 'valid-template', 'resource', 'property'],
  'lambda-python': ['handler', 'event'],
};

export const exerciseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'),
    kind: z.enum(EXERCISE_KINDS),
    topic: z.enum(TOPICS),
    levels: z.array(z.enum(LEVELS)).min(1),
    prompt: nonEmpty,
    starter: z.string(),
    checks: z.array(checkSchema).min(1).max(40),
    solution: nonEmpty,
    explanation: nonEmpty,
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
