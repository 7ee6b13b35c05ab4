/** Team mode's routes: sign-in, accounts, cohorts, comments, assignments, export and deletion. */
import { z } from 'zod';
import { EXERCISE_KINDS } from '../core/exercises/types.js';
import { TOPICS } from '../core/types.js';
import { ROLES, SHARING } from '../store/team.repository.js';

const emailSchema = z.string().min(1).max(254);

/** POST /api/auth/sign-in */
export const signInBodySchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(1000) });
export type SignInRequest = z.infer<typeof signInBodySchema>;

/** POST /api/users (admin): a password, or none for an account that signs in with the identity provider. */
export const newUserBodySchema = z.strictObject({
  email: emailSchema,
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().max(1000).optional(),
});
export type NewUserRequest = z.infer<typeof newUserBodySchema>;

/** POST /api/users/:id/password (admin) */
export const passwordBodySchema = z.strictObject({ password: z.string().min(1).max(1000) });

/** POST /api/cohorts */
export const cohortBodySchema = z.strictObject({ name: z.string().trim().min(1, 'give the cohort a name').max(200) });

/** POST /api/cohorts/join: the invite code and what the coach may see. */
export const joinBodySchema = z.strictObject({
  code: z.string().min(1).max(200),
  sharing: z.enum(SHARING).describe('all: the coach sees all your practice; shared: only the answers you share'),
});
export type JoinRequest = z.infer<typeof joinBodySchema>;

/** PUT /api/cohorts/:id/sharing: a member changes what the coach may see. */
export const sharingBodySchema = z.strictObject({ sharing: z.enum(SHARING) });
export type SharingRequest = z.infer<typeof sharingBodySchema>;

/** PUT /api/attempts/:id/share */
export const shareBodySchema = z.strictObject({ shared: z.boolean() });

/** POST /api/cohorts/:id/attempts/:attemptId/comments: anchored to one sentence of the answer, quoted exactly. */
export const commentBodySchema = z.strictObject({
  sentence: z.string().trim().min(1).max(5000),
  body: z.string().trim().min(1, 'the comment is empty').max(5000),
});

/** DELETE /api/account: the account's email, typed to confirm. */
export const deleteAccountBodySchema = z.strictObject({ email: emailSchema });

/** POST /api/cohorts/:id/assignments: a set of questions or a mock-interview spec, by a due date. */
export const assignmentBodySchema = z.strictObject({
  title: z.string().trim().min(1, 'give the assignment a title').max(200),
  dueAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
  spec: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('questions'), questionIds: z.array(z.string().min(1).max(200)).min(1).max(50) }),
    z.strictObject({
      kind: z.literal('mock'),
      role: z.string().min(1).max(100),
      level: z.string().min(1).max(20),
      count: z.number().int().min(1).max(50),
      topics: z.array(z.string().min(1).max(100)).max(20),
    }),
  ]),
});
export type AssignmentRequest = z.infer<typeof assignmentBodySchema>;

/** An account as the API shows it (never its password hash). */
export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string() });

/** A sign-in's answer: the account, the CSRF token its writes carry, and when it ends. */
export const signedInSchema = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() });

/** A cohort as its coach sees it. */
export const cohortSchema = z.object({ id: z.string(), name: z.string(), coachId: z.string(), inviteCode: z.string(), createdAt: z.string() });

/** A member's sharing choice, as changed or joined. */
export const membershipSchema = z.object({ cohortId: z.string(), name: z.string(), sharing: z.enum(SHARING) });

/** One hands-on exercise on a candidate's dashboard line: how often it was checked and how the latest check went. */
export const exerciseLineSchema = z.object({
  exerciseId: z.string(),
  kind: z.enum(EXERCISE_KINDS),
  topic: z.enum(TOPICS),
  prompt: z.string(),
  attempts: z.number().int(),
  passed: z.boolean(),
  score: z.number(),
  lastCheckedAt: z.string(),
});
export type ExerciseLine = z.infer<typeof exerciseLineSchema>;
