// The app shell and the campaign list in real Chromium against the shared stack (e2e/support/shared-stack.main.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir } from './support/paths';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

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

async function open(
  ...args: Parameters<typeof signedInPage> extends [unknown, unknown, ...infer R] ? R : never
) {
  const signedIn = await signedInPage(browser, stack, ...args);
  opened.push(signedIn);
  return signedIn;
}

describe('the campaign list', () => {
  it('creates a campaign from a flow template, opens it, and lists it with its state, version and editor', async () => {
    const { page } = await open('marketer');
    const name = `Nhắc giỏ hàng ${randomUUID().slice(0, 6)}`;
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Campaign name').fill(name);
    await dialog.getByTestId('template-abandoned-cart').click();
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    const asMarketer = await apiAs(stack, 'marketer');
    const draft = await asMarketer.expect<{ graph: { nodes: Array<{ id: string }> } }>(
      200,
      'GET',
      `/campaigns/${id}/draft`,
    );
    expect(draft.graph.nodes.map((node) => node.id)).toContain('wait-paid');

    await page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
    const row = page.locator(`[data-campaign-id="${id}"]`);
    await row.getByRole('link', { name }).waitFor();
    expect(await row.locator('[data-state]').getAttribute('data-state')).toBe('draft');
    await row.getByText('Not published').waitFor();
    await row.getByText(/^Lan Marketing, \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).waitFor();
  });

  it('filters by state and words, keeping the filters in the address', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const tag = randomUUID().slice(0, 6);
    const created = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Lọc ${tag} một`,
    });
    await asMarketer.expect(201, 'POST', '/campaigns', { name: `Lọc ${tag} hai` });
    await asMarketer.expect(200, 'POST', `/campaigns/${created.id}/archive`);

    const { page } = await open('marketer');
    await page.getByRole('searchbox').fill(tag);
    await page.getByRole('searchbox').press('Enter');
    await eventually(async () => expect(await page.getByTestId('campaign-row').count()).toBe(2));
    await page.getByLabel('State').selectOption('archived');
    await eventually(async () => expect(await page.getByTestId('campaign-row').count()).toBe(1));
    expect(new URL(page.url()).searchParams.get('state')).toBe('archived');
    expect(new URL(page.url()).searchParams.get('q')).toBe(tag);

    await page.reload();
    await eventually(async () => expect(await page.getByTestId('campaign-row').count()).toBe(1));
    await page.getByText(`Lọc ${tag} một`).waitFor();
  });

  it('duplicates and archives from the list', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const name = `Bản gốc ${randomUUID().slice(0, 6)}`;
    const created = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', { name });
    const { page } = await open('marketer');
    await page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
    await page
      .locator(`[data-campaign-id="${created.id}"]`)
      .getByRole('button', { name: 'Duplicate' })
      .click();
    await page.getByText(`${name} (copy)`).waitFor();

    page.once('dialog', (confirm) => void confirm.accept());
    await page.locator(`[data-campaign-id="${created.id}"]`).getByRole('button', { name: 'Archive' }).click();
    await page.locator(`[data-campaign-id="${created.id}"] [data-state="archived"]`).waitFor();
    const archived = await asMarketer.expect<{ state: string }>(200, 'GET', `/campaigns/${created.id}`);
    expect(archived.state).toBe('archived');
  });

  it('shows an analyst the list without the actions an analyst may not take', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const name = `Cho phân tích ${randomUUID().slice(0, 6)}`;
    await asMarketer.expect(201, 'POST', '/campaigns', { name });
    const { page } = await open('analyst');
    await page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Analyst');
    expect(await page.getByRole('button', { name: 'New campaign' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Duplicate' }).count()).toBe(0);
  });
});

describe('the shell', () => {
  it('speaks Vietnamese to a Vietnamese browser, and English once the user picks it', async () => {
    const { page } = await open('marketer', { locale: 'vi-VN' });
    await page.getByRole('heading', { name: 'Chiến dịch' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.getByTestId('campaign-row').first().waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'campaign-list.png') });
  });

  it('sends a signed-out visitor to sign in, then back to the address they opened; signing out ends the session', async () => {
    const context = await browser.newContext({ baseURL: stack.builderUrl, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await page.goto('/campaigns?state=draft');
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('Password').fill('not the password');
      await page.getByLabel('Email').fill(stack.users.marketer.email);
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect(await page.getByRole('alert').textContent()).toBe('Wrong email or password');
      await page.getByLabel('Password').fill(stack.users.marketer.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/campaigns\?state=draft$/);
      expect(await page.getByLabel('State').inputValue()).toBe('draft');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login\?reason=signed-out/);
      await page.goto('/campaigns');
      await page.waitForURL(/\/login\?next=/);
    } finally {
      await context.close();
    }
  });
});
