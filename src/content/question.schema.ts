import { z } from 'zod';
import { FINDING_CODES, LEADERSHIP_PRINCIPLES, LEVELS, QUESTION_KINDS, TOPICS } from '../core/types.js';

const nonEmpty = z.string().trim().min(1);

/** More points than any interviewer checks; bounds the work one grade can cost. */
export const MAX_RUBRIC_POINTS = 12;

/** Other ways a candidate says the same thing: matched as exemplars of the statement's meaning. */
const acceptSchema = z.array(nonEmpty).min(1).max(8);

export const pitfallSchema = z.strictObject({
  claim: nonEmpty,
  correction: nonEmpty,
  accept: acceptSchema.optional(),
});

/** A rubric point: its statement, or the statement with alternative phrasings (`accept`). */
export const rubricItemSchema = z.union([nonEmpty, z.strictObject({ point: nonEmpty, accept: acceptSchema })]);
type RubricItem = z.output<typeof rubricItemSchema>;

/** Splits rubric items into the points and their phrasings (an empty list where none). */
function normaliseRubric<T extends { rubric?: RubricItem[] }>(q: T): Omit<T, 'rubric'> & { rubric: string[]; accept?: string[][] } {
  const items = q.rubric ?? [];
  return {
    ...q,
    rubric: items.map((r) => (typeof r === 'string' ? r : r.point)),
    accept: items.map((r) => (typeof r === 'string' ? [] : r.accept)),
  };
}

export const followUpTriggerSchema = z.union([
  z.strictObject({ missed: z.number().int().min(1) }),
  z.strictObject({ finding: z.enum(FINDING_CODES) }),
  z.strictObject({ service: nonEmpty }),
]);

export const followUpSchema = z.strictObject({
  prompt: nonEmpty,
  when: followUpTriggerSchema,
  /** What a good answer to the follow-up itself says (1–3 points). */
  rubric: z.array(nonEmpty).min(1).max(3).optional(),
});

/**
 * A question as a user may hand it to `loopcoach grade`: a prompt and a kind, plus a rubric
 * and/or a model answer. Everything the bank adds is optional here.
 */
export const gradableQuestionSchema = z
  .object({
    id: z.string().optional(),
    prompt: nonEmpty,
    kind: z.enum(QUESTION_KINDS).optional(),
    level: z.enum(LEVELS).optional(),
    levels: z.array(z.enum(LEVELS)).optional(),
    rubric: z.array(rubricItemSchema).max(MAX_RUBRIC_POINTS).optional(),
    modelAnswer: nonEmpty.optional(),
    pitfalls: z.array(pitfallSchema).optional(),
    followUps: z.array(followUpSchema).optional(),
    services: z.array(nonEmpty).optional(),
    leadershipPrinciples: z.array(z.enum(LEADERSHIP_PRINCIPLES)).optional(),
  })
  .transform(normaliseRubric);

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
    rubric: z.array(rubricItemSchema).min(3).max(6),
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
  })
  .transform(normaliseRubric);

export type BankQuestion = z.output<typeof bankQuestionSchema>;
export type GradableQuestionInput = z.input<typeof gradableQuestionSchema>;
