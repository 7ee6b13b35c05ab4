import type { Page } from 'playwright-core';

/** Team mode's screens: sign-in, accounts, cohorts, join, dashboard, a candidate's answer. */
export class TeamPage {
  constructor(private readonly page: Page) {}

  async signIn(baseUrl: string, email: string, password: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('heading', { name: 'Sign in to Loop Coach' }).waitFor();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('link', { name: 'Cohorts' }).waitFor();
  }

  async addAccount(email: string, name: string, role: string, password: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Accounts' }).click();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Role').selectOption(role);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Add account' }).click();
    await this.page
      .getByRole('status')
      .filter({ hasText: `Added ${email}.` })
      .waitFor();
  }

  /** Creates a cohort and returns its invite link. */
  async createCohort(name: string): Promise<string> {
    await this.page.getByRole('link', { name: 'Cohorts' }).click();
    await this.page.getByLabel('New cohort').fill(name);
    await this.page.getByRole('button', { name: 'Create cohort' }).click();
    const link = this.page.getByLabel(`Invite link for ${name}`);
    await link.waitFor();
    return link.inputValue();
  }

  async openCohort(name: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Cohorts' }).click();
    await this.page.getByRole('link', { name }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async setMockAssignment(title: string, due: string, count: number): Promise<void> {
    await this.page.getByLabel('Title').fill(title);
    await this.page.getByLabel('Due').fill(due);
    await this.page.getByLabel('Mock interview questions').fill(String(count));
    await this.page.getByLabel('Level').selectOption('entry');
    await this.page.getByRole('button', { name: 'Set assignment' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Assignment set.' }).waitFor();
  }

  async join(inviteUrl: string, sharing: 'All my practice' | 'Only answers I share'): Promise<void> {
    await this.page.goto(inviteUrl);
    await this.page.getByRole('heading', { name: 'Join a cohort' }).waitFor();
    await this.page.getByLabel(sharing).check();
    await this.page.getByRole('button', { name: 'Join' }).click();
    await this.page.getByRole('status').filter({ hasText: 'You joined' }).waitFor();
  }

  /** On the cohort dashboard: the candidate's row. */
  row(name: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  async commentOnSentence(sentence: string, body: string): Promise<void> {
    await this.page.getByRole('button', { name: sentence, exact: true }).click();
    await this.page.getByLabel(/^Comment on/).fill(body);
    await this.page.getByRole('button', { name: 'Add comment' }).click();
    await this.page.locator('.comments li').filter({ hasText: body }).waitFor();
  }

  /** On Cohorts: what the coach of a cohort the user belongs to may see. */
  async setSharing(cohortName: string, choice: 'all your practice' | 'only the answers you share'): Promise<void> {
    await this.page.getByRole('link', { name: 'Cohorts' }).click();
    const select = this.page.getByLabel(`What the coach of ${cohortName} sees`);
    const reloaded = this.page.waitForResponse((r) => r.url().endsWith('/api/cohorts') && r.request().method() === 'GET');
    await select.selectOption({ label: choice });
    await reloaded;
  }

  /** On Cohorts: leaves a cohort, confirming. */
  async leaveCohort(cohortName: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Cohorts' }).click();
    await this.page.getByRole('button', { name: 'Leave cohort' }).click();
    await this.page.getByRole('button', { name: `Leave ${cohortName}` }).click();
    await this.page.getByLabel(`What the coach of ${cohortName} sees`).waitFor({ state: 'detached' });
  }
}
