import type { Locator, Page } from 'playwright-core';

/** The mock-interview screen: the prompt, the answer box, live feedback and, at the end, the report. */
export class InterviewPage {
  readonly answer: Locator;
  readonly prompt: Locator;
  readonly meta: Locator;
  /** The candidate's own sentences the live panel quotes as earning credit. */
  readonly liveCredited: Locator;
  readonly reportHeading: Locator;

  constructor(private readonly page: Page) {
    this.answer = page.getByLabel('Your answer');
    this.prompt = page.locator('main h1');
    this.meta = page.locator('.interview .meta');
    this.liveCredited = page.getByRole('complementary', { name: 'Live feedback' }).locator('.credited li');
    this.reportHeading = page.getByRole('heading', { name: /^Interview report: \d+\/100$/ });
  }

  /** Starts an interview from Home with the level and length given; topics by the names Home shows. */
  async startFromHome(baseUrl: string, level: string, count: number, topics: string[] = []): Promise<void> {
    await this.page.goto(baseUrl);
    for (const topic of topics) await this.page.getByRole('checkbox', { name: topic, exact: true }).check();
    await this.page.getByLabel('Level').selectOption(level);
    await this.page.getByLabel('Questions', { exact: true }).fill(String(count));
    await this.page.getByRole('button', { name: 'Start a mock interview' }).click();
    await this.page.getByText(/^Question 1 of/).waitFor();
  }

  /** Types like a person (key by key), so live feedback runs on pauses as it would for real. */
  async type(text: string): Promise<void> {
    await this.answer.click();
    await this.answer.pressSequentially(text, { delay: 3 });
  }

  /** Skips the prompt shown (a question or a follow-up) and waits for the next prompt or the report. */
  async skip(): Promise<void> {
    const before = await this.prompt.textContent();
    await this.page.getByRole('button', { name: 'Skip this question' }).click();
    await this.page.waitForFunction(
      (previous) => document.querySelector('main h1')?.textContent !== previous || document.querySelector('.report') !== null,
      before,
    );
  }

  /** Ends the interview now and waits for its report. */
  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'End interview' }).click();
    await this.page.locator('.report').waitFor();
  }

  /** Submits with Ctrl+Enter and waits until the next prompt or the report is shown. */
  async submit(): Promise<void> {
    const before = await this.prompt.textContent();
    await this.answer.press('Control+Enter');
    await this.page.waitForFunction((previous) => {
      const heading = document.querySelector('main h1')?.textContent;
      return heading !== previous || document.querySelector('.report') !== null;
    }, before);
  }
}
