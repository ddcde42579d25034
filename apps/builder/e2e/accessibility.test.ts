// axe-core on the main screens, in real Chromium against the shared stack: no serious or critical violation.
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { produceReportRun } from './support/report-run';
import { sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
let browser: Browser;
let signedIn: SignedInPage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await signedIn?.context.close();
  signedIn = undefined;
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility of the main screens (axe-core, WCAG 2.1 AA)', () => {
  it('the sign-in page', async () => {
    const context = await browser.newContext({ baseURL: stack.builderUrl, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Nhập một địa chỉ email hợp lệ').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the campaign list and the new-campaign dialog', async () => {
    signedIn = await signedInPage(browser, stack, 'marketer');
    const { page } = signedIn;
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.locator('.query-state').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('dialog', { name: 'New campaign' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['/settings/users', 'Users and roles'],
    ['/settings/api-keys', 'API keys'],
    ['/settings/workspace', 'Workspace'],
    ['/settings/audit-log', 'Audit log'],
  ])('the admin settings screen %s', async (path, heading) => {
    signedIn = await signedInPage(browser, stack, 'admin');
    const { page } = signedIn;
    await page.goto(path);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.locator('.query-state').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the API keys screen showing a new key once, and the workspace screen showing a refused value', async () => {
    signedIn = await signedInPage(browser, stack, 'admin');
    const { page } = signedIn;
    await page.goto('/settings/api-keys');
    await page.getByLabel('Key name').fill('Accessibility check');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByTestId('one-time-secret').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const key = page.locator('[data-testid="api-key-row"][data-name="Accessibility check"]');
    page.once('dialog', (confirm) => void confirm.accept());
    await key.getByRole('button', { name: 'Revoke' }).click();
    await key.locator('[data-status="revoked"]').waitFor();

    await page.goto('/settings/workspace');
    await page.getByLabel('Time zone').fill('Nowhere/Atlantis');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.field__error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the Channels list, the add-account dialog and an account page with its ZNS templates', async () => {
    signedIn = await signedInPage(browser, stack, 'admin', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto('/settings/channels');
    await page.getByTestId('channel-list').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản kênh' });
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.getByText('Nhập giá trị bí mật này.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/settings/channels/${stack.accounts.zaloOa}`);
    await page.getByTestId('zns-templates').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/settings/channels/${stack.accounts.esms}`);
    await page.getByTestId('sms-price-form').waitFor();
    await page.locator('.query-state').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the campaign report of a real run, with a step’s error codes open', async () => {
    const run = await produceReportRun(stack);
    signedIn = await signedInPage(browser, stack, 'analyst', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto(`/campaigns/${run.campaignId}/report`);
    await page.getByTestId('series-chart').waitFor();
    await page.getByTestId('split-result').waitFor();
    await page.getByTestId('step-errors').locator('summary').click();
    await page.locator('.query-state').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);
});
