import type { Page } from 'playwright-core';

/** The texts of the answer key (rubric points, model answer, pitfalls) that are in the page's DOM, hidden or not. */
export async function keyTextsInPage(page: Page, key: readonly string[]): Promise<string[]> {
  const text = (await page.evaluate(() => document.body.textContent ?? '')).replace(/\s+/g, ' ');
  return key.filter((k) => text.includes(k));
}
