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
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
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
      // The editor is styled despite the page's strict style-src: line numbers sit beside the text.
      const gutter = (await page.locator('.code-editor .cm-gutters').boundingBox())!;
      const content = (await exercises.editor.boundingBox())!;
      expect(gutter.x + gutter.width).toBeLessThanOrEqual(content.x + 1);
      expect(Math.abs(gutter.y - content.y)).toBeLessThan(10);
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Not yet/);
      await expect.poll(() => exercises.failingLineMarks.count()).toBeGreaterThan(0);
      await exercises.showHint();
      await expect.poll(() => page.locator('.hints li').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'exercise-failing.png'), fullPage: true });

      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
            Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders',
          },
        ],
      });
      await exercises.replaceAnswer(policy);
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Passed: 8 of 8/);
      await page.getByRole('heading', { name: 'Solution' }).waitFor();
      expect(await exercises.failingLineMarks.count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'exercise-passed.png'), fullPage: true });

      // Your own exercise: imported (stored), listed with the shipped ones, checked like them.
      await exercises.openList(server.baseUrl);
      await page
        .getByLabel('Or paste it')
        .fill(
          'id: own\nkind: cloudformation\ntopic: architecture-devops\nlevels: [entry]\nprompt: Declare one queue\nstarter: "Resources: {}"\nchecks:\n  - resource: { type: AWS::SQS::Queue, count: 1 }\nsolution: x\nexplanation: y\n',
        );
      await page.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Imported own from the text box.');
      // Listed with the shipped ones (marked as yours) and under Your exercises, after a reload too.
      await page.reload();
      await expect
        .poll(() => page.locator('.exercise-list li', { hasText: 'Declare one queue' }).first().locator('.meta').textContent())
        .toBe('cloudformation · entry · yours');
      await page.getByRole('list', { name: 'Your exercises' }).getByRole('link', { name: 'Declare one queue' }).click();
      await exercises.editor.waitFor();
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Not yet: 0 of 1/);

      // History lists every attempt, newest first, with its checks and submission.
      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('heading', { name: 'Exercise attempts' }).waitFor();
      const attempts = page.locator('.exercise-attempts > li');
      await expect.poll(() => attempts.count()).toBe(3);
      expect(await attempts.nth(0).locator('.meta').textContent()).toMatch(/cloudformation · not yet · 0 of 1 checks$/);
      expect(await attempts.nth(1).locator('.meta').textContent()).toMatch(/iam-policy · passed · 8 of 8 checks$/);
      await attempts.nth(1).getByText('Checks and submission').click();
      expect(await attempts.nth(1).locator('pre').textContent()).toBe(policy);
      await page.getByRole('heading', { name: 'Exercises over time' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'exercise-history.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a mock interview with a hands-on exercise: the editor after the questions, Check, then the report with its result', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(server.baseUrl);
      await page.getByLabel('Role', { exact: true }).selectOption('sre');
      await page.getByLabel('Level').selectOption('entry');
      await page.getByLabel('Questions', { exact: true }).fill('1');
      await page.getByRole('checkbox', { name: /Include a hands-on exercise/ }).check();
      await page.getByRole('button', { name: 'Start a mock interview' }).click();
      await page.getByText(/^Question 1 of 1/).waitFor();
      const exerciseStep = page.getByRole('region', { name: 'Hands-on exercise' });
      for (let turn = 0; turn < 4 && !(await exerciseStep.isVisible()); turn++) {
        await page
          .locator('#interview-answer')
          .fill('Security groups are stateful and network ACLs are stateless, so return traffic needs ephemeral ports open in the ACL.');
        await page.locator('#interview-answer').press('Control+Enter');
        await page.waitForFunction(
          () => document.querySelector('[aria-label="Hands-on exercise"]') !== null || !document.querySelector('#interview-answer')?.hasAttribute('disabled'),
        );
        await page.waitForTimeout(300);
      }
      await exerciseStep.waitFor();
      const exercises = new ExercisePage(page);
      await exercises.editor.waitFor();
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Not yet/);
      await page.getByRole('button', { name: 'Show the solution' }).click();
      const solution = (await page.locator('.solution pre code').textContent())!;
      await exercises.pasteAnswer(solution);
      await exercises.check();
      await expect.poll(() => exercises.heading().textContent()).toMatch(/^Passed/);
      await page.screenshot({ path: join(SCREENSHOTS, 'interview-exercise.png'), fullPage: true });
      await page.getByRole('button', { name: 'See the interview report →' }).click();
      await page.getByRole('heading', { name: /^Interview report: \d+\/100$/ }).waitFor();
      await page.getByRole('heading', { name: 'Hands-on exercise' }).waitFor();
      expect(await page.locator('.exercise-verdict').textContent()).toMatch(/^Passed: (\d+) of \1 checks \(2 attempts\)$/);
      await page.screenshot({ path: join(SCREENSHOTS, 'interview-exercise-report.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 90_000);
});
