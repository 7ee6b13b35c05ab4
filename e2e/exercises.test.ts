// The Exercises screen in real Chromium against the real server: editor, Check, marked lines, hints, solution.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from './fixtures.js';
import { ExercisePage } from './page-models/exercise.page.js';
import { startTestServer, type RunningServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e/exercises.test.ts skipped: ${CHROMIUM} is absent (install it with apt-get install chromium)`);
const SCREENSHOTS = join('test-results', 'screenshots');

describe.skipIf(!hasChromium)('Exercises screen in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer(writeQuestionBank(), join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-ex-')), 'test.db'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('checks the starter, marks the failing line, then passes with a fixed policy and shows the solution', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      const exercises = new ExercisePage(page);
      await exercises.openList(server.baseUrl);
      await exercises.filterByKind('iam-policy');
      await exercises.open('The orders service reads and writes items in the DynamoDB table Orders');
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Not yet/);
      await expect.poll(() => exercises.failingLineMarks.count()).toBeGreaterThan(0);
      await exercises.showHint();
      await expect.poll(() => page.locator('.hints li').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'exercise-failing.png'), fullPage: true });

      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'], Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }],
      });
      await exercises.replaceAnswer(policy);
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Passed: 8 of 8/);
      await page.getByRole('heading', { name: 'Solution' }).waitFor();
      expect(await exercises.failingLineMarks.count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'exercise-passed.png'), fullPage: true });

      await exercises.openList(server.baseUrl);
      await page.getByLabel('Or paste it').fill('id: own\nkind: cloudformation\ntopic: architecture-devops\nlevels: [entry]\nprompt: Declare one queue\nstarter: "Resources: {}"\nchecks:\n  - resource: { type: AWS::SQS::Queue, count: 1 }\nsolution: x\nexplanation: y\n');
      await page.getByRole('button', { name: 'Open' }).click();
      await exercises.editor.waitFor();
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Not yet: 0 of 1/);
    } finally {
      await context.close();
    }
  }, 60_000);
});
