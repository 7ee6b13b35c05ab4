import type { Locator, Page } from 'playwright-core';

/** The Exercises screen: the list, one exercise with its code editor, checks, hints and solution. */
export class ExercisePage {
  readonly editor: Locator;
  readonly results: Locator;
  readonly failingLineMarks: Locator;

  constructor(private readonly page: Page) {
    this.editor = page.locator('.code-editor .cm-content');
    this.results = page.locator('.results li');
    this.failingLineMarks = page.locator('.code-editor .cm-lintRange-error');
  }

  async openList(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('link', { name: 'Exercises' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Exercises' }).waitFor();
  }

  async filterByKind(kind: string): Promise<void> {
    await this.page.getByLabel('Kind').selectOption(kind);
  }

  async open(promptStart: string): Promise<void> {
    await this.page.getByRole('link', { name: promptStart }).click();
    await this.editor.waitFor();
  }

  /** Replaces the editor's text as a paste would. */
  async replaceAnswer(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Replaces the editor's text through a real paste event (multi-line text keeps its indentation, as a paste does). */
  async pasteAnswer(text: string): Promise<void> {
    // On a loaded machine the click may land before the editor takes focus, and Ctrl+A then selects
    // the page: paste again until the editor holds exactly the pasted text.
    const compact = (s: string) => s.replace(/\s+/g, '');
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.editor.click();
      await this.editor.focus();
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Delete');
      await this.editor.evaluate((element, pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
      if (compact(await this.editor.innerText()) === compact(text)) return;
    }
    throw new Error('the editor did not take the pasted text');
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check' }).click();
    await this.page.locator('.results h2').waitFor();
  }

  heading(): Locator {
    return this.page.locator('.results h2');
  }

  async showHint(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show a hint' }).click();
  }
}
