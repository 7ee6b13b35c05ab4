import type { Locator, Page } from 'playwright-core';

/** The practise screen: the answer box, the live panel and, after submitting, the report. */
export class PractisePage {
  readonly answer: Locator;
  /** The candidate's own sentences the live panel quotes as earning credit. */
  readonly creditedSentences: Locator;
  readonly coverage: Locator;
  readonly hintsSwitch: Locator;
  readonly timer: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.answer = page.getByLabel('Your answer');
    this.creditedSentences = page.locator('.live .credited li');
    this.coverage = page.locator('.live .coverage');
    this.hintsSwitch = page.getByRole('switch', { name: /^Show hints/ });
    this.timer = page.getByRole('timer');
    this.report = page.locator('.report');
  }

  /** Types like a person (key by key), so live feedback runs on pauses as it would for real. */
  async type(text: string): Promise<void> {
    await this.answer.click();
    await this.answer.pressSequentially(text, { delay: 5 });
  }

  /** After feedback: back to the answer box, the answer kept, to improve it. */
  async improve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Improve this answer' }).click();
    await this.answer.waitFor();
  }

  /** The comparison with the previous answer, shown after an answer to a question answered before. */
  comparison(): Locator {
    return this.page.getByRole('article', { name: /^Beside your previous answer:/ });
  }

  async submitWithKeyboard(): Promise<void> {
    await this.answer.press('Control+Enter');
    await this.report.waitFor();
  }
}
