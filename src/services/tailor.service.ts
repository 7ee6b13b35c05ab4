import { randomUUID } from 'node:crypto';
import type { TailoredPlan } from '../api/tailor.contract.js';
import type { Coach } from '../coach.js';
import { extractTextFromBytes } from '../content/documents.js';
import { skillScores } from '../core/tailor/history.js';
import { LoopCoachError } from '../errors.js';
import type { DocumentKind, DocumentRepository, DocumentSummary } from '../store/document.repository.js';
import type { SessionRecord } from '../store/session.repository.js';
import { buildInterviewPlan, planForSession, type InterviewPlan } from './plan.service.js';
import type { PendingPrompt, SessionService } from './session.service.js';

/** A document as the user hands it over: pasted text, an uploaded file, or one saved before. */
export type DocumentInput = { text: string } | { file: { name: string; bytes: Buffer } } | { documentId: string };

export type { TailoredPlan } from '../api/tailor.contract.js';

export interface TailorRequest {
  posting: DocumentInput;
  resume?: DocumentInput;
  count?: number;
  /** Which of the given documents to keep in the database; nothing is kept unless asked. */
  save?: { posting?: boolean; resume?: boolean };
}

export interface TailorServiceDeps {
  coach: Coach;
  documents: DocumentRepository;
  /** Plans sessions, and is the one source of what was answered and how it scored. */
  sessions: SessionService;
  findQuestion: Coach['findQuestion'];
  now?: () => Date;
  newId?: () => string;
}

const WHAT: Record<DocumentKind, string> = { posting: 'job description', resume: 'résumé' };

/** Interviews tailored to a job posting and a résumé: plan, start, and the documents the user saved. */
export class TailorService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: TailorServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** Reads the documents, plans the interview (gaps weighed by the user's history), saves what was asked. */
  async plan(request: TailorRequest): Promise<TailoredPlan> {
    const { plan, saved } = await this.planWithDocuments(request);
    return {
      role: plan.role,
      level: plan.level,
      skills: plan.skills,
      services: plan.services,
      questions: plan.questions.map((q) => ({ id: q.id, prompt: q.prompt, reason: q.reason, generated: q.generated })),
      gaps: plan.gaps,
      saved,
    };
  }

  /** Plans as `plan` does and starts a mock interview of exactly those questions. */
  async start(request: TailorRequest): Promise<{ session: SessionRecord; next: PendingPrompt | null }> {
    const { plan } = await this.planWithDocuments(request);
    const session = await this.deps.sessions.start({ role: plan.role, level: plan.level, planned: planForSession(plan, this.deps) });
    return { session, next: await this.deps.sessions.next(session.id) };
  }

  /** Saved documents, newest first, without their text. */
  listDocuments(): Promise<DocumentSummary[]> {
    return this.deps.documents.list();
  }

  /** Deletes a saved document and its text; document_not_found when there is none with that id. */
  async deleteDocument(id: string): Promise<void> {
    if (!(await this.deps.documents.delete(id))) throw new LoopCoachError('document_not_found', `no saved document with id "${id}"`);
  }

  private async planWithDocuments(request: TailorRequest): Promise<{ plan: InterviewPlan; saved: TailoredPlan['saved'] }> {
    const posting = await this.read(request.posting, 'posting');
    const resume = request.resume ? await this.read(request.resume, 'resume') : undefined;
    const history = await this.history();
    const plan = buildInterviewPlan(this.deps.coach, {
      jobDescription: posting.text,
      ...(resume ? { resume: resume.text } : {}),
      ...(request.count ? { count: request.count } : {}),
      history,
    });
    const saved: TailoredPlan['saved'] = {};
    if (request.save?.posting) saved.posting = await this.keep(posting, 'posting');
    if (request.save?.resume && resume) saved.resume = await this.keep(resume, 'resume');
    return { plan, saved };
  }

  private async read(input: DocumentInput, kind: DocumentKind): Promise<{ text: string; name: string; savedId?: string }> {
    if ('text' in input) {
      const text = input.text.trim();
      if (!text) throw new LoopCoachError('invalid_input', `the ${WHAT[kind]} is empty; paste its text or choose a file`);
      return { text, name: kind === 'posting' ? 'pasted job description' : 'pasted résumé' };
    }
    if ('file' in input) return { text: await extractTextFromBytes(input.file.bytes, input.file.name, WHAT[kind]), name: input.file.name };
    const saved = await this.deps.documents.find(input.documentId);
    if (!saved) throw new LoopCoachError('document_not_found', `no saved document with id "${input.documentId}"`);
    return { text: saved.text, name: saved.name, savedId: saved.id };
  }

  private async keep(doc: { text: string; name: string; savedId?: string }, kind: DocumentKind): Promise<string> {
    if (doc.savedId) return doc.savedId;
    const id = this.newId();
    await this.deps.documents.save({ id, kind, name: doc.name, text: doc.text, createdAt: this.now().toISOString() });
    return id;
  }

  /**
   * Past main-question scores per skill, for the gap report, from the one source of answered
   * attempts (questions practised alone and written for earlier plans included: a question no
   * longer known is read from its prompt and the services the answer named).
   */
  private async history(): Promise<Record<string, number>> {
    const attempts = (await this.deps.sessions.answeredAttempts()).filter((a) => a.parentAttemptId === null);
    return skillScores(
      attempts.map((a) => {
        const q = this.deps.findQuestion(a.questionId);
        return { questionText: q ? [q.prompt, ...q.rubric, ...q.services].join(' ') : [a.prompt, ...a.feedback.services].join(' '), score: a.score };
      }),
    );
  }
}
