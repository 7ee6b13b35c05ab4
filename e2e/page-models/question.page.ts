import type { Locator, Page } from 'playwright-core';

/** One question read in the library: rubric, hidden model answer, "Practise this question". */
export class QuestionPage {
  readonly modelAnswer: Locator;
  readonly toggle: Locator;

  constructor(private readonly page: Page) {
    this.modelAnswer = page.locator('#model-answer');
    this.toggle = page.getByRole('button', { name: /model answer/ });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async practise(): Promise<void> {
    await this.page.getByRole('link', { name: 'Practise this question' }).click();
    await this.page.getByLabel('Your answer').waitFor();
  }
}
