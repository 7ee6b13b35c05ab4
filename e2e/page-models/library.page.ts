import type { Locator, Page } from 'playwright-core';

/** The question library: filters and the list of questions. */
export class LibraryPage {
  readonly questions: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.questions = page.locator('ul.questions > li');
    this.count = page.locator('p.count');
  }

  /** Opens the library from the home screen's link, as a user would. */
  async openFromHome(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('link', { name: 'choose a question' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Question library' }).waitFor();
  }

  async filterBy(label: 'Topic' | 'Level' | 'Kind', value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  async searchService(name: string): Promise<void> {
    await this.page.getByLabel('Service', { exact: true }).fill(name);
  }

  async open(prompt: string): Promise<void> {
    await this.page.getByRole('link', { name: prompt }).click();
  }
}
