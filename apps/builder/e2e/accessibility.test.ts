// axe-core on the main screens, in real Chromium against the shared stack: no serious or critical violation.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { produceReportRun, type ReportRun } from './support/report-run';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
let browser: Browser;
let reportRun: ReportRun | undefined;
/** One real run serves the report and a contact profile showing the journey's path. */
const realRun = async () => (reportRun ??= await produceReportRun(stack));
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

  it('the contact list and a contact profile', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { contact } = await asMarketer.expect<{ contact: { id: string } }>(200, 'PUT', '/contacts', {
      match: { externalId: `a11y-${randomUUID()}` },
      name: 'Nguyễn Văn An',
      attributes: { city: 'Huế' },
      consents: { sms: { state: 'granted', source: 'form' } },
      tags: { add: ['a11y'] },
    });
    signedIn = await signedInPage(browser, stack, 'analyst');
    const { page } = signedIn;
    await page.goto('/contacts?tag=a11y');
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByTestId('contact-row').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/contacts/${contact.id}`);
    await page.getByRole('heading', { name: 'Nguyễn Văn An', level: 1 }).waitFor();
    await page.locator('.query-state').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the segment list, a segment with its live count and an explanation, its delete dialog, a new segment', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const tag = `a11y-seg-${randomUUID().slice(0, 8)}`;
    await asMarketer.expect(200, 'PUT', '/contacts', {
      match: { externalId: tag },
      name: `Trần Thị ${tag}`,
      attributes: { city: 'Huế' },
      tags: { add: [tag] },
    });
    const segment = await asMarketer.expect<{ id: string }>(201, 'POST', '/segments', {
      name: `Khách Huế ${tag}`,
      rule: {
        match: 'all',
        rules: [
          { kind: 'tag', tag, has: true },
          { match: 'any', rules: [{ kind: 'attribute', field: 'city', operator: 'equals', value: 'Huế' }] },
        ],
      },
    });
    signedIn = await signedInPage(browser, stack, 'marketer', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto('/segments');
    await page.getByTestId('segment-list').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/segments/${segment.id}`);
    await page.getByTestId('preview-count').waitFor();
    await page.getByRole('searchbox', { name: 'Tìm liên hệ' }).fill(`Trần Thị ${tag}`);
    await page.getByRole('button', { name: `Trần Thị ${tag}` }).click();
    await page.getByTestId('explanation').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Xoá', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goto('/segments/new');
    await page.getByTestId('segment-form').waitFor();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Hãy đặt tên cho phân khúc.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the invitation page, with a refused token', async () => {
    const context = await browser.newContext({ baseURL: stack.builderUrl, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`/invitations/accept?token=${'x'.repeat(32)}`);
      await page.getByRole('button', { name: 'Tham gia' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('Họ tên').fill('Trần Thị Bích');
      await page.getByLabel('Mật khẩu').fill('mot-mat-khau-dai');
      await page.getByRole('button', { name: 'Tham gia' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Lời mời không hợp lệ');
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
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
    await page.goto(`/settings/channels/${stack.accounts.zaloOa}?zaloError=state_expired`);
    await page.getByTestId('zns-templates').waitFor();
    await page.getByTestId('zalo-error').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/settings/channels/${stack.accounts.esms}`);
    await page.getByTestId('sms-price-form').waitFor();
    await page.locator('.query-state').waitFor({ state: 'detached' });
    await page.getByLabel('Tốc độ gửi (tin mỗi giây)').fill('0');
    await page.getByTestId('edit-channel-form').getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Nhập một số từ 0,001').waitFor();
    await page.getByLabel('Tốc độ gửi (tin mỗi giây)').scrollIntoViewIfNeeded();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Xoá tài khoản' }).click();
    await page.getByRole('dialog', { name: /^Xoá tài khoản/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the contact import wizard at each step, and the list of imports', async () => {
    signedIn = await signedInPage(browser, stack, 'marketer', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto('/contacts/import');
    await page.getByTestId('import-drop-zone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const csv = 'Họ tên,Số điện thoại,Ngày sinh\nAn,0912000001,01/02/1990\nBình,không có,03/04/1991\n';
    await page
      .getByTestId('import-drop-zone')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-mapping').waitFor();
    await page.locator('.query-state').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByTestId('import-error-rows').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Nhập \d+ dòng$/ }).click();
    await page.getByTestId('import-summary').waitFor();
    await page.getByTestId('import-error-rows').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/imports');
    await page.getByTestId('import-list').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the campaign report of a real run, with a step’s error codes open', async () => {
    const run = await realRun();
    signedIn = await signedInPage(browser, stack, 'analyst', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto(`/campaigns/${run.campaignId}/report`);
    await page.getByTestId('series-chart').waitFor();
    await page.getByTestId('split-result').waitFor();
    await page.getByTestId('step-errors').locator('summary').click();
    await page.locator('.query-state').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);

  it("a contact profile with its journey's path on a small canvas", async () => {
    const run = await realRun();
    signedIn = await signedInPage(browser, stack, 'analyst', { locale: 'vi-VN' });
    const { page } = signedIn;
    await page.goto(`/contacts/${run.contacts.waiting}`);
    await page.getByTestId('journey-canvas').locator('.react-flow__node[data-id="wait-paid"]').waitFor();
    await page.getByTestId('journey-steps').waitFor();
    await page.locator('.query-state').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);
});
