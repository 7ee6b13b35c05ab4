import { randomUUID } from 'node:crypto';
import type { AnsweredPrompt, PractisedAnswer, SessionSummary, SkippedPrompt } from '../api/sessions.contract.js';
import type { Coach } from '../coach.js';
import type { BankQuestion } from '../content/question.schema.js';
import { chooseFollowUps, followUpQuestion, type ChosenFollowUp } from '../core/session/follow-ups.js';
import { pickExercise, planQuestions, ROLES, type PastScore, type Role } from '../core/session/plan.js';
import type { Exercise, ExerciseResult } from '../core/exercises/types.js';
import type { ExerciseAttemptRecord } from '../store/exercise.repository.js';
import type { ExerciseService } from './exercise.service.js';
import type { PendingPrompt } from '../core/session/pending.js';
import { buildReport, type AnsweredQuestion } from '../core/session/report.js';
import { LEVELS, TOPICS, type Feedback, type Level, type Topic } from '../core/types.js';
import { LoopCoachError } from '../errors.js';
import type { AttemptRecord, AttemptRepository } from '../store/attempt.repository.js';
import { isEditedTranscript, type SessionReportView, type SpokenInput } from '../core/session/spoken.js';
import { deliveryTrend } from '../core/delivery/trend.js';
import type { SessionRecord, SessionRepository } from '../store/session.repository.js';
import { compareAnswers } from '../core/session/progress.js';

export type { PendingPrompt, SessionReportView, SpokenInput };
export type { AnsweredPrompt, PractisedAnswer, SessionSummary, SkippedPrompt } from '../api/sessions.contract.js';

export interface StartOptions {
  role: string;
  level: string;
  topics?: string[];
  count?: number;
  /** Share (0–1) of behavioural questions. */
  mix?: number;
  /** Makes the plan reproducible; defaults to the session id. */
  seed?: string;
  /** A plan made elsewhere (from a job posting): these questions, in this order, instead of planning. */
  planned?: { questionIds: string[]; tailored: BankQuestion[] };
  /** Include one hands-on exercise when the role fits (the interview screen shows the editor and Check). */
  exercise?: boolean;
}

/** The hands-on exercise of an interview and the attempts made at it there, oldest first. */
export interface SessionExercise {
  exercise: Exercise;
  attempts: ExerciseAttemptRecord[];
}

/** An answer as progress, suggestions and plans read it: the attempt with its question's topic (null when the question is gone). */
export interface AnsweredAttempt extends AttemptRecord {
  topic: Topic | null;
}

export interface SessionServiceDeps {
  sessions: SessionRepository;
  attempts: AttemptRepository;
  coach: Pick<Coach, 'questions' | 'grade' | 'findQuestion'>;
  /** The exercises an interview may include; without it interviews have none. */
  exercises?: Pick<ExerciseService, 'list' | 'find' | 'attempt' | 'attemptsInSession' | 'passedIds'>;
  now?: () => Date;
  newId?: () => string;
}

/** What a skipped attempt stores as its feedback: nothing was said, so nothing is judged (it is never scored or shown). */
const SKIPPED_FEEDBACK: Feedback = {
  score: 0,
  rubric: [],
  structure: { framework: 'CCTR', parts: [] },
  findings: [],
  services: [],
  leadershipPrinciples: [],
  tips: [],
};

/** How many recent main attempts steer planning. */
const HISTORY_WINDOW = 50;

/** True when two pending prompts are the same question, follow-up and wording. */
function isSamePrompt(a: PendingPrompt | null, b: PendingPrompt): boolean {
  return a !== null && a.questionId === b.questionId && a.parentAttemptId === b.parentAttemptId && a.prompt === b.prompt;
}

function checkChoice<T extends string>(value: string, valid: readonly T[], what: string): T {
  if (!valid.includes(value as T)) throw new LoopCoachError('invalid_input', `unknown ${what} "${value}"; valid ${what}s: ${valid.join(', ')}`);
  return value as T;
}

