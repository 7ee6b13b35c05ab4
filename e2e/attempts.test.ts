// Every graded answer is an attempt, in real Chromium against the real server: a question
// practised alone is saved (History, Home's suggestion), "Improve this answer" compares with the
// previous attempt, and a mock interview can skip a question and end early.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQuestionBank } from './fixtures.js';
import { InterviewPage } from './page-models/interview.page.js';
import { PractisePage } from './page-models/practise.page.js';
import { startTestServer, type RunningServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e/attempts.test.ts skipped: ${CHROMIUM} is absent (install it with apt-get install chromium)`);

const SCREENSHOTS = join('test-results', 'screenshots');
const SG_PROMPT = 'What is the difference between a security group and a network ACL?';

const MY_QUESTION = `id: idle-dev-fleet
topic: cost-finops
levels: [mid]
kind: scenario
prompt: How would you cut the cost of idle development instances?
rubric:
  - Stop the instances outside working hours with a schedule.
  - Right-size them from their CloudWatch CPU and memory figures.
  - Tag them by owner so each team sees its own spend.
modelAnswer: In our team the dev fleet ran all night. I scheduled a stop outside working hours, right-sized the instances from their CloudWatch figures and tagged them by owner. The trade-off is a slower first start in the morning. The bill fell 45%.
pitfalls:
  - claim: Stopped instances still cost the full hourly price.
    correction: A stopped instance costs nothing for compute, only for its volumes.
followUps:
  - prompt: How would you stop people switching the schedule off?
    when: { missed: 1 }
  - prompt: What does stopping cost you?
    when: { finding: no-tradeoff }
services: [Amazon EC2]
`;

describe.skipIf(!hasChromium)('every attempt kept, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer(writeQuestionBank(), join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-attempts-')), 'test.db'));
    baseUrl = server.baseUrl;
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

  it('saves a suggested question practised alone, moves the suggestion on, and compares an improved answer with the previous one', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      const suggestion = page.locator('.suggestion');
      await expect.poll(() => suggestion.textContent()).toContain(SG_PROMPT);
      await suggestion.getByRole('link', { name: 'Practise it' }).click();
      const practise = new PractisePage(page);
      await practise.answer.fill('Security groups are stateful and network ACLs are stateless.');
      await practise.submitWithKeyboard();
      await practise.report.getByText('Saved to your history.').waitFor();
      expect(await practise.comparison().count()).toBe(0);

      // Improve this answer: the new attempt beside the previous one, titled by the prompt, gains and losses.
      await practise.improve();
      await practise.answer.fill('Security groups only allow traffic, while network ACLs allow and deny it.');
      await practise.submitWithKeyboard();
      const comparison = practise.comparison();
      await comparison.waitFor();
      expect(await comparison.getByRole('heading', { level: 3 }).textContent()).toBe(`Beside your previous answer: ${SG_PROMPT}`);
      expect(await comparison.locator('.changes.gain').first().textContent()).toContain('Security groups only allow; network ACLs allow and deny.');
      expect(await comparison.locator('.changes.loss').first().textContent()).toContain('Security groups are stateful; network ACLs are stateless.');
      expect(await comparison.textContent()).toContain('Security groups are stateful and network ACLs are stateless.');
      await page.screenshot({ path: join(SCREENSHOTS, 'practise-compare.png'), fullPage: true });

      // Home suggests something else now; History lists both attempts and compares them by prompt.
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Today' }).waitFor();
      await expect.poll(async () => (await suggestion.count()) === 0 || !(await suggestion.textContent())!.includes(SG_PROMPT)).toBe(true);
      // Practice alone counts on Home too: the streak and the weakest topic, by its name.
      await expect.poll(() => page.locator('.glance').textContent()).toMatch(/1 day streak.*Weakest topic: Networking and security \(\d+\)/);
      expect(await page.locator('.glance').textContent()).not.toMatch(/interviews? finished/);
      await page.goto(`${baseUrl}#/history`);
      await expect.poll(() => page.getByRole('link', { name: new RegExp(`Practised: ${SG_PROMPT}`) }).count()).toBe(2);
      await expect.poll(() => page.getByRole('heading', { level: 3, name: SG_PROMPT }).count()).toBe(1);
      // Progress is drawn from the practised answers: the topic chart is there.
      await page.locator('figcaption', { hasText: 'Average score per topic, by day' }).waitFor();
      expect(await page.getByText('Answer a few questions to see your scores over time.').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'history-practice.png'), fullPage: true });
      // A practised answer opens as a practice report, not an interview's.
      await page
        .getByRole('link', { name: new RegExp(`Practised: ${SG_PROMPT}`) })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /^Practice report: \d+\/100$/ }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
      // On a 390 px phone the practised prompts wrap: no sideways scroll.
      await page.setViewportSize({ width: 390, height: 800 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('exports your questions as a YAML pack from "Your questions"', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}#/my-questions`);
      await page.getByText('No questions of your own yet.').waitFor();
      expect(await page.getByRole('link', { name: /^Export your questions/ }).count()).toBe(0);
      await page.getByLabel('Question YAML').fill(MY_QUESTION);
      await page.getByRole('button', { name: 'Add' }).click();
      const exportLink = page.getByRole('link', { name: 'Export your questions (YAML)' });
      await exportLink.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
      expect(download.suggestedFilename()).toBe('loopcoach-questions.yaml');
      const pack = readFileSync((await download.path())!, 'utf8');
      expect(pack).toMatch(/^# Loop Coach question pack: 1 question,/);
      expect(pack).toContain('id: idle-dev-fleet');
      expect(pack).toContain('prompt: How would you cut the cost of idle development instances?');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('skips a question and ends a mock interview early, with a report on what was answered', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      const interview = new InterviewPage(page);
      await interview.startFromHome(baseUrl, 'mid', 2, ['Networking and security', 'Compute and serverless']);
      const first = await interview.prompt.textContent();
      await interview.skip();
      await page.getByText(/^Question 2 of 2/).waitFor();
      expect(await interview.prompt.textContent()).not.toBe(first);
      await interview.type('A queue decouples the producer from the consumer, so a slow consumer never blocks uploads.');
      await interview.submit();
      await interview.end();
      await page.getByRole('heading', { level: 1, name: /^Interview report: \d+\/100$/ }).waitFor();
      const skipped = page.locator('ul.skipped li');
      expect(await skipped.allTextContents()).toEqual([first]);
      expect(await page.locator('.report > ol > li').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'interview-ended.png'), fullPage: true });
      await page.goto(`${baseUrl}#/history`);
      await page.getByText(/finished · \d+\/100 · 1 skipped/).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});
