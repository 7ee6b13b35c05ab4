// The web app in real Chromium against the real server (real HTTP, built front end, temp bank and database).
import { AxeBuilder } from '@axe-core/playwright';
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../src/coach.js';
import { composeServerApp } from '../src/server/compose.js';
import { openStore } from '../src/store/open-store.js';
import { staticFiles } from '../src/server/static.js';
import { ensureWebBuilt } from '../src/server/web-build.js';
import { writeQuestionBank } from './fixtures.js';
import { LibraryPage } from './page-models/library.page.js';
import { PractisePage } from './page-models/practise.page.js';
import { QuestionPage } from './page-models/question.page.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e/web.test.ts skipped: ${CHROMIUM} is absent (install it with apt-get install chromium)`);

const SCREENSHOTS = join('test-results', 'screenshots');

describe('web bundle', () => {
  it('is the production build and stays within 250 KB of gzipped JavaScript', async () => {
    const assets = join(await ensureWebBuilt(), 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.reduce((n, s) => n + gzipSync(s).length, 0)).toBeLessThanOrEqual(250_000);
    expect(scripts.some((s) => s.includes('jsxDEV'))).toBe(false);
  }, 120_000);
});

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: ServerType;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    process.env.LOOPCOACH_DB = join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-db-')), 'test.db');
    const dist = await ensureWebBuilt();
    const coach = await createCoach({ questionDir: writeQuestionBank() });
    const store = await openStore(process.env.LOOPCOACH_DB);
    const app = composeServerApp({ coach, store, staticHandler: staticFiles(dist) });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
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

      const library = new LibraryPage(page);
      await library.openFromHome(baseUrl);
      await expect.poll(() => library.questions.count()).toBe(2);
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
      await question.toggle.click();
      expect(await question.modelAnswer.textContent()).toContain('security groups were stateful');
      await expectAccessible(page, 'question');

      await question.practise();
      const practise = new PractisePage(page);
      await practise.type('Security groups are stateful and network ACLs are stateless.');
      await practise.coveredPoints.first().waitFor();
      expect(await practise.coveredPoints.first().textContent()).toContain('Security groups are stateful and network ACLs are stateless.');
      await expectAccessible(page, 'practise');

      await practise.submitWithKeyboard();
      expect(await practise.report.getByRole('heading', { name: /^Score \d+\/100$/ }).isVisible()).toBe(true);
      expect(await practise.report.textContent()).toContain('In a VPC I ran');
      await expectAccessible(page, 'feedback');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      for (const [screen, hash] of [['home', ''], ['library', '#/library'], ['question', '#/questions/sg-vs-nacl'], ['practise', '#/practise/sg-vs-nacl']] as const) {
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

  it('runs a mock interview from Home to the report, then lists it in History', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      await page.getByLabel('Level').selectOption('entry');
      await page.getByLabel('Questions').fill('1');
      await page.getByRole('button', { name: 'Start a mock interview' }).click();
      await page.getByText(/^Question 1 of 1/).waitFor();
      await expectAccessible(page, 'interview');
      for (let turn = 0; turn < 4 && !(await page.getByRole('heading', { name: /^Interview report/ }).isVisible()); turn++) {
        await page.getByLabel('Your answer').fill('In a VPC I ran, security groups were stateful and NACLs stateless; I used a NACL deny for one range. The downside is NACL mistakes are hard to spot. We blocked it in 5 minutes.');
        await page.getByLabel('Your answer').press('Control+Enter');
        await page.waitForFunction(() => !document.querySelector('form button[disabled]') || document.querySelector('.report'));
        await page.waitForTimeout(300);
      }
      await page.getByRole('heading', { name: /^Interview report: \d+\/100$/ }).waitFor();
      await expectAccessible(page, 'interview-report');
      await page.goto(`${baseUrl}#/history`);
      await page.getByText(/finished · \d+\/100/).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

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
