import type { Locator, Page } from 'playwright-core';

/** Answering out loud on the practise screen: Record/Stop, the transcript, the review after submitting. */
export class RecordPage {
  readonly record: Locator;
  readonly stop: Locator;
  readonly answer: Locator;
  readonly status: Locator;
  readonly liveScore: Locator;
  readonly transcriptState: Locator;
  readonly delivery: Locator;
  readonly player: Locator;
  readonly sentences: Locator;
  readonly keepRecordings: Locator;

  constructor(page: Page) {
    this.record = page.getByRole('button', { name: 'Record' });
    this.stop = page.getByRole('button', { name: 'Stop' });
    this.answer = page.getByLabel('Your answer');
    this.status = page.locator('.record-status');
    this.liveScore = page.locator('.live .live-score strong');
    this.transcriptState = page.locator('.transcript-state');
    this.delivery = page.getByLabel('Delivery');
    this.player = page.locator('.spoken audio');
    this.sentences = page.locator('.spoken .sentences button');
    this.keepRecordings = page.getByRole('checkbox', { name: /Keep recordings/ });
  }
}
