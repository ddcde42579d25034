// The Channels screens in real Chromium against the shared stack: connecting a Zalo OA through the sandbox's OAuth
// consent and the API's callback, ZNS templates, adding and testing an eSMS account, and who may see any of it.
import { randomUUID } from 'node:crypto';
import { testService } from '@loa/testing';
import { Client } from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { apiAs, sharedStack, signedInPage, type E2eRole, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
let browser: Browser;
const opened: SignedInPage[] = [];

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

async function open(role: E2eRole): Promise<Page> {
  const signedIn = await signedInPage(browser, stack, role);
  opened.push(signedIn);
  return signedIn.page;
}

/** Makes the API's stored access token of an OA expired, so that its next use refreshes it at Zalo. */
async function expireStoredAccessToken(accountId: string): Promise<void> {
  const db = new Client({ connectionString: testService('databaseUrl') });
  await db.connect();
  try {
    const updated = await db.query(
      `UPDATE zalo_oa_tokens SET access_token_expires_at = now() - interval '1 hour' WHERE account_id = $1`,
      [accountId],
    );
    expect(updated.rowCount).toBe(1);
  } finally {
    await db.end();
  }
}

/** A message in the ledger sent through the account (what keeps an account from being deleted). */
async function recordSentMessage(accountId: string): Promise<void> {
  const db = new Client({ connectionString: testService('databaseUrl') });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, status)
       SELECT workspace_id, $2, 'sms', 'transactional', id, 'sent' FROM channel_accounts WHERE id = $1`,
      [accountId, `e2e-${randomUUID()}`],
    );
  } finally {
    await db.end();
  }
}

/** The provider sandbox's control API (injected faults). */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await fetch(`${stack.sandbox.control}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  if (!answer.ok) throw new Error(`sandbox control ${method} ${path} answered ${answer.status}`);
  return answer.status === 204 ? undefined : answer.json();
}

interface AccountView {
  id: string;
  status: string;
  disabled: boolean;
  testing: boolean;
  settings: Record<string, unknown>;
  secretsSet: string[];
  providerName: string | null;
  sendRatePerSecond: number | null;
}

