import type { Locator, Page } from 'playwright-core';

/** The practise screen: the answer box, the live panel and, after submitting, the report. */
export class PractisePage {
  readonly answer: Locator;
  readonly coveredPoints: Locator;
  readonly timer: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.answer = page.getByLabel('Your answer');
    this.coveredPoints = page.locator('.live .rubric li.covered');
    this.timer = page.getByRole('timer');
    this.report = page.locator('.report');
  }

  /** Types like a person (key by key), so live feedback runs on pauses as it would for real. */
  async type(text: string): Promise<void> {
    await this.answer.click();
    await this.answer.pressSequentially(text, { delay: 5 });
  }

  async submitWithKeyboard(): Promise<void> {
    await this.answer.press('Control+Enter');
    await this.report.waitFor();
  }
}
