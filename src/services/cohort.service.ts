import { randomUUID } from 'node:crypto';
import type { Coach } from '../coach.js';
import { summariseCandidate, type CandidateSummary, type DashboardAttempt } from '../core/team/dashboard.js';
import { splitSentences } from '../core/text.js';
import { LoopCoachError } from '../errors.js';
import type { AttemptRecord, AttemptRepository } from '../store/attempt.repository.js';
import type { ExerciseLine } from '../api/team.contract.js';
import type { ExerciseAttemptRepository } from '../store/exercise.repository.js';
import type { AssignmentRecord, AssignmentSpec, CohortRecord, CommentRecord, Sharing, TeamRepository, UserRecord } from '../store/team.repository.js';

export type { ExerciseLine } from '../api/team.contract.js';

export interface CohortServiceDeps {
  team: TeamRepository;
  /** One user's attempts (their practice, as their own store scope reads it). */
  attemptsOf: (userId: string) => Pick<AttemptRepository, 'listAll'>;
  /** One user's checked exercise submissions; without it the dashboard shows no exercises. */
  exerciseAttemptsOf?: (userId: string) => Pick<ExerciseAttemptRepository, 'listAll'>;
  coach: Pick<Coach, 'findQuestion'>;
  newInviteCode: () => string;
  now?: () => Date;
}

export interface CohortView extends CohortRecord {
  members: Array<{ userId: string; name: string; email: string; sharing: Sharing; joinedAt: string }>;
}

export interface DashboardRow {
  userId: string;
  name: string;
  email: string;
  sharing: Sharing;
  summary: CandidateSummary;
  /** The answers the coach may open, newest first. */
  attempts: Array<{ id: string; sessionId: string; questionId: string; prompt: string; score: number; answeredAt: string }>;
  /** Hands-on exercises tried, latest result each, most recent first; only when the member shares all their practice. */
  exercises: ExerciseLine[];
}

export interface AssignmentInput {
  title: string;
  spec: AssignmentSpec;
  dueAt: string;
}

function notFound(id: string): LoopCoachError {
  return new LoopCoachError('cohort_not_found', `no cohort with id "${id}"`);
}

/**
 * Cohorts: a coach creates one and invites by link; candidates join choosing what the coach sees;
 * the coach reads the dashboard, opens visible answers, comments on a sentence, sets assignments.
 * Whatever a user may not see reads as not found, so ids reveal nothing.
 */
export class CohortService {
  private readonly now: () => Date;

