// The whole class in real Chromium against a real team-mode server (built front end, SQLite file):
// an admin creates a coach and two candidates, the coach a cohort and an assignment, both
// candidates join by link and practise, the coach sees the dashboard and comments on a sentence,
// and the candidate sees the comment on Home; a candidate then changes what the coach sees and leaves.
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../src/coach.js';
import { composeTeamServerApp } from '../src/server/compose.js';
import { staticFiles } from '../src/server/static.js';
import { ensureWebBuilt } from '../src/server/web-build.js';
import { composeAccountService } from '../src/services/compose.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { writeQuestionBank } from './fixtures.js';
import { InterviewPage } from './page-models/interview.page.js';
import { TeamPage } from './page-models/team.page.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e/team.test.ts skipped: ${CHROMIUM} is absent (install it with apt-get install chromium)`);
const SCREENSHOTS = join('test-results', 'screenshots');
const PASSWORD = 'a long class password';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasChromium)('a class in team mode, in Chromium', () => {
  let server: ServerType;
  let store: Store;
  let close: () => Promise<void>;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const db = join(mkdtempSync(join(tmpdir(), 'loopcoach-e2e-team-')), 'team.db');
    store = await openStore(db);
    await composeAccountService(store).addUser({ email: 'admin@school.test', name: 'Ada Admin', role: 'admin', password: PASSWORD });
    const dist = await ensureWebBuilt();
    const composed = await composeTeamServerApp({
      coach: await createCoach({ questionDir: writeQuestionBank() }),
      store,
      staticHandler: staticFiles(dist),
      policy: { port, publicOrigin: baseUrl },
      databaseLocation: db,
    });
    close = composed.close;
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: composed.app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
    });
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
    await new Promise((resolve) => server?.close(resolve));
    await close?.();
    await store?.close();
  });

  /** A browser of one's own: each person has their own cookies. */
  async function person(): Promise<{ page: Page; team: TeamPage }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    return { page, team: new TeamPage(page) };
  }

  it('runs from accounts to a comment the candidate reads', async () => {
    const admin = await person();
    await admin.team.signIn(baseUrl, 'admin@school.test', PASSWORD);
    await admin.team.addAccount('coach@school.test', 'Cleo Coach', 'coach', PASSWORD);
    await admin.team.addAccount('ann@school.test', 'Ann', 'candidate', PASSWORD);
    await admin.team.addAccount('bob@school.test', 'Bob', 'candidate', PASSWORD);
    await admin.page.screenshot({ path: join(SCREENSHOTS, 'team-accounts.png'), fullPage: true });

    const coach = await person();
    await coach.team.signIn(baseUrl, 'coach@school.test', PASSWORD);
    const invite = await coach.team.createCohort('Autumn class');
    expect(invite).toMatch(new RegExp(`^${baseUrl}/#/join/`));
    await coach.team.openCohort('Autumn class');
    await coach.team.setMockAssignment('Networking warm-up', '2030-01-15', 1);

    const ann = await person();
    await ann.team.signIn(baseUrl, 'ann@school.test', PASSWORD);
    await ann.team.join(invite, 'All my practice');
    const bob = await person();
    await bob.team.signIn(baseUrl, 'bob@school.test', PASSWORD);
    await bob.team.join(invite, 'Only answers I share');

    // Both practise: one mock-interview question each, from Home, where the assignment shows.
    for (const [who, answer] of [
      [ann, 'Security groups are stateful. Network ACLs are stateless and apply to a whole subnet.'],
      [bob, 'Security groups filter traffic.'],
    ] as const) {
      await who.page.goto(baseUrl);
      await who.page.getByText('Networking warm-up').waitFor();
      const interview = new InterviewPage(who.page);
      await interview.startFromHome(baseUrl, 'entry', 1, ['Networking and security']);
      await interview.type(answer);
      await interview.submit();
    }

    await coach.team.openCohort('Autumn class');
    const annRow = coach.team.row('Ann');
    await expect.poll(() => annRow.locator('td').nth(1).textContent()).toBe('1');
    expect(await coach.team.row('Bob').getByRole('link').count()).toBe(0);
    expect(await coach.team.row('Bob').textContent()).toContain('shares chosen answers only');
    await coach.page.screenshot({ path: join(SCREENSHOTS, 'team-dashboard.png'), fullPage: true });
    await annRow.getByRole('link', { name: /sg-vs-nacl/ }).click();
    await coach.team.commentOnSentence('Security groups are stateful.', 'Say what stateful means for return traffic.');
    await coach.page.screenshot({ path: join(SCREENSHOTS, 'team-comment.png'), fullPage: true });

    await ann.page.goto(baseUrl);
    const comment = ann.page.locator('.comments li').filter({ hasText: 'Say what stateful means for return traffic.' });
    await comment.waitFor();
    expect(await comment.locator('blockquote').textContent()).toBe('Security groups are stateful.');
    expect(await ann.page.locator('.my-coaching').textContent()).toContain('done');
    await ann.page.screenshot({ path: join(SCREENSHOTS, 'team-candidate-home.png'), fullPage: true });
    await bob.page.goto(baseUrl);
    await bob.page.getByText('No comments yet.').waitFor();

    // Bob shares his answer from Home; the coach can open it at once.
    await bob.page.getByRole('checkbox', { name: /security group and a network ACL/ }).check();
    await expect.poll(() => bob.page.getByRole('checkbox', { name: /security group and a network ACL/ }).isChecked()).toBe(true);
    await coach.team.openCohort('Autumn class');
    await coach.team
      .row('Bob')
      .getByRole('link', { name: /sg-vs-nacl/ })
      .waitFor();

    // Home says what a team server keeps, not that everything stays on this machine.
    await ann.page.goto(baseUrl);
    const lead = ann.page.locator('.home .lead');
    expect(await lead.textContent()).toContain('stored on this team server');
    expect(await lead.textContent()).toContain('never leave your device');
    expect(await ann.page.getByText('Everything runs on this machine').count()).toBe(0);

    // Ann shares only chosen answers from now on, then leaves the cohort: the coach sees it at once.
    await ann.team.setSharing('Autumn class', 'only the answers you share');
    await ann.page.screenshot({ path: join(SCREENSHOTS, 'team-membership.png'), fullPage: true });
    await coach.team.openCohort('Autumn class');
    await expect.poll(() => coach.team.row('Ann').textContent()).toContain('shares chosen answers only');
    expect(await coach.team.row('Ann').getByRole('link').count()).toBe(0);
    await ann.team.leaveCohort('Autumn class');
    await coach.team.openCohort('Autumn class');
    await coach.team.row('Bob').waitFor();
    expect(await coach.team.row('Ann').count()).toBe(0);
  }, 180_000);
});
