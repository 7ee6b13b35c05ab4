import type { Coach } from '../coach.js';
import type { BankQuestion } from '../content/question.schema.js';
import { parseUserQuestions, questionPackYaml } from '../content/user-questions.js';
import { LoopCoachError } from '../errors.js';
import type { UserQuestionRepository } from '../store/user-question.repository.js';

/** Where a question comes from: the shipped bank, or the user's own. */
export type QuestionSource = 'bank' | 'yours';

export interface QuestionCatalogueDeps {
  coach: Coach;
  userQuestions: UserQuestionRepository;
  now?: () => Date;
}

/**
 * The bank plus the user's own questions, as one coach-like catalogue: sessions, progress and
 * the API find, list and grade both alike. The user's questions are held in memory and
 * refreshed from the store on every change.
 */
export class QuestionCatalogue implements Pick<Coach, 'questions' | 'findQuestion' | 'grade'> {
  private own = new Map<string, BankQuestion>();
  private readonly now: () => Date;

  private constructor(private readonly deps: QuestionCatalogueDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** A catalogue with the user's saved questions loaded. */
  static async open(deps: QuestionCatalogueDeps): Promise<QuestionCatalogue> {
    const catalogue = new QuestionCatalogue(deps);
    await catalogue.reload();
    return catalogue;
  }

  get questions(): readonly BankQuestion[] {
    return [...this.deps.coach.questions, ...this.own.values()];
  }

  findQuestion(id: string): BankQuestion | undefined {
    return this.deps.coach.findQuestion(id) ?? this.own.get(id);
  }

  readonly grade: Coach['grade'] = (question, answer, options) => this.deps.coach.grade(question, answer, options);

  sourceOf(id: string): QuestionSource {
    return this.own.has(id) ? 'yours' : 'bank';
  }

  /** The user's questions, oldest first. */
  yours(): BankQuestion[] {
    return [...this.own.values()];
  }

  /**
   * Imports YAML in the bank's schema (one question, a list, or several documents): all of it or
   * nothing. An id of the user's replaces that question; an id of the bank is refused.
   */
  async importYaml(text: string): Promise<BankQuestion[]> {
    const parsed = parseUserQuestions(text);
    const clash = parsed.find((p) => this.deps.coach.findQuestion(p.question.id));
    if (clash) throw new LoopCoachError('question_invalid', `the id "${clash.question.id}" belongs to a question of the bank: give yours another id`);
    const at = this.now().toISOString();
    const existing = new Map((await this.deps.userQuestions.list()).map((r) => [r.id, r]));
    await this.deps.userQuestions.saveAll(
      parsed.map((p) => ({
        id: p.question.id,
        source: p.source,
        question: p.question,
        createdAt: existing.get(p.question.id)?.createdAt ?? at,
        updatedAt: at,
      })),
    );
    await this.reload();
    return parsed.map((p) => p.question);
  }

  /** A YAML pack of the user's questions (`mine`), or of the bank and the user's questions together. */
  exportYaml({ mine = false }: { mine?: boolean } = {}): string {
    return questionPackYaml(mine ? this.yours() : this.questions, this.now().toISOString());
  }

  /** Removes one of the user's questions; question_not_found when there is none with that id. */
  async remove(id: string): Promise<void> {
    if (this.deps.coach.findQuestion(id)) throw new LoopCoachError('invalid_input', `"${id}" is a question of the bank, not one of yours`);
    if (!(await this.deps.userQuestions.delete(id))) throw new LoopCoachError('question_not_found', `you have no question with id "${id}"`);
    await this.reload();
  }

  private async reload(): Promise<void> {
    const records = await this.deps.userQuestions.list();
    this.own = new Map(records.map((r) => [r.id, r.question]));
  }
}
