// The web app in real Chromium against the real server on a free port.
import { AxeBuilder } from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryPage } from './page-models/library.page.js';
import { PractisePage } from './page-models/practise.page.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const canRun = existsSync(CHROMIUM) && existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
if (!canRun) console.warn(`skipping browser tests: ${existsSync(CHROMIUM) ? 'run `npm run build` first' : `${CHROMIUM} is absent (apt-get install -y chromium)`}`);

let server: ChildProcess;
let browser: Browser;
let baseUrl: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe.skipIf(!canRun)('web app in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn('node', [join(root, 'bin', 'loopcoach.js'), 'serve'], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
      server.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('running at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('lets a user find a question, practise it with live feedback and submit from the keyboard', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const library = new LibraryPage(page);
    await library.open(baseUrl);
    await library.filterByTopic('networking-security');
    await page.waitForFunction(() => document.querySelectorAll('.questions a').length > 0);
    await page.screenshot({ path: join(shots, 'library.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/#/questions/security-groups-vs-nacls`);
    await page.getByRole('button', { name: 'Show model answer' }).click();
    await expect(page.locator('#model-answer').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(shots, 'question.png'), fullPage: true });

    const practise = new PractisePage(page);
    await practise.open(baseUrl, 'security-groups-vs-nacls');
    await practise.type('Security groups are stateful, so return traffic is allowed automatically, while network ACLs are stateless and need rules in both directions.');
    await page.waitForFunction(() => document.querySelectorAll('.live .rubric li.covered').length > 0, undefined, { timeout: 5_000 });
    expect(await practise.coveredPoints().count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'practise-live.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await practise.submitWithKeyboard();
    await page.screenshot({ path: join(shots, 'feedback.png'), fullPage: true });
    expect(await page.getByRole('heading', { name: 'Next time' }).isVisible()).toBe(true);
    await context.close();
  });

  it('fits a phone-width screen without horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/#/library', '/#/practise/security-groups-vs-nacls']) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(shots, `phone-${path.split('/')[2]}.png`), fullPage: true });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.scroll, `${path}: page is ${widths.scroll}px wide in a ${widths.view}px viewport`).toBeLessThanOrEqual(widths.view);
    }
    await page.close();
  });
});