  constructor(private readonly deps: CohortServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(actor: UserRecord, name: string): Promise<CohortRecord> {
    if (actor.role === 'candidate') throw new LoopCoachError('forbidden', 'only a coach or an admin can create a cohort');
    const cohort = { id: randomUUID(), name: name.trim(), coachId: actor.id, inviteCode: this.deps.newInviteCode(), createdAt: this.now().toISOString() };
    await this.deps.team.createCohort(cohort);
    return cohort;
  }

  /** The cohorts the user coaches (with their invite codes) and the ones they belong to. */
  async listMine(actor: UserRecord) {
    const [coaching, memberOf] = await Promise.all([this.deps.team.listCohortsCoachedBy(actor.id), this.deps.team.listMembershipsOf(actor.id)]);
    return { coaching, memberOf };
  }

  /** Joins by invite code, or changes what the coach may see when already in. */
  async join(actor: UserRecord, inviteCode: string, sharing: Sharing): Promise<{ cohortId: string; name: string; sharing: Sharing }> {
    const cohort = await this.deps.team.findCohortByInvite(inviteCode);
    if (!cohort) throw new LoopCoachError('cohort_not_found', 'this invite link is not valid: ask your coach for a new one');
    if (cohort.coachId === actor.id) throw new LoopCoachError('invalid_input', 'you coach this cohort; candidates join it');
    const existing = await this.deps.team.findMember(cohort.id, actor.id);
    await this.deps.team.upsertMember({ cohortId: cohort.id, userId: actor.id, sharing, joinedAt: existing?.joinedAt ?? this.now().toISOString() });
    return { cohortId: cohort.id, name: cohort.name, sharing };
  }

  /** A member changes what the cohort's coach may see; not found when the actor is not a member. */
  async changeSharing(actor: UserRecord, cohortId: string, sharing: Sharing): Promise<{ cohortId: string; name: string; sharing: Sharing }> {
    const [cohort, member] = await Promise.all([this.deps.team.findCohort(cohortId), this.deps.team.findMember(cohortId, actor.id)]);
    if (!cohort || !member) throw notFound(cohortId);
    await this.deps.team.upsertMember({ ...member, sharing });
    return { cohortId, name: cohort.name, sharing };
  }

  async leave(actor: UserRecord, cohortId: string): Promise<void> {
    if (!(await this.deps.team.removeMember(cohortId, actor.id))) throw notFound(cohortId);
  }

  /** The cohort with its members; its coach only. */
  async get(actor: UserRecord, cohortId: string): Promise<CohortView> {
    const cohort = await this.coached(actor, cohortId);
    const members = await this.deps.team.listMembers(cohortId);
    return { ...cohort, members: members.map(({ userId, name, email, sharing, joinedAt }) => ({ userId, name, email, sharing, joinedAt })) };
  }

  async removeMember(actor: UserRecord, cohortId: string, userId: string): Promise<void> {
    await this.coached(actor, cohortId);
    if (!(await this.deps.team.removeMember(cohortId, userId))) throw new LoopCoachError('user_not_found', `no member with id "${userId}" in this cohort`);
  }

  /** Each candidate's line: sessions, scores per topic and habit over time, this week's practice, stuck or not. */
  async dashboard(actor: UserRecord, cohortId: string): Promise<{ cohort: CohortRecord; candidates: DashboardRow[] }> {
    const cohort = await this.coached(actor, cohortId);
    const members = await this.deps.team.listMembers(cohortId);
    const today = this.now().toISOString().slice(0, 10);
    const candidates = await Promise.all(
      members.map(async (m) => {
        const visible = await this.visibleAttempts(m.userId, m.sharing);
        const dated = visible.flatMap((a): DashboardAttempt[] => {
          const topic = this.deps.coach.findQuestion(a.questionId)?.topic;
          return topic ? [{ ...a, topic }] : [];
        });
        const attempts = [...visible]
          .reverse()
          .map((a) => ({ id: a.id, sessionId: a.sessionId, questionId: a.questionId, prompt: a.prompt, score: a.score, answeredAt: a.answeredAt }));
        const summary = summariseCandidate(dated, today);
        // Sharing only chosen answers, with none shared: the coach learns nothing, not even "never practised".
        const stuck = m.sharing === 'shared' && visible.length === 0 ? null : summary.stuck;
        const exercises = m.sharing === 'all' ? await this.exerciseLines(m.userId) : [];
        return { userId: m.userId, name: m.name, email: m.email, sharing: m.sharing, summary: { ...summary, stuck }, attempts, exercises };
      }),
    );
    return { cohort, candidates };
  }

  /** One answer a member let the coach see, with its feedback and the comments on it. */
  async memberAttempt(actor: UserRecord, cohortId: string, attemptId: string) {
    await this.coached(actor, cohortId);
    const attempt = await this.visibleToCoach(cohortId, attemptId);
    return { attempt, sentences: splitSentences(attempt.answer), comments: await this.deps.team.listComments(attemptId) };
  }

  /** A coach's comment on one sentence of a visible answer. */
  async comment(actor: UserRecord, cohortId: string, attemptId: string, sentence: string, body: string): Promise<CommentRecord> {
    await this.coached(actor, cohortId);
    const attempt = await this.visibleToCoach(cohortId, attemptId);
    const anchor = sentence.trim();
    if (!splitSentences(attempt.answer).some((s) => s.trim() === anchor))
      throw new LoopCoachError('invalid_input', 'the comment must quote one sentence of the answer exactly');
    const comment = { id: randomUUID(), attemptId, cohortId, authorId: actor.id, sentence: anchor, body: body.trim(), createdAt: this.now().toISOString() };
    await this.deps.team.addComment(comment);
    return comment;
  }

  /** Comments coaches left on the actor's answers. */
  async commentsForMe(actor: UserRecord) {
    return this.deps.team.listCommentsOnAttemptsOf(actor.id);
  }

  /** The actor's own answers, newest first, each marked shared or not: what they may choose to share. */
  async myAnswers(actor: UserRecord, limit = 20) {
    const [attempts, shared] = await Promise.all([this.deps.attemptsOf(actor.id).listAll(), this.deps.team.listSharedAttemptIds(actor.id)]);
    return attempts
      .slice(-limit)
      .reverse()
      .map((a) => ({ id: a.id, questionId: a.questionId, prompt: a.prompt, score: a.score, answeredAt: a.answeredAt, shared: shared.has(a.id) }));
  }

  /** Shares one of the actor's answers with their coaches (or stops sharing it). */
  async share(actor: UserRecord, attemptId: string, shared: boolean): Promise<void> {
    const attempt = await this.deps.team.findAttempt(attemptId);
    if (!attempt || attempt.userId !== actor.id) throw new LoopCoachError('attempt_not_found', `you have no answer with id "${attemptId}"`);
    if (shared) await this.deps.team.shareAttempt(attemptId, actor.id, this.now().toISOString());
    else await this.deps.team.unshareAttempt(attemptId, actor.id);
  }

  async assign(actor: UserRecord, cohortId: string, input: AssignmentInput): Promise<AssignmentRecord> {
    await this.coached(actor, cohortId);
    if (input.spec.kind === 'questions') {
      const unknown = input.spec.questionIds.find((id) => !this.deps.coach.findQuestion(id));
      if (unknown) throw new LoopCoachError('question_not_found', `no question with id "${unknown}"`);
    }
    const assignment = { id: randomUUID(), cohortId, title: input.title.trim(), spec: input.spec, dueAt: input.dueAt, createdAt: this.now().toISOString() };
    await this.deps.team.addAssignment(assignment);
    return assignment;
  }

  /** The assignments of every cohort the actor belongs to, soonest due first, each marked done when its questions were answered since it was set. */
  async assignmentsForMe(actor: UserRecord) {
    const memberships = await this.deps.team.listMembershipsOf(actor.id);
    const names = new Map(memberships.map((m) => [m.cohortId, m.cohortName]));
    const assignments = await this.deps.team.listAssignments([...names.keys()]);
    const attempts = await this.deps.attemptsOf(actor.id).listAll();
    return assignments.map((a) => ({ ...a, cohortName: names.get(a.cohortId) ?? '', done: isDone(a, attempts) }));
  }

  /** Assignments of a cohort, for its coach. */
  async assignmentsOf(actor: UserRecord, cohortId: string): Promise<AssignmentRecord[]> {
    await this.coached(actor, cohortId);
    return this.deps.team.listAssignments([cohortId]);
  }

  private async coached(actor: UserRecord, cohortId: string): Promise<CohortRecord> {
    const cohort = await this.deps.team.findCohort(cohortId);
    if (!cohort || cohort.coachId !== actor.id) throw notFound(cohortId);
    return cohort;
  }

  /** Exercise attempts cannot be shared one by one, so only a member sharing all practice shows them. */
  private async exerciseLines(userId: string): Promise<ExerciseLine[]> {
    const attempts = (await this.deps.exerciseAttemptsOf?.(userId).listAll()) ?? [];
    const lines = new Map<string, ExerciseLine>();
    for (const a of attempts) {
      const count = (lines.get(a.exerciseId)?.attempts ?? 0) + 1;
      lines.delete(a.exerciseId);
      lines.set(a.exerciseId, {
        exerciseId: a.exerciseId,
        kind: a.kind,
        topic: a.topic,
        prompt: a.prompt,
        attempts: count,
        passed: a.result.passed,
        score: a.result.score,
        lastCheckedAt: a.checkedAt,
      });
    }
    return [...lines.values()].reverse();
  }

  private async visibleAttempts(userId: string, sharing: Sharing): Promise<AttemptRecord[]> {
    // A skipped prompt is not an answer: no score for a coach to read.
    const attempts = (await this.deps.attemptsOf(userId).listAll()).filter((a) => !a.skipped);
    if (sharing === 'all') return attempts;
    const shared = await this.deps.team.listSharedAttemptIds(userId);
    return attempts.filter((a) => shared.has(a.id));
  }

  /** The attempt when its owner is (still) a member of the cohort and lets the coach see it; not found otherwise. */
  private async visibleToCoach(cohortId: string, attemptId: string): Promise<AttemptRecord> {
    const attempt = await this.deps.team.findAttempt(attemptId);
    const member = attempt?.userId ? await this.deps.team.findMember(cohortId, attempt.userId) : undefined;
    const visible = member && (member.sharing === 'all' || (await this.deps.team.listSharedAttemptIds(member.userId)).has(attemptId));
    if (!attempt || !visible) throw new LoopCoachError('attempt_not_found', `no answer with id "${attemptId}" in this cohort`);
    return attempt;
  }
}

function isDone(assignment: AssignmentRecord, attempts: readonly AttemptRecord[]): boolean {
  const since = attempts.filter((a) => a.answeredAt >= assignment.createdAt && a.parentAttemptId === null);
  if (assignment.spec.kind === 'questions') {
    const answered = new Set(since.map((a) => a.questionId));
    return assignment.spec.questionIds.every((id) => answered.has(id));
  }
  return since.length >= assignment.spec.count;
}
