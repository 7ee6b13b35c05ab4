import type { Locator, Page } from 'playwright-core';

/** "Use camera" beside Record, its self-view, and the "On camera" part of the review. */
export class CameraPage {
  readonly useCamera: Locator;
  readonly selfView: Locator;
  readonly ready: Locator;
  readonly calibrating: Locator;
  readonly alert: Locator;
  readonly report: Locator;

  constructor(page: Page) {
    this.useCamera = page.getByLabel('Use camera');
    this.selfView = page.getByLabel('Your camera (self-view)');
    this.ready = page.getByText('Fit your face inside the oval');
    this.calibrating = page.locator('.calibrating');
    this.alert = page.locator('.camera-option [role="alert"]');
    this.report = page.getByLabel('On camera', { exact: true });
  }

  /** The figure after a measure's name in the report (e.g. "Face visible" → "100% of the time"). */
  async measure(name: string): Promise<string> {
    return (await this.report.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
  }
}
