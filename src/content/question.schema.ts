import { z } from 'zod';
import { FINDING_CODES, LEADERSHIP_PRINCIPLES, LEVELS, QUESTION_KINDS, TOPICS } from '../core/types.js';

const nonEmpty = z.string().trim().min(1);

export const pitfallSchema = z.strictObject({
  claim: nonEmpty,
  correction: nonEmpty,
});

export const followUpTriggerSchema = z.union([
  z.strictObject({ missed: z.number().int().min(1) }),
  z.strictObject({ finding: z.enum(FINDING_CODES) }),
  z.strictObject({ service: nonEmpty }),
]);

export const followUpSchema = z.strictObject({
  prompt: nonEmpty,
  when: followUpTriggerSchema,
});

/**
 * A question as a user may hand it to `loopcoach grade`: a prompt and a kind, plus a rubric
 * and/or a model answer. Everything the bank adds is optional here.
 */
export const gradableQuestionSchema = z
  .object({
    id: z.string().optional(),
    prompt: nonEmpty,
    kind: z.enum(QUESTION_KINDS).default('concept'),
    level: z.enum(LEVELS).optional(),
    levels: z.array(z.enum(LEVELS)).optional(),
    rubric: z.array(nonEmpty).optional(),
    modelAnswer: nonEmpty.optional(),
    pitfalls: z.array(pitfallSchema).optional(),
    followUps: z.array(followUpSchema).optional(),
    services: z.array(nonEmpty).optional(),
    leadershipPrinciples: z.array(z.enum(LEADERSHIP_PRINCIPLES)).optional(),
  })
  .refine((q) => (q.rubric && q.rubric.length > 0) || q.modelAnswer, {
    message: 'a question needs a rubric or a modelAnswer',
  });

export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lowercase letters, digits and single hyphens');

/** A question of the bank: content/questions/<topic>/<id>.yaml. */
export const bankQuestionSchema = z
  .strictObject({
    id: questionIdSchema,
    topic: z.enum(TOPICS),
    levels: z.array(z.enum(LEVELS)).min(1),
    kind: z.enum(QUESTION_KINDS),
    prompt: nonEmpty,
    rubric: z.array(nonEmpty).min(3).max(6),
    modelAnswer: nonEmpty,
    pitfalls: z.array(pitfallSchema).min(1),
    followUps: z.array(followUpSchema).min(2).max(4),
    services: z.array(nonEmpty).default([]),
    leadershipPrinciples: z.array(z.enum(LEADERSHIP_PRINCIPLES)).default([]),
    // YAML reads `tags: [alb, 502]` as a number; a tag is a word either way.
    tags: z.array(z.union([nonEmpty, z.number().transform(String)])).default([]),
    references: z.array(nonEmpty).default([]),
  })
  .superRefine((q, ctx) => {
    for (const [i, f] of q.followUps.entries()) {
      if ('missed' in f.when && f.when.missed > q.rubric.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', i, 'when', 'missed'],
          message: `refers to rubric point ${f.when.missed}, but the rubric has ${q.rubric.length} points`,
        });
      }
    }
    if (q.topic === 'behavioral' && q.leadershipPrinciples.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['leadershipPrinciples'], message: 'behavioural questions name at least one Leadership Principle' });
    }
  });

export type BankQuestion = z.output<typeof bankQuestionSchema>;
export type GradableQuestionInput = z.input<typeof gradableQuestionSchema>;