async function addAccount(
  page: Page,
  kind: string,
  fill: (dialog: Locator) => Promise<void>,
): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Channels' })
    .click();
  await page.waitForURL(/\/settings\/channels$/);
  await page.getByRole('heading', { name: 'Channels' }).waitFor();
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a channel account' });
  await dialog.getByLabel('Account kind').selectOption(kind);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await page.waitForURL(/\/settings\/channels\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

describe('the Channels screens', () => {
  it('an admin adds a Zalo OA, connects it through the OAuth redirect, sees its ZNS templates, and reconnects it when its grant dies', async () => {
    const page = await open('admin');
    const zalo = stack.unusedProviderAccounts.zalo;
    const name = `Zalo OA Tiệm bánh ${randomUUID().slice(0, 6)}`;
    const id = await addAccount(page, 'zalo_oa', async (dialog) => {
      await dialog.getByLabel('Account name').fill(name);
      await dialog.getByLabel('App ID', { exact: true }).fill(zalo.appId);
      await dialog.getByLabel('App secret', { exact: true }).fill(zalo.appSecret);
      await dialog.getByLabel('OA ID', { exact: true }).fill(zalo.oaId);
      await dialog.getByLabel('Webhook secret (OA Secret Key)').fill(zalo.webhookSecret);
      await dialog.getByText('Advanced').click();
      await dialog.getByLabel('OAuth address').fill(zalo.baseUrls.oauth);
      await dialog.getByLabel('ZNS API address').fill(zalo.baseUrls.zns);
      await dialog.getByLabel('OA API address').fill(zalo.baseUrls.oa);
    });

    await page.getByRole('heading', { name }).waitFor();
    await page.getByText('This Zalo OA is not connected yet').waitFor();
    expect(await page.locator('.page__header [data-status]').getAttribute('data-status')).toBe(
      'not_connected',
    );
    // Secrets are write-only: stored, never shown again.
    const secret = page.getByTestId('edit-channel-form').getByLabel('App secret', { exact: true });
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('aria-describedby')).toBeTruthy();
    await page
      .getByTestId('edit-channel-form')
      .getByText('Stored; enter a new value to replace it.')
      .first()
      .waitFor();
    expect(await page.content()).not.toContain(zalo.appSecret);
    expect(await page.getByTestId('webhook-url').textContent()).toContain(stack.apiUrl);

    // Connect: the API answers the sandbox's consent URL, the sandbox redirects to the API's callback, which
    // sends the browser back here.
    await page.getByRole('button', { name: 'Connect with Zalo' }).click();
    await page.waitForURL(new RegExp(`/settings/channels/${id}\\?connected=zalo$`));
    await page.getByText(`Zalo OA ${zalo.oaName} is connected.`).waitFor();
    expect(await page.locator('.page__header [data-status]').getAttribute('data-status')).toBe('connected');
    const asAdmin = await apiAs(stack, 'admin');
    const connected = await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`);
    expect(connected).toMatchObject({ status: 'connected', providerName: zalo.oaName });

    // The templates synced on connecting are shown; a manual sync reads them again.
    const templates = page.getByTestId('zns-templates');
    await templates.getByRole('cell', { name: 'Xác nhận đơn hàng' }).waitFor();
    await page.getByRole('button', { name: 'Sync again' }).click();
    await page.getByText('5 templates synced.').waitFor();
    expect(await templates.getByTestId('zns-template-row').count()).toBe(5);
    const order = templates.getByTestId('zns-template-row').filter({ hasText: '300001' });
    expect(await order.textContent()).toMatch(/ENABLE/);
    expect(await order.textContent()).toMatch(/order_code STRING ≤ 30/);
    expect(await order.textContent()).toMatch(/300\s₫/);
    expect(
      await templates.getByTestId('zns-template-row').filter({ hasText: '300003' }).textContent(),
    ).toMatch(/PENDING_REVIEW/);

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('last-test').filter({ hasText: 'Passed' }).waitFor();
    expect(await page.getByTestId('last-test').textContent()).toContain(`OA ${zalo.oaName}: ZNS quota`);

    // A ZNS test message with a template and its params; the form enforces a param's maximum length.
    const test = page.getByTestId('test-message-form');
    await test.getByLabel('To phone').fill('0900000001');
    await test.getByLabel('ZNS template').selectOption('300002');
    await test.getByLabel('otp').fill('123456');
    expect(await test.getByLabel('otp').getAttribute('maxlength')).toBe('10');
    await test.getByRole('button', { name: 'Send test message' }).click();
    await page.getByTestId('test-message-result').filter({ hasText: 'Result: sent' }).waitFor();

    // A grant that died (the token is due for a refresh, and Zalo answers -14014): "needs reconnect", shown
    // prominently, until an admin reconnects the OA.
    await expireStoredAccessToken(id);
    const fault = (await control('POST', '/faults', { channel: 'zalo_oauth', code: -14014 })) as {
      id: string;
    };
    try {
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByTestId('needs-reconnect').waitFor();
    } finally {
      await control('DELETE', `/faults/${fault.id}`);
    }
    expect(await page.getByTestId('last-test').textContent()).toContain('Failed');
    await page.goto('/settings/channels');
    await page.locator(`[data-account-id="${id}"] [data-status="needs_reconnect"]`).waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByTestId('needs-reconnect').waitFor();
    await page.getByRole('button', { name: 'Reconnect with Zalo' }).click();
    await page.waitForURL(new RegExp(`/settings/channels/${id}\\?connected=zalo$`));
    await page.locator('.page__header [data-status="connected"]').waitFor();
    expect(await page.getByTestId('needs-reconnect').count()).toBe(0);

    // A consent that fails comes back with a code, shown as its message.
    await page.goto(`${stack.apiUrl}/channel-accounts/zalo/callback?error=access_denied`);
    await page.waitForURL(/\/settings\/channels\?zaloError=access_denied$/);
    await page.getByRole('alert').filter({ hasText: 'Zalo did not grant access to the OA' }).waitFor();
  });

  it('an admin adds an eSMS account, tests its connection, edits it keeping the stored secrets and prices it', async () => {
    const page = await open('admin');
    const esms = stack.unusedProviderAccounts.esms;
    const name = `eSMS OTP ${randomUUID().slice(0, 6)}`;
    const id = await addAccount(page, 'esms', async (dialog) => {
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await dialog.getByText('Enter this secret.').first().waitFor();
      expect(await dialog.getByLabel('Account name').getAttribute('aria-invalid')).toBe('true');
      await dialog.getByLabel('Account name').fill(name);
      await dialog.getByLabel('API key', { exact: true }).fill(esms.apiKey);
      await dialog.getByLabel('Secret key', { exact: true }).fill(esms.secretKey);
      await dialog.getByLabel('Brand name').fill(esms.brandname);
      await dialog.getByLabel('Message type').selectOption('care');
      await dialog.getByLabel(/Test mode/).check();
      await dialog.getByText('Advanced').click();
      await dialog.getByLabel('API address').fill(esms.baseUrl);
    });

    await page.getByRole('heading', { name }).waitFor();
    expect(await page.locator('.page__header [data-status]').getAttribute('data-status')).toBe('connected');
    await page.locator('.page__header').getByText('Test mode').waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('last-test').filter({ hasText: 'Passed' }).waitFor();

    // Editing without typing the secrets again keeps them.
    const form = page.getByTestId('edit-channel-form');
    expect(await form.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    await form.getByLabel('Brand name').fill('SANDBOX');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Saved.').waitFor();
    const asAdmin = await apiAs(stack, 'admin');
    const saved = await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`);
    expect(saved.settings['brandname']).toBe('SANDBOX');
    expect(saved.secretsSet.sort()).toEqual(['apiKey', 'secretKey']);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('last-test').filter({ hasText: 'Passed' }).waitFor();

    const price = page.getByTestId('sms-price-form');
    await price.getByLabel('Price per segment').fill('650');
    await price.getByLabel('Currency').fill('VND');
    await price.getByRole('button', { name: 'Save price' }).click();
    await price.getByText('Price saved.').waitFor();
    expect(await asAdmin.expect(200, 'GET', `/channel-accounts/${id}/sms-pricing`)).toMatchObject({
      currency: 'VND',
      perSegment: 650,
      source: 'account',
    });

    // The account's own send rate: the provider's default until set, validated, cleared back to the default.
    const rate = form.getByLabel('Send rate (messages per second)');
    expect(await rate.inputValue()).toBe('');
    await form.getByText("Leave empty for the provider's default: 30 messages per second.").waitFor();
    await rate.fill('0');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Enter a number from 0.001 to 10,000').waitFor();
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    expect(
      (await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`)).sendRatePerSecond,
    ).toBeNull();
    await rate.fill('2,5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Saved.').waitFor();
    expect((await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`)).sendRatePerSecond).toBe(
      2.5,
    );
    await page.reload();
    expect(await page.getByLabel('Send rate (messages per second)').inputValue()).toBe('2.5');
    await page.getByLabel('Send rate (messages per second)').fill('');
    await page.getByTestId('edit-channel-form').getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('edit-channel-form').getByText('Saved.').waitFor();
    expect(
      (await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`)).sendRatePerSecond,
    ).toBeNull();

    await page.getByRole('button', { name: 'Disable account' }).click();
    await page.getByText('The account is disabled').waitFor();
    expect((await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${id}`)).disabled).toBe(true);

    await page.getByRole('link', { name: 'Back to channels' }).click();
    const row = page.locator(`[data-account-id="${id}"]`);
    await row.getByRole('link', { name }).waitFor();
    await row.locator('[data-status="disabled"]').waitFor();
    expect(await row.textContent()).toContain('Test mode');
  });

  it('shows the message of the code a failed Zalo consent came back with, and never text from the address', async () => {
    const page = await open('admin');
    const account = `/settings/channels/${stack.accounts.zaloOa}`;
    await page.goto(`${account}?zaloError=state_expired`);
    const notice = page.getByTestId('zalo-error');
    await notice.filter({ hasText: 'The connection request expired. Connect again.' }).waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');

    const planted = 'Call 0900 000 000 to restore your OA';
    await page.goto(`${account}?zaloError=${encodeURIComponent(`<b>${planted}</b>`)}`);
    await notice.filter({ hasText: 'The Zalo OA was not connected. Try again.' }).waitFor();
    expect(await notice.getAttribute('data-code')).toBe('connect_failed');
    expect(await page.locator('body').textContent()).not.toContain(planted);

    await page.goto(`/settings/channels?zaloError=wrong_oa`);
    await page.getByRole('alert').filter({ hasText: 'Access was granted for another OA' }).waitFor();
  });

  it('an admin deletes an account that never sent, after confirming; one that sent can only be disabled', async () => {
    const asAdmin = await apiAs(stack, 'admin');
    const esms = stack.unusedProviderAccounts.esms;
    const config = {
      apiKey: esms.apiKey,
      secretKey: esms.secretKey,
      brandname: esms.brandname,
      smsType: 'care',
    };
    const unused = await asAdmin.expect<AccountView>(201, 'POST', '/channel-accounts', {
      kind: 'esms',
      name: `Unused ${randomUUID().slice(0, 6)}`,
      config,
    });
    const page = await open('admin');
    await page.goto(`/settings/channels/${unused.id}`);
    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete the account Unused/ });
    await dialog.getByText('deleted for good').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await asAdmin.expect(200, 'GET', `/channel-accounts/${unused.id}`);

    await page.getByRole('button', { name: 'Delete account' }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/\/settings\/channels$/);
    await page.getByRole('heading', { name: 'Channels' }).waitFor();
    await page.locator('[data-account-id]').first().waitFor();
    expect(await page.locator(`[data-account-id="${unused.id}"]`).count()).toBe(0);
    await asAdmin.expect(404, 'GET', `/channel-accounts/${unused.id}`);

    // One with a message in the ledger is kept for the reports: the dialog offers to disable it.
    const used = await asAdmin.expect<AccountView>(201, 'POST', '/channel-accounts', {
      kind: 'esms',
      name: `Used ${randomUUID().slice(0, 6)}`,
      config,
    });
    await recordSentMessage(used.id);
    await page.goto(`/settings/channels/${used.id}`);
    await page.getByRole('button', { name: 'Delete account' }).click();
    const usedDialog = page.getByRole('dialog', { name: /^Delete the account Used/ });
    await usedDialog.getByRole('button', { name: 'Delete for good' }).click();
    await usedDialog.getByTestId('delete-refused').filter({ hasText: 'cannot be deleted' }).waitFor();
    expect(await usedDialog.getByRole('button', { name: 'Delete for good' }).count()).toBe(0);
    await usedDialog.getByRole('button', { name: 'Disable account' }).click();
    await page.getByText('The account is disabled').waitFor();
    expect((await asAdmin.expect<AccountView>(200, 'GET', `/channel-accounts/${used.id}`)).disabled).toBe(
      true,
    );
  });

  it.each(['marketer', 'analyst'] as const)(
    'a %s neither sees the Channels screen nor may change an account through the API',
    async (role) => {
      const page = await open(role);
      const navigation = page.getByRole('navigation', { name: 'Main navigation' });
      await navigation.getByRole('link', { name: 'Campaigns' }).waitFor();
      expect(await navigation.getByRole('link', { name: 'Channels' }).count()).toBe(0);
      await page.goto(`/settings/channels/${stack.accounts.zaloOa}`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      expect(await page.getByRole('button', { name: /Reconnect|Test connection/ }).count()).toBe(0);

      const api = await apiAs(stack, role);
      await api.expect(403, 'POST', '/channel-accounts', {
        kind: 'esms',
        name: 'Not mine',
        config: { apiKey: 'a', secretKey: 'b', brandname: 'X', smsType: 'care' },
      });
      await api.expect(403, 'POST', `/channel-accounts/${stack.accounts.zaloOa}/zalo/connect`);
      await api.expect(403, 'POST', `/channel-accounts/${stack.accounts.esms}/test`);
      await api.expect(403, 'PATCH', `/channel-accounts/${stack.accounts.esms}`, { disabled: true });
      await api.expect(403, 'DELETE', `/channel-accounts/${stack.accounts.esms}`);
    },
  );
});