/** Runs adaptive mock interviews: plan, ask, grade, follow up, report, resume. */
export class SessionService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  /** Questions written for loaded sessions (not in the bank), by id. */
  private readonly tailored = new Map<string, BankQuestion>();

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  private remember(session: SessionRecord): void {
    for (const q of session.plan.tailored ?? []) this.tailored.set(q.id, q);
  }

  /** A bank question, or one written for a loaded session. */
  private findQuestion(id: string): BankQuestion | undefined {
    return this.deps.coach.findQuestion(id) ?? this.tailored.get(id);
  }

  /** Plans and stores a new session; throws invalid_input for an unknown role, level or topic. */
  async start(options: StartOptions): Promise<SessionRecord> {
    const role: Role = checkChoice(options.role, ROLES, 'role');
    const level: Level = checkChoice(options.level, LEVELS, 'level');
    const topics: Topic[] = (options.topics ?? []).map((t) => checkChoice(t, TOPICS, 'topic'));
    const count = options.planned?.questionIds.length ?? options.count ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > 50) throw new LoopCoachError('invalid_input', 'the count must be a whole number from 1 to 50');
    const mix = options.mix ?? 0.2;
    const id = this.newId();
    const questionIds =
      options.planned?.questionIds ??
      planQuestions(this.deps.coach.questions, { role, level, topics, count, mix, history: await this.recentScores(), seed: options.seed ?? id });
    if (questionIds.length === 0)
      throw new LoopCoachError('invalid_input', `no questions in the bank for level ${level}${topics.length ? ` and topics ${topics.join(', ')}` : ''}`);
    const at = this.now().toISOString();
    const tailored = options.planned?.tailored ?? [];
    const exerciseId = options.exercise ? await this.planExercise(role, level, topics, options.seed ?? id) : undefined;
    const session: SessionRecord = {
      id,
      createdAt: at,
      updatedAt: at,
      status: 'in-progress',
      plan: {
        role,
        level,
        topics,
        count: questionIds.length,
        mix,
        questionIds,
        ...(tailored.length ? { tailored } : {}),
        ...(exerciseId ? { exerciseId } : {}),
      },
    };
    await this.deps.sessions.create(session);
    this.remember(session);
    return session;
  }

  private async planExercise(role: Role, level: Level, topics: Topic[], seed: string): Promise<string | undefined> {
    const exercises = this.deps.exercises;
    if (!exercises) return undefined;
    return pickExercise(exercises.list(), { role, level, topics, passed: await exercises.passedIds(), seed });
  }

  /** The interview's hands-on exercise and its attempts so far; null when it has none (or the exercise is gone). */
  async exercise(sessionId: string): Promise<SessionExercise | null> {
    const session = await this.get(sessionId);
    const exercise = session.plan.exerciseId ? this.deps.exercises?.find(session.plan.exerciseId) : undefined;
    if (!exercise || !this.deps.exercises) return null;
    return { exercise, attempts: await this.deps.exercises.attemptsInSession(session.id) };
  }

  /** Checks a submission to the interview's exercise and saves it with the session; invalid_input when the interview has none. */
  async checkExercise(sessionId: string, submission: string): Promise<ExerciseResult> {
    const found = await this.exercise(sessionId);
    if (!found) throw new LoopCoachError('invalid_input', `session "${sessionId}" includes no hands-on exercise`);
    return this.deps.exercises!.attempt(found.exercise, submission, sessionId);
  }

  /** The session, or session_not_found. */
  async get(sessionId: string): Promise<SessionRecord> {
    const session = await this.deps.sessions.find(sessionId);
    if (!session) throw new LoopCoachError('session_not_found', `no session with id "${sessionId}"; see \`loopcoach history\``);
    this.remember(session);
    return session;
  }

  /** A session that can still take answers, or session_finished. */
  async resumable(sessionId: string): Promise<SessionRecord> {
    const session = await this.get(sessionId);
    if (session.status === 'finished')
      throw new LoopCoachError('session_finished', `session "${sessionId}" is already finished; start a new one with \`loopcoach practice\``);
    return session;
  }

  /** What to ask next, derived from the stored attempts (so a resumed session continues where it stopped); null when done. */
  async next(sessionId: string): Promise<PendingPrompt | null> {
    const session = await this.get(sessionId);
    return this.pendingFrom(session, await this.deps.attempts.listBySession(sessionId));
  }

  /** What the session asks after these attempts; null when nothing is left (or it was ended, or it was a question practised alone). */
  private pendingFrom(session: SessionRecord, attempts: AttemptRecord[]): PendingPrompt | null {
    if (session.status === 'finished' || session.kind === 'practice') return null;
    const ids = session.plan.questionIds;
    for (const [i, questionId] of ids.entries()) {
      const question = this.findQuestion(questionId);
      if (!question) continue; // removed from the bank since planning
      const base = { sessionId: session.id, questionId, position: i + 1, total: ids.length };
      const main = attempts.find((a) => a.questionId === questionId && a.parentAttemptId === null);
      if (!main) return { ...base, prompt: question.prompt, parentAttemptId: null };
      if (main.skipped) continue; // a skipped question earns no follow-up
      const followUp = this.pendingFollowUp(question, main, attempts);
      if (followUp) return { ...base, prompt: followUp.prompt, parentAttemptId: main.id };
    }
    return null;
  }

  private pendingFollowUp(question: BankQuestion, main: AttemptRecord, attempts: AttemptRecord[]): ChosenFollowUp | undefined {
    const answered = attempts.filter((a) => a.parentAttemptId === main.id).length;
    return chooseFollowUps(question, main.feedback)[answered];
  }

  /**
   * Grades an answer to the pending prompt and saves it as one attempt, exactly once: the save
   * re-reads the session's attempts in its transaction and is refused (answer_conflict) when
   * another answer took this prompt meanwhile.
   */
  async answer(pending: PendingPrompt, text: string, startedAt: Date): Promise<Feedback> {
    const outcome = await this.gradeAndRecord(await this.get(pending.sessionId), pending, text, startedAt);
    if (outcome.status === 'replayed') return outcome.attempt.feedback;
    return outcome.feedback;
  }

  private async gradeAndRecord(session: SessionRecord, pending: PendingPrompt, text: string, startedAt: Date, idempotencyKey?: string, spoken?: SpokenInput) {
    const question = this.findQuestion(pending.questionId);
    if (!question) throw new LoopCoachError('question_not_found', `question "${pending.questionId}" is no longer in the bank`);
    const graded = pending.parentAttemptId === null ? question : await this.followUpFor(question, pending);
    const feedback = this.deps.coach.grade(graded, text);
    const answeredAt = this.now();
    const attempt: AttemptRecord = {
      id: this.newId(),
      sessionId: pending.sessionId,
      questionId: pending.questionId,
      parentAttemptId: pending.parentAttemptId,
      prompt: pending.prompt,
      answer: text,
      feedback,
      score: feedback.score,
      startedAt: startedAt.toISOString(),
      answeredAt: answeredAt.toISOString(),
      durationMs: Math.max(0, answeredAt.getTime() - startedAt.getTime()),
      idempotencyKey: idempotencyKey ?? null,
      spoken: spokenRecordOf(text, spoken),
    };
    const outcome = await this.deps.attempts.record(attempt, (saved) => isSamePrompt(this.pendingFrom(session, saved), pending));
    if (outcome.status === 'conflict') {
      throw new LoopCoachError(
        'answer_conflict',
        `another answer to "${pending.prompt.slice(0, 60)}" was recorded at the same time; reload the session to see what it asks now`,
      );
    }
    return outcome.status === 'saved' ? { status: 'saved' as const, feedback, attemptId: attempt.id } : outcome;
  }

  /**
   * Answers whatever the session asks next, in one call: grades and saves the attempt, finishes
   * the session when nothing is left, and says what comes next. With an idempotency key, a
   * retry of an answer already recorded returns that first result and records nothing new.
   */
  async answerNext(sessionId: string, text: string, startedAt: Date, idempotencyKey?: string, spoken?: SpokenInput): Promise<AnsweredPrompt> {
    const session = await this.get(sessionId);
    const attempts = await this.deps.attempts.listBySession(session.id);
    const earlier = idempotencyKey ? attempts.find((a) => a.idempotencyKey === idempotencyKey) : undefined;
    if (earlier) return this.replay(session, earlier);
    if (session.status === 'finished')
      throw new LoopCoachError('session_finished', `session "${sessionId}" is already finished; start a new one with \`loopcoach practice\``);
    const pending = this.pendingFrom(session, attempts);
    if (!pending) throw new LoopCoachError('session_finished', `session "${session.id}" has nothing left to answer`);
    const outcome = await this.gradeAndRecord(session, pending, text, startedAt, idempotencyKey, spoken);
    if (outcome.status === 'replayed') return this.replay(session, outcome.attempt);
    const finished = await this.finishIfDone(session.id);
    return { attemptId: outcome.attemptId, answered: pending, feedback: outcome.feedback, next: finished ? null : await this.next(session.id), finished };
  }

  /** The result of an answer recorded earlier under the same idempotency key, as it was first returned. */
  private async replay(session: SessionRecord, attempt: AttemptRecord): Promise<AnsweredPrompt> {
    const answered: PendingPrompt = {
      sessionId: session.id,
      questionId: attempt.questionId,
      prompt: attempt.prompt,
      parentAttemptId: attempt.parentAttemptId,
      position: session.plan.questionIds.indexOf(attempt.questionId) + 1,
      total: session.plan.questionIds.length,
    };
    const next = await this.next(session.id);
    return { attemptId: attempt.id, answered, feedback: attempt.feedback, next, finished: next === null };
  }

  /**
   * Skips whatever the session asks next: it is kept as a skipped attempt (no answer, no score,
   * no follow-up), and the session moves on, finishing when nothing is left.
   */
  async skipNext(sessionId: string): Promise<SkippedPrompt> {
    const session = await this.resumable(sessionId);
    const pending = this.pendingFrom(session, await this.deps.attempts.listBySession(session.id));
    if (!pending) throw new LoopCoachError('session_finished', `session "${session.id}" has nothing left to answer`);
    const at = this.now().toISOString();
    const attempt: AttemptRecord = {
      id: this.newId(),
      sessionId: session.id,
      questionId: pending.questionId,
      parentAttemptId: pending.parentAttemptId,
      prompt: pending.prompt,
      answer: '',
      feedback: SKIPPED_FEEDBACK,
      score: 0,
      startedAt: at,
      answeredAt: at,
      durationMs: 0,
      skipped: true,
    };
    const outcome = await this.deps.attempts.record(attempt, (saved) => isSamePrompt(this.pendingFrom(session, saved), pending));
    if (outcome.status === 'conflict')
      throw new LoopCoachError(
        'answer_conflict',
        `another answer to "${pending.prompt.slice(0, 60)}" was recorded at the same time; reload the session to see what it asks now`,
      );
    const finished = await this.finishIfDone(session.id);
    return { skipped: pending, next: finished ? null : await this.next(session.id), finished };
  }

  /** Ends a session early: it is finished, and its report covers what was answered. Ending a finished session changes nothing. */
  async end(sessionId: string): Promise<SessionReportView> {
    const session = await this.get(sessionId);
    if (session.status !== 'finished') await this.deps.sessions.setStatus(session.id, 'finished', this.now().toISOString());
    return this.report(session.id);
  }

  /**
   * Grades one answer to one question practised alone and saves it as an attempt (a finished
   * one-question session of kind 'practice', written in one transaction), so it shows in
   * history and progress and moves the question's re-practice date. Returns the feedback beside
   * the previous answer to the same question, with what was gained and lost since. A spoken
   * answer keeps its transcript and delivery with the attempt, as in an interview.
   */
  async practise(questionId: string, text: string, startedAt: Date, spoken?: SpokenInput): Promise<PractisedAnswer> {
    if (text.trim() === '') throw new LoopCoachError('invalid_input', 'the answer is empty; write or record an answer before submitting');
    // Read first: it also finds questions written for earlier sessions (tailored ones).
    const earlier = (await this.answeredAttempts()).filter((a) => a.questionId === questionId && a.parentAttemptId === null).at(-1);
    const question = this.findQuestion(questionId);
    if (!question) throw new LoopCoachError('question_not_found', `no question with id "${questionId}"`);
    const feedback = this.deps.coach.grade(question, text);
    const answeredAt = this.now();
    const at = answeredAt.toISOString();
    const id = this.newId();
    const session: SessionRecord = {
      id,
      createdAt: at,
      updatedAt: at,
      status: 'finished',
      kind: 'practice',
      plan: {
        role: '',
        level: question.levels[0] ?? '',
        topics: [question.topic],
        count: 1,
        mix: 0,
        questionIds: [questionId],
        ...(this.deps.coach.findQuestion(questionId) ? {} : { tailored: [question] }),
      },
    };
    const attempt: AttemptRecord = {
      id: this.newId(),
      sessionId: id,
      questionId,
      parentAttemptId: null,
      prompt: question.prompt,
      answer: text,
      feedback,
      score: feedback.score,
      startedAt: startedAt.toISOString(),
      answeredAt: at,
      durationMs: Math.max(0, answeredAt.getTime() - startedAt.getTime()),
      spoken: spokenRecordOf(text, spoken),
    };
    await this.deps.attempts.saveWithSession(session, attempt);
    const previous = earlier
      ? { answer: earlier.answer, score: earlier.score, answeredAt: earlier.answeredAt, ...compareAnswers(earlier.feedback, feedback) }
      : null;
    return { sessionId: id, attemptId: attempt.id, prompt: question.prompt, feedback, previous };
  }

  /**
   * Every answered attempt (skipped ones left out), oldest first, with its question's topic:
   * the one source of truth for what was answered and how it scored. Questions written for a
   * session (from a job posting or résumé) are found in their session's plan.
   */
  async answeredAttempts(): Promise<AnsweredAttempt[]> {
    for (const session of await this.deps.sessions.list()) this.remember(session);
    const attempts = (await this.deps.attempts.listAll()).filter((a) => !a.skipped);
    return attempts.map((a) => ({ ...a, topic: this.findQuestion(a.questionId)?.topic ?? null }));
  }

  /** Grades an answer to what the session asks next without saving anything (live feedback). */
  async preview(sessionId: string, text: string): Promise<Feedback> {
    const session = await this.resumable(sessionId);
    const pending = await this.next(session.id);
    if (!pending) throw new LoopCoachError('session_finished', `session "${session.id}" has nothing left to answer`);
    const question = this.findQuestion(pending.questionId);
    if (!question) throw new LoopCoachError('question_not_found', `question "${pending.questionId}" is no longer in the bank`);
    const graded = pending.parentAttemptId === null ? question : await this.followUpFor(question, pending);
    return this.deps.coach.grade(graded, text);
  }

  private async followUpFor(question: BankQuestion, pending: PendingPrompt) {
    const attempts = await this.deps.attempts.listBySession(pending.sessionId);
    const main = attempts.find((a) => a.id === pending.parentAttemptId);
    const chosen = main ? chooseFollowUps(question, main.feedback).find((f) => f.prompt === pending.prompt) : undefined;
    if (!chosen) throw new LoopCoachError('invalid_input', `"${pending.prompt}" is not a pending follow-up of session ${pending.sessionId}`);
    // The parent's prompt and the candidate's own answer are what a follow-up follows on from.
    return followUpQuestion({ kind: question.kind, level: question.levels[0], prompt: `${question.prompt}\n\n${main!.answer}` }, chosen);
  }

  /** Marks the session finished when nothing is left to ask; returns whether it is finished. */
  async finishIfDone(sessionId: string): Promise<boolean> {
    if ((await this.next(sessionId)) !== null) return false;
    await this.deps.sessions.setStatus(sessionId, 'finished', this.now().toISOString());
    return true;
  }

  /** The report of a session from what was answered so far. */
  async report(sessionId: string): Promise<SessionReportView> {
    await this.get(sessionId);
    const all = await this.deps.attempts.listBySession(sessionId);
    const attempts = all.filter((a) => !a.skipped);
    const skipped = all.filter((a) => a.skipped).map((a) => ({ id: a.questionId, prompt: a.prompt, isFollowUp: a.parentAttemptId !== null }));
    const answered: AnsweredQuestion[] = attempts
      .filter((a) => a.parentAttemptId === null)
      .map((main) => ({
        id: main.questionId,
        topic: this.findQuestion(main.questionId)?.topic ?? 'architecture-devops',
        prompt: main.prompt,
        answer: main.answer,
        feedback: main.feedback,
        followUps: attempts.filter((a) => a.parentAttemptId === main.id).map((f) => ({ prompt: f.prompt, answer: f.answer, feedback: f.feedback })),
      }));
    return { ...buildReport(sessionId, answered), ...(skipped.length > 0 ? { skipped } : {}), ...spokenOf(attempts) };
  }

  /** The model answer of a bank question, for the report. */
  modelAnswer(questionId: string): string | undefined {
    return this.findQuestion(questionId)?.modelAnswer;
  }

  /** Every session, newest first, with how far it got and its score so far. */
  async history(): Promise<SessionSummary[]> {
    const sessions = await this.deps.sessions.list();
    return Promise.all(
      sessions.map(async (s) => {
        const all = (await this.deps.attempts.listBySession(s.id)).filter((a) => a.parentAttemptId === null);
        const mains = all.filter((a) => !a.skipped);
        const score = mains.length === 0 ? null : Math.round(mains.reduce((n, a) => n + a.score, 0) / mains.length);
        const kind = s.kind ?? 'interview';
        const title = kind === 'practice' ? (all[0]?.prompt ?? null) : null;
        return {
          id: s.id,
          createdAt: s.createdAt,
          status: s.status,
          kind,
          title,
          role: s.plan.role,
          level: s.plan.level,
          answered: mains.length,
          skipped: all.length - mains.length,
          total: s.plan.questionIds.length,
          score,
        };
      }),
    );
  }

  /** Recent main-question scores with their topics, oldest first, for planning. */
  private async recentScores(): Promise<PastScore[]> {
    const attempts = (await this.answeredAttempts()).filter((a) => a.parentAttemptId === null).slice(-HISTORY_WINDOW);
    return attempts.flatMap((a) => (a.topic ? [{ questionId: a.questionId, topic: a.topic, score: a.score }] : []));
  }
}

/** What is saved of a spoken answer: the recording's transcript, segments and delivery, and whether the answer graded differs from the transcript. */
function spokenRecordOf(text: string, spoken: SpokenInput | undefined): AttemptRecord['spoken'] {
  return spoken ? { ...spoken, isEdited: isEditedTranscript(text, spoken.transcript) } : null;
}

/** The spoken answers of a session and their delivery over the session. */
function spokenOf(attempts: AttemptRecord[]): Pick<SessionReportView, 'delivery' | 'spoken'> {
  const spoken = attempts.flatMap((a) =>
    a.spoken
      ? [{ ...a.spoken, attemptId: a.id, questionId: a.questionId, parentAttemptId: a.parentAttemptId, prompt: a.prompt, answeredAt: a.answeredAt }]
      : [],
  );
  return {
    delivery: deliveryTrend(spoken),
    spoken: spoken.map(({ answeredAt: _answeredAt, ...view }) => view),
  };
}
