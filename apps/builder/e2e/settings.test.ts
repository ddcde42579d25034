// The admin settings screens in real Chromium against the shared stack: users and roles, API keys, workspace
// settings and the audit log; what marketers and analysts see of them, and what the API answers them.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './support/api-session';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
let browser: Browser;
const opened: SignedInPage[] = [];
const tag = randomUUID().slice(0, 6);

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  for (const signedIn of opened.splice(0)) {
    expect(signedIn.errors).toEqual([]);
    await signedIn.context.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

async function open(role: 'admin' | 'marketer' | 'analyst') {
  const signedIn = await signedInPage(browser, stack, role);
  opened.push(signedIn);
  return signedIn;
}

/** Accepts the window.confirm the next click opens. */
function acceptNextConfirm(page: Page) {
  page.once('dialog', (confirm) => void confirm.accept());
}

interface Member {
  id: string;
  email: string;
  role: string;
  status: string;
}

describe('the admin settings screens', () => {
  const inviteeEmail = `invitee-${tag}@loa-e2e.test`;
  const keyName = `CRM ${tag}`;

  it('lets an admin invite a user, who joins with the token shown once, then change their role and deactivate them', async () => {
    const { page } = await open('admin');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('heading', { name: 'Users and roles', level: 1 }).waitFor();

    await page.getByLabel('Email').fill(inviteeEmail);
    await page.getByLabel('Role', { exact: true }).selectOption('analyst');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.getByText(`Invitation created for ${inviteeEmail}`).waitFor();
    const link = new URL((await secret.getByTestId('secret-value').textContent())!);
    expect(`${link.origin}${link.pathname}`).toBe(`${stack.builderUrl}/invitations/accept`);
    const token = link.searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(20);
    const invitation = page.locator(`[data-testid="invitation-row"][data-email="${inviteeEmail}"]`);
    expect(await invitation.locator('[data-status]').getAttribute('data-status')).toBe('pending');

    await secret.getByRole('button', { name: 'I have saved it' }).click();
    await secret.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('invitation-list').waitFor();
    expect(await page.content()).not.toContain(token);

    // The invitee opens the link in a browser of their own, joins, and lands signed in.
    const password = `pw-${randomUUID()}`;
    const inviteeContext = await browser.newContext({ baseURL: stack.builderUrl, locale: 'en-US' });
    try {
      const inviteePage = await inviteeContext.newPage();
      await inviteePage.goto(link.toString());
      await inviteePage.getByRole('heading', { name: 'Join Loa' }).waitFor();
      await inviteePage.getByLabel('Full name').fill(`Invitee ${tag}`);
      await inviteePage.getByLabel('Password').fill('short');
      await inviteePage.getByRole('button', { name: 'Join' }).click();
      await inviteePage.getByText('The password needs at least 10 characters').waitFor();
      await inviteePage.getByLabel('Password').fill(password);
      await inviteePage.getByRole('button', { name: 'Join' }).click();
      await inviteePage.waitForURL(/\/campaigns$/);
      expect(await inviteePage.getByTestId('current-user').textContent()).toContain(`Invitee ${tag}`);
      await inviteePage.goto(link.toString());
      await inviteePage.getByLabel('Full name').fill(`Invitee ${tag}`);
      await inviteePage.getByLabel('Password').fill(password);
      await inviteePage.getByRole('button', { name: 'Join' }).click();
      await inviteePage
        .getByText('This invitation is not valid, already used or expired.', { exact: false })
        .waitFor();
    } finally {
      await inviteeContext.close();
    }
    await page.reload();
    const row = page.locator(`[data-testid="member-row"][data-email="${inviteeEmail}"]`);
    await row.getByLabel(`Role of Invitee ${tag}`).selectOption('marketer');
    const asAdmin = await apiAs(stack, 'admin');
    const memberNamed = async () =>
      (await asAdmin.expect<{ items: Member[] }>(200, 'GET', '/users')).items.find(
        (member) => member.email === inviteeEmail,
      )!;
    await eventually(async () => expect((await memberNamed()).role).toBe('marketer'));
    const invitee = await ApiSession.signIn(stack.apiUrl, inviteeEmail, password);

    acceptNextConfirm(page);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.locator('[data-status="deactivated"]').waitFor();
    expect((await memberNamed()).status).toBe('deactivated');
    expect((await invitee.call('GET', '/auth/me')).status).toBe(401);
    const login = await ApiSession.anonymous(stack.apiUrl).call('POST', '/auth/login', {
      email: inviteeEmail,
      password,
    });
    expect(login.status).toBe(403);

    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.locator('[data-status="active"]').waitFor();
  });

  it('keeps the last active admin an admin, saying why', async () => {
    const { page } = await open('admin');
    await page.goto('/settings/users');
    const me = page.locator(`[data-testid="member-row"][data-email="${stack.users.admin.email}"]`);
    await me.getByLabel(`Role of ${stack.users.admin.name}`).selectOption('marketer');
    await page
      .getByRole('alert')
      .getByText(/at least one active admin/)
      .waitFor();
    await eventually(async () =>
      expect(await me.getByLabel(`Role of ${stack.users.admin.name}`).inputValue()).toBe('admin'),
    );
    const asAdmin = await apiAs(stack, 'admin');
    expect((await asAdmin.expect<{ role: string }>(200, 'GET', '/auth/me')).role).toBe('admin');
  });

  it('lets an admin revoke a pending invitation', async () => {
    const asAdmin = await apiAs(stack, 'admin');
    const email = `revoked-${tag}@loa-e2e.test`;
    const { token } = await asAdmin.expect<{ token: string }>(201, 'POST', '/users/invitations', {
      email,
      role: 'marketer',
    });
    const { page } = await open('admin');
    await page.goto('/settings/users');
    const row = page.locator(`[data-testid="invitation-row"][data-email="${email}"]`);
    acceptNextConfirm(page);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.locator('[data-status="revoked"]').waitFor();
    const accept = await ApiSession.anonymous(stack.apiUrl).call('POST', '/auth/invitations/accept', {
      token,
      password: 'a password long enough',
    });
    expect(accept.status).toBeGreaterThanOrEqual(400);
  });

  it('creates an API key whose secret is shown once with a copy button, lists its last use, and revokes it', async () => {
    const { page, context } = await open('admin');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.builderUrl });
    await page.goto('/settings/api-keys');
    await page.getByLabel('Key name').fill(keyName);
    await page.getByRole('radio', { name: 'Read', exact: true }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByTestId('one-time-secret');
    await secret.getByText(`The key “${keyName}” was created`).waitFor();
    const key = (await secret.getByTestId('secret-value').textContent())!;
    expect(key).toMatch(/^loa_read_/);
    await secret.getByRole('button', { name: 'Copy' }).click();
    await secret.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    const row = page.locator(`[data-testid="api-key-row"][data-name="${keyName}"]`);
    await row.getByText('Never').waitFor();
    const asKey = ApiSession.withKey(stack.apiUrl, key);
    await asKey.expect(200, 'GET', '/workspace');
    await page.reload();
    expect(await page.content()).not.toContain(key);
    await eventually(async () => {
      await page.reload();
      expect(await row.getByText('Never').count()).toBe(0);
    });

    acceptNextConfirm(page);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.locator('[data-status="revoked"]').waitFor();
    expect((await asKey.call('GET', '/workspace')).status).toBe(401);
  });

  it('changes the workspace settings, showing a bad value the API refuses on its field', async () => {
    const asAdmin = await apiAs(stack, 'admin');
    const before = await asAdmin.expect<Record<string, unknown>>(200, 'GET', '/workspace');
    const { page } = await open('admin');
    try {
      await page.goto('/settings/workspace');
      const timezone = page.getByLabel('Time zone');
      await timezone.fill('Mars/Olympus_Mons');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('must be an IANA time zone such as Asia/Ho_Chi_Minh').waitFor();
      expect(await timezone.getAttribute('aria-invalid')).toBe('true');
      expect((await asAdmin.expect<{ timezone: string }>(200, 'GET', '/workspace')).timezone).toBe(
        before.timezone,
      );

      await timezone.fill('Asia/Bangkok');
      await page.getByLabel('No advertising sends during quiet hours').check();
      await page.getByLabel('Start', { exact: true }).fill('22:00');
      await page.getByLabel('End', { exact: true }).fill('07:30');
      await page.getByRole('button', { name: 'Add a cap' }).click();
      const cap = page.getByTestId('frequency-cap');
      await cap.getByLabel('Channel').selectOption('email');
      await cap.getByLabel('At most').fill('0');
      await page.getByRole('button', { name: 'Save' }).click();
      await cap.getByText('Must be greater than 0').waitFor();
      await cap.getByLabel('At most').fill('2');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();

      const after = await asAdmin.expect<Record<string, unknown>>(200, 'GET', '/workspace');
      expect(after).toMatchObject({
        timezone: 'Asia/Bangkok',
        quietHours: { start: '22:00', end: '07:30' },
        frequencyCaps: [{ channel: 'email', max: 2, per: { amount: 1, unit: 'days' } }],
      });
      await page.reload();
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Bangkok');
    } finally {
      await asAdmin.expect(200, 'PATCH', '/workspace', {
        timezone: before.timezone,
        quietHours: before.quietHours,
        frequencyCaps: before.frequencyCaps,
      });
    }
  });

  it('shows those actions in the audit log, newest first, filtered and a page at a time', async () => {
    const { page } = await open('admin');
    await page.goto('/settings/audit-log?target=invitation');
    const log = page.getByTestId('audit-log');
    await log.getByText(`invited ${inviteeEmail} as Analyst`).waitFor();
    const about = page.getByLabel('About');
    await about.selectOption('user');
    await log.getByText('changed the role to Marketer').first().waitFor();
    await log.getByText('deactivated a member').first().waitFor();
    await about.selectOption('workspace');
    await log
      .getByText(/changed workspace settings: timezone/)
      .first()
      .waitFor();

    const asAdmin = await apiAs(stack, 'admin');
    for (let created = 0; created < 26; created++) {
      const key = await asAdmin.expect<{ id: string }>(201, 'POST', '/api-keys', {
        name: `Bulk ${tag} ${created}`,
        scope: 'ingest',
      });
      await asAdmin.expect(204, 'DELETE', `/api-keys/${key.id}`);
    }
    await about.selectOption('api_key');
    await page.waitForURL(/target=api_key/);
    const entries = page.getByTestId('audit-entry');
    await eventually(async () => expect(await entries.count()).toBe(50));
    const actions = await entries.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(new Set(actions)).toEqual(new Set(['api_key.created', 'api_key.revoked']));
    expect(await entries.first().textContent()).toContain('revoked an API key');
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () => expect(await entries.count()).toBeGreaterThan(50));
    await log.getByText(`created the API key “${keyName}” (Read)`).waitFor();
  });

  it.each(['marketer', 'analyst'] as const)(
    'shows a %s no settings, and the API refuses them',
    async (role) => {
      const { page } = await open(role);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Campaigns' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
      await page.goto('/settings/users');
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Settings sections' }).count()).toBe(0);

      const api = await apiAs(stack, role);
      for (const [method, path, body] of [
        ['GET', '/users'],
        ['POST', '/users/invitations', { email: `nope-${tag}@loa-e2e.test`, role: 'admin' }],
        ['GET', '/api-keys'],
        ['POST', '/api-keys', { name: 'nope', scope: 'write' }],
        ['PATCH', '/workspace', { approvalRequired: false }],
        ['GET', '/audit-log'],
      ] as Array<[string, string, unknown?]>)
        expect([method, path, (await api.call(method, path, body)).status]).toEqual([method, path, 403]);
    },
  );
});
