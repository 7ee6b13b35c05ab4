// The web app in real Chromium against the real server (real HTTP, built front end, temp bank and database).
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../src/server/web-build.js';
import { writeQuestionBank } from './fixtures.js';
import { InterviewPage } from './page-models/interview.page.js';
import { LibraryPage } from './page-models/library.page.js';
import { PractisePage } from './page-models/practise.page.js';
import { keyTextsInPage } from './page-models/key.js';
import { QuestionPage } from './page-models/question.page.js';
import { startTestServer, type RunningServer } from './server.js';
import { docxBytes, fixture } from '../test/tailor/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e/web.test.ts skipped: ${CHROMIUM} is absent (install it with apt-get install chromium)`);

const SCREENSHOTS = join('test-results', 'screenshots');

/** The answer key of the fixture's sg-vs-nacl question: none of it may show before the submit. */
const SG_RUBRIC = [
  'Security groups are stateful; network ACLs are stateless.',
  'Security groups only allow; network ACLs allow and deny.',
  'Network ACLs apply to a whole subnet.',
];
const SG_KEY = [...SG_RUBRIC, 'In a VPC I ran', 'Security groups are stateless.', 'They are stateful.'];

describe('web bundle', () => {
  it('is the production build: at most 250 KB of gzipped JavaScript on first load, 400 KB with every lazy screen', async () => {
    const dist = await ensureWebBuilt();
    const assets = join(dist, 'assets');
    const index = readFileSync(join(dist, 'index.html'), 'utf8');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const gzipped = (f: string) => gzipSync(readFileSync(join(assets, f))).length;
    const initial = files.filter((f) => index.includes(f));
    expect(initial.length).toBeGreaterThan(0);
    // What every screen loads first; the code editor (Exercises) and the workers load only when used.
    expect(initial.reduce((n, f) => n + gzipped(f), 0)).toBeLessThanOrEqual(250_000);
    expect(files.reduce((n, f) => n + gzipped(f), 0)).toBeLessThanOrEqual(400_000);
    expect(files.some((f) => readFileSync(join(assets, f), 'utf8').includes('jsxDEV'))).toBe(false);
  }, 120_000);
});

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;
  let bankDir: string;
  let dbPath: string;

  beforeAll(async () => {
    bankDir = writeQuestionBank();
    dbPath = join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-db-')), 'test.db');
    server = await startTestServer(bankDir, dbPath);
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

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious, `accessibility on ${screen}`).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${screen}.png`), fullPage: true });
  }

  it('lets a user find a question, practise it with live feedback and get the full feedback', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      await expectAccessible(page, 'home');
      // Home's interview form: people's names for roles and topics, each label clear of its control.
      expect(await page.getByLabel('Role').locator('option:checked').textContent()).toBe('Solutions architect');
      await page.getByRole('checkbox', { name: 'Networking and security' }).waitFor();
      for (const label of ['Role', 'Level', 'Questions']) {
        const labelBox = (await page.locator('form.start label', { hasText: new RegExp(`^${label}$`) }).boundingBox())!;
        const controlBox = (await page.getByLabel(label, { exact: true }).boundingBox())!;
        expect(controlBox.y - (labelBox.y + labelBox.height), `space under the ${label} label`).toBeGreaterThanOrEqual(2);
      }

      const library = new LibraryPage(page);
      await library.openFromHome(baseUrl);
      await expect.poll(() => library.questions.count()).toBe(3);
      // Topics by their names, not their slugs.
      expect(await page.getByLabel('Topic', { exact: true }).locator('option').allTextContents()).toContain('Networking and security');
      expect(await page.locator('main').textContent()).not.toMatch(/networking-security|storage-databases/);
      // A prompt with code: the link shows its question, not the template.
      expect(
        await page.getByRole('link', { name: /^Review this CloudFormation snippet for a bucket that holds invoices\. What would you change\? …$/ }).count(),
      ).toBe(1);
      expect(await library.questions.allTextContents()).not.toContainEqual(expect.stringContaining('InvoiceBucket'));
      await library.filterBy('Topic', 'networking-security');
      await expect.poll(() => library.questions.count()).toBe(1);
      await library.searchService('SQS');
      await expect.poll(() => library.count.textContent()).toBe('0 questions');
      await library.searchService('');
      await expect.poll(() => library.questions.count()).toBe(1);
      await expectAccessible(page, 'library');

      await library.open('What is the difference between a security group and a network ACL?');
      const question = new QuestionPage(page);
      await question.heading().waitFor();
      expect(await question.modelAnswer.isVisible()).toBe(false);
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);
      await question.toggle.click();
      expect(await question.modelAnswer.textContent()).toContain('security groups were stateful');
      expect(await keyTextsInPage(page, SG_KEY)).toEqual(SG_KEY);
      await expectAccessible(page, 'question');

      await question.practise();
      const practise = new PractisePage(page);
      // Before a word is typed the panel judges nothing and the key is hidden.
      const panel = page.getByRole('complementary', { name: 'Live feedback' });
      await panel.getByText(/^Live feedback starts after your first sentence/).waitFor();
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);
      await practise.type('Security groups');
      await page.waitForTimeout(300);
      expect(await panel.textContent()).not.toMatch(/too short|off topic|\d+ words? is too short/i);
      await practise.type(' are stateful and network ACLs are stateless.');
      await practise.creditedSentences.first().waitFor();
      // Live feedback may first quote the sentence half-typed; it settles on the whole one.
      await expect.poll(() => practise.creditedSentences.first().textContent()).toBe('Security groups are stateful and network ACLs are stateless.');
      await expect.poll(() => practise.coverage.textContent()).toMatch(/^[1-3] of 3 points covered$/);
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);
      await expectAccessible(page, 'practise');
      // Hints are the rubric points, off until asked for.
      expect(await practise.hintsSwitch.isChecked()).toBe(false);
      await practise.hintsSwitch.check();
      expect(await keyTextsInPage(page, SG_KEY)).toEqual(SG_RUBRIC);
      await expectAccessible(page, 'practise-hints');
      await practise.hintsSwitch.uncheck();
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);

      // An over-long answer pauses live feedback with the reason; the answer stays as typed.
      const typed = await practise.answer.inputValue();
      await practise.answer.fill(`${'word '.repeat(4_000)}a`);
      await page.getByText(/^Live feedback paused: the answer has 20,?001 characters/).waitFor();
      await practise.answer.fill(typed);
      await page.getByText(/^Live feedback paused/).waitFor({ state: 'detached' });

      await practise.submitWithKeyboard();
      expect(await practise.report.getByRole('heading', { name: /^Score \d+\/100$/ }).isVisible()).toBe(true);
      expect(await practise.report.textContent()).toContain('In a VPC I ran');
      // After the submit the whole key is there: rubric, model answer, pitfalls.
      expect(await keyTextsInPage(page, SG_KEY)).toEqual(SG_KEY);
      await expectAccessible(page, 'feedback');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      for (const [screen, hash] of [
        ['home', ''],
        ['library', '#/library'],
        ['question', '#/questions/sg-vs-nacl'],
        ['question-code', '#/questions/template-bucket-review'],
        ['practise', '#/practise/sg-vs-nacl'],
        ['practise-code', '#/practise/template-bucket-review'],
        ['history', '#/history'],
        ['your-questions', '#/my-questions'],
        ['grade-any', '#/grade'],
      ] as const) {
        await page.goto(`${baseUrl}${hash}`);
        await page.locator('main h1').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal scroll on ${screen}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `${screen}-360px.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });

  it('runs a mock interview with live feedback and a follow-up, then finds it in History after a server restart', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      const interview = new InterviewPage(page);
      await interview.startFromHome(baseUrl, 'entry', 1, ['Networking and security']);
      expect(await interview.prompt.textContent()).toBe('What is the difference between a security group and a network ACL?');
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);

      // Live feedback while typing, before anything is submitted: the candidate's sentence, never the point.
      await interview.type('Security groups are stateful and network ACLs are stateless.');
      await interview.liveCredited.first().waitFor();
      await expect.poll(() => interview.liveCredited.first().textContent()).toBe('Security groups are stateful and network ACLs are stateless.');
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);
      await expectAccessible(page, 'interview-live');

      // A short answer leaves points open, so a follow-up comes next; it gets live feedback too.
      // The missed points stay hidden: one of them is what the follow-up is after.
      await interview.submit();
      await page.getByText(/follow-up/).waitFor();
      expect(await interview.prompt.textContent()).not.toBe('What is the difference between a security group and a network ACL?');
      await page.getByText(/^Your last answer: \d+\/100$/).waitFor();
      expect(await keyTextsInPage(page, SG_KEY)).toEqual([]);
      await expectAccessible(page, 'interview-follow-up');
      for (let turn = 0; turn < 4 && !(await interview.reportHeading.isVisible()); turn++) {
        await interview.type('Ephemeral ports must be open in the NACL, because it is stateless and return traffic is checked again.');
        await page.getByText('Score so far').waitFor();
        await interview.submit();
      }
      await interview.reportHeading.waitFor();
      await page.getByText('Model answer').click();
      await page.getByText('In a VPC I ran, security groups were stateful').waitFor();
      // The report reveals the key, missed points one per line.
      expect(await keyTextsInPage(page, SG_RUBRIC)).toEqual(SG_RUBRIC);
      // The main answer covered the first point only: the other two, one a line.
      expect(await page.locator('.report ul.missed').first().locator('li').allTextContents()).toEqual(SG_RUBRIC.slice(1));
      await expectAccessible(page, 'interview-report');

      // The session outlives the server: a new server on the same database file lists it.
      await server.stop();
      server = await startTestServer(bankDir, dbPath);
      baseUrl = server.baseUrl;
      await page.goto(`${baseUrl}#/history`);
      await page.getByText(/finished · \d+\/100/).waitFor();
      await page.getByRole('img', { name: /^Average score per topic, by day\. Networking and security: \d+ on \d{4}-\d\d-\d\d/ }).waitFor();
      await page.getByRole('img', { name: /^Habits raised per day/ }).waitFor();

      // Answer the same question again (through the API, as a script would): the attempts appear side by side.
      const api = (path: string, body: unknown) =>
        fetch(new URL(path, baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const again = await api('/api/sessions', { role: 'solutions-architect', level: 'entry', count: 1 });
      expect(again.next.questionId).toBe('sg-vs-nacl');
      await api(`/api/sessions/${again.session.id}/answers`, {
        answer:
          'In a VPC I ran, security groups were stateful and NACLs stateless; security groups only allow, NACLs allow and deny, and a NACL applies to the whole subnet. The downside is NACL mistakes are hard to spot. We blocked a bad range in 5 minutes.',
      });
      await page.reload();
      await page.getByRole('heading', { name: 'Attempts side by side' }).waitFor();
      await page.getByText(/^Attempt 2 · /).waitFor();
      // Attempts are titled by their prompt, with gains and losses.
      await page.getByRole('heading', { level: 3, name: 'What is the difference between a security group and a network ACL?' }).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/solutions-architect|networking-security/);
      await expectAccessible(page, 'history-progress');
      // At 390 px History fits without sideways scrolling; its chart text keeps a readable size.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const axisText = await page
        .locator('.chart svg text')
        .first()
        .evaluate((t) => (t as SVGTextElement).getBoundingClientRect().height);
      expect(axisText).toBeGreaterThanOrEqual(11);
      await page.screenshot({ path: join(SCREENSHOTS, 'history-390px.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });

      // An interview left unanswered can be continued from Home, beside today's suggestion.
      const unfinished = await api('/api/sessions', { role: 'solutions-architect', level: 'mid', count: 1 });
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Today' }).waitFor();
      await page.getByText(/^Suggested:/).waitFor();
      expect(await page.getByRole('link', { name: 'Practise it' }).getAttribute('href')).toBe('#/practise/sqs-decoupling');
      expect(await page.getByRole('link', { name: 'Continue it' }).getAttribute('href')).toBe(`#/interview/${unfinished.session.id}`);
      await page.getByText(/interviews? finished/).waitFor();
      await expectAccessible(page, 'home-today');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('imports a question file, practises it with live feedback, and keeps it when a bad file follows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-e2e-mine-'));
    const good = join(dir, 'lambda-cold-starts.yaml');
    writeFileSync(
      good,
      `id: lambda-cold-starts
topic: compute-serverless
levels: [mid]
kind: scenario
prompt: Users complain that the first request after a quiet spell is slow. The API runs on Lambda. What do you do?
rubric:
  - Confirm cold starts from the Init Duration in the logs.
  - Use provisioned concurrency for the latency-critical function.
  - Shrink the deployment package and move set-up work out of the handler.
modelAnswer: In our booking API I confirmed cold starts from the Init Duration in the logs. I used provisioned concurrency for the checkout function and shrank the deployment package. The trade-off is paying for idle capacity. The first-request latency fell from 2 s to 300 ms.
pitfalls:
  - claim: More memory never changes a cold start.
    correction: More memory also brings more CPU, which shortens the init phase.
followUps:
  - prompt: How would you prove it was a cold start?
    when: { missed: 1 }
  - prompt: What does provisioned concurrency cost you?
    when: { finding: no-tradeoff }
services: [AWS Lambda]
`,
    );
    const bad = join(dir, 'broken.yaml');
    writeFileSync(bad, 'id: broken\nrubric: [unclosed\n');
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}#/my-questions`);
      await page.getByRole('heading', { name: 'Your questions', level: 1 }).waitFor();
      await page.getByLabel('YAML file').setInputFiles(good);
      await page.getByRole('status').getByText('Imported 1 question from lambda-cold-starts.yaml: lambda-cold-starts.').waitFor();
      await page.getByText('Users complain that the first request after a quiet spell is slow.', { exact: false }).waitFor();
      await expectAccessible(page, 'your-questions');

      await page.getByLabel('YAML file').setInputFiles(bad);
      expect(await page.getByRole('alert').textContent()).toMatch(/Nothing was imported from broken\.yaml: not valid YAML/);
      expect(await page.getByRole('link', { name: 'Practise lambda-cold-starts' }).isVisible()).toBe(true);

      await page.getByRole('link', { name: 'Practise lambda-cold-starts' }).click();
      const practise = new PractisePage(page);
      await practise.type('I would confirm cold starts from the Init Duration in the logs first.');
      await practise.creditedSentences.first().waitFor();
      await expect
        .poll(() => practise.creditedSentences.first().textContent())
        .toContain('I would confirm cold starts from the Init Duration in the logs first.');
      await practise.submitWithKeyboard();
      expect(await practise.report.getByRole('heading', { name: /^Score \d+\/100$/ }).isVisible()).toBe(true);
      expect(await practise.report.textContent()).toContain('In our booking API');

      await page.goto(`${baseUrl}#/library`);
      await page.getByText('yours').first().waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('plans an interview from a pasted posting and an uploaded résumé, shows why each question is there, and starts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-e2e-tailor-'));
    const resume = join(dir, 'alex-cv.docx');
    writeFileSync(
      resume,
      await docxBytes(
        fixture('resume-backend.md')
          .split('\n')
          .filter((l) => l.trim()),
      ),
    );
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\nnot really a pdf\n%%EOF');
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await page.goto(baseUrl);
      await page.getByLabel('Job description (paste it)').fill(fixture('senior-solutions-architect.md'));
      await page.getByLabel('Your résumé (PDF, DOCX, text; optional)').setInputFiles(broken);
      await page.getByRole('button', { name: 'Plan my interview' }).click();
      expect(await page.getByRole('alert').textContent()).toMatch(/broken\.pdf could not be read as PDF \(the file looks damaged\)/);

      await page.getByLabel('Your résumé (PDF, DOCX, text; optional)').setInputFiles(resume);
      await page.getByLabel('Save the résumé').check();
      await page.getByRole('button', { name: 'Plan my interview' }).click();
      const plan = page.getByRole('region', { name: /^Your interview: Solutions architect, Senior$/ });
      await plan.waitFor();
      expect(await plan.getByText(/^Why: /).count()).toBeGreaterThan(0);
      expect(await plan.textContent()).toContain('Your résumé says');
      expect(await plan.textContent()).toContain('generated');
      await page.getByRole('button', { name: 'Delete alex-cv.docx' }).waitFor();
      await expectAccessible(page, 'home-tailor-plan');

      const firstPrompt = (await plan.locator('.plan-questions li > span').first().textContent())!;
      await page.getByRole('button', { name: 'Start this interview' }).click();
      await page.getByText(/^Question 1 of/).waitFor();
      // The plan lists each question by its title (its first sentence when long); the screen asks it whole.
      expect(await page.locator('main h1').textContent()).toContain(firstPrompt.replace(/ …$/, ''));

      await page.goto(baseUrl);
      await page.getByRole('button', { name: 'Delete alex-cv.docx' }).click();
      await page.getByRole('button', { name: 'Delete alex-cv.docx' }).waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('grades any question from its prompt alone, with Leadership Principles and the sentence that shows each', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const sent: unknown[] = [];
    page.on('request', (r) => r.url().endsWith('/api/grade') && sent.push(r.postDataJSON()));
    try {
      await page.goto(baseUrl);
      await page.getByRole('main').getByRole('link', { name: 'Grade any question' }).click();
      await page.getByRole('heading', { level: 1, name: 'Grade any question' }).waitFor();
      expect(await page.getByLabel('Kind of question').inputValue()).toBe('');
      expect(await page.getByLabel('Kind of question').locator('option:checked').textContent()).toBe('Let Loop Coach guess');
      await page.getByRole('button', { name: 'Grade my answer' }).click();
      expect(await page.getByRole('alert').textContent()).toBe('Paste the question you were asked first.');

      const prompt = 'Tell me about a time you disagreed with your manager.';
      const answer =
        'In 2023 I owned the payments API at a retailer. My manager wanted to ship without load tests and I pushed back because customers had seen timeouts in the last sale. I dug into the logs and found the root cause in a connection pool. I shipped the fix two days before the deadline and checkout errors fell from 3% to 0.2%.';
      await page.getByLabel('The question you were asked').fill(prompt);
      await page.getByLabel('Your answer').fill(answer);
      await page.getByRole('button', { name: 'Grade my answer' }).click();
      await page.getByRole('heading', { name: /^Score \d+\/100$/ }).waitFor();
      expect(sent.at(-1)).toEqual({ question: { prompt }, answer });
      await page.getByRole('heading', { name: 'Habits' }).waitFor();
      await page.getByRole('heading', { name: 'Services you named' }).waitFor();

      // Told it is a story, the principles it shows are listed, each with the candidate's sentence.
      await page.getByLabel('Kind of question').selectOption({ label: 'Behavioural' });
      await page.getByRole('button', { name: 'Grade my answer' }).click();
      await expect.poll(() => sent.length).toBe(2);
      expect(sent[1]).toEqual({ question: { prompt, kind: 'behavioral' }, answer });
      const backbone = page.locator('.principles li').filter({ hasText: 'Have Backbone; Disagree and Commit' });
      await backbone.waitFor();
      expect(await backbone.locator('q').textContent()).toBe(
        'My manager wanted to ship without load tests and I pushed back because customers had seen timeouts in the last sale.',
      );
      // The rubric section appears only when the engine had a rubric to judge against.
      const feedback = await (
        await fetch(new URL('/api/grade', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent[1]) })
      ).json();
      expect(await page.getByRole('heading', { name: /^Points covered: / }).count()).toBe(feedback.rubric.length > 0 ? 1 : 0);
      await expectAccessible(page, 'grade-any');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'grade-any-390px.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows code in a prompt as a code block, and one word target per kind of answer', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}#/practise/template-bucket-review`);
      await page
        .getByRole('heading', { level: 1, name: 'Review this CloudFormation snippet for a bucket that holds invoices. What would you change?' })
        .waitFor();
      const code = page.locator('pre.prompt-code');
      expect(await code.textContent()).toContain('InvoiceBucket:\n    Type: AWS::S3::Bucket');
      expect(await code.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/mono/i);
      // The long line scrolls inside its block; the page does not.
      expect(await code.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'practise-code-390px.png'), fullPage: true });

      const practise = new PractisePage(page);
      await practise.type('I would turn versioning on for the bucket.');
      await page.locator('.live .word-target').waitFor();
      expect(await page.locator('.live .word-target').textContent()).toBe(
        'Aim for 75–300 words: a technical answer needs the context, your choice, its downside and the result.',
      );
      // The too-short habit names the same target.
      await expect.poll(() => page.locator('.live .findings').textContent()).toContain('Aim for 75–300 words');
    } finally {
      await context.close();
    }
  });

  it('says import errors as a person would, and refuses the untouched template', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}#/my-questions`);
      await page.getByRole('button', { name: 'Start from a template' }).click();
      await page.getByRole('button', { name: 'Add' }).click();
      expect(await page.getByRole('alert').textContent()).toMatch(
        /^Nothing was imported from the text box: it still has the template's placeholder "Your question, as an interviewer would ask it\?"/,
      );
      expect(await page.locator('main ul.questions li').allTextContents()).not.toContainEqual(expect.stringContaining('my-first-question'));

      const yaml = await page.getByLabel('Question YAML').inputValue();
      const written = yaml
        .replace('Your question, as an interviewer would ask it?', 'How do you rotate an access key without downtime?')
        .replace(/rubric:\n(?: {2}- .*\n)+/, 'rubric:\n  - Create the second key before deleting the first.\n')
        .replace(
          'A strong answer in your own words, with a decision, its trade-off and a result.',
          'I created a second key, moved every client, then deleted the first.',
        )
        .replace('A wrong claim candidates make.', 'You must delete the old key first.')
        .replace('A follow-up for an answer that missed the first point?', 'What if a client still uses the old key?')
        .replace('id: my-first-question', 'id: rotate-keys');
      await page.getByLabel('Question YAML').fill(written);
      await page.getByRole('button', { name: 'Add' }).click();
      expect(await page.getByRole('alert').textContent()).toBe(
        'Nothing was imported from the text box: question 1 ("rotate-keys"): A question needs at least three rubric points.',
      );
      await expectAccessible(page, 'your-questions-error');
    } finally {
      await context.close();
    }
  });

  it('says so when a question does not exist', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}#/questions/no-such-question`);
      expect(await page.getByRole('alert').textContent()).toContain('no question with id "no-such-question"');
    } finally {
      await context.close();
    }
  });
});
