// The contact import wizard in real Chromium against the shared stack: a CSV of 1,000 contacts with a few invalid
// rows goes through upload, preview, the proposed mapping, a dry run, the import with its progress bar and the
// summary, whose counts are the API's; a role that may not import is refused.
import { randomInt, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
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

interface ImportView {
  id: string;
  status: string;
  dryRun: boolean;
  progress: { rowsRead: number; created: number; updated: number; failed: number };
}

const ROWS = 1000;
/** Data rows (0-based) whose phone is not a Vietnamese mobile number; the API counts the header as row 1. */
const INVALID = [17, 250, 499, 731, 998];

/** 1,000 contacts with fresh phone numbers, a batch tag of this run, and a few unusable phones. */
function contactsCsv(batch: string, rows = ROWS, invalid = INVALID): { csv: string; phones: string[] } {
  const first = randomInt(10_000_000, 89_000_000);
  const phones: string[] = [];
  const lines = ['Họ tên,Số điện thoại,Email,Thành phố,Lô nhập'];
  for (let row = 0; row < rows; row += 1) {
    const phone = invalid.includes(row) ? `12${row}` : `09${first + row}`;
    phones.push(phone);
    lines.push(`Khách ${row + 1},${phone},khach${row + 1}.${batch}@example.vn,Huế,${batch}`);
  }
  return { csv: `${lines.join('\n')}\n`, phones };
}

/** The id of the newest import of a file named after the batch. */
async function latestImportId(batch: string): Promise<string> {
  const admin = await apiAs(stack, 'admin');
  const list = await admin.expect<{ items: Array<ImportView & { fileName: string }> }>(
    200,
    'GET',
    '/imports?limit=20',
  );
  return list.items.find((item) => item.fileName.includes(batch))?.id ?? '';
}

const count = (page: Page, name: string) =>
  page.getByTestId('import-counts').locator(`[data-count="${name}"] dd`).textContent();

describe('the contact import wizard', () => {
  it('imports 1,000 contacts: preview, proposed mapping, dry run with the invalid rows, progress to 100 % and the summary', async () => {
    const page = await open('marketer');
    const batch = `b${randomUUID().slice(0, 8)}`;
    const { csv, phones } = contactsCsv(batch);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Imports' })
      .click();
    await page.getByRole('link', { name: 'Import a CSV file' }).click();
    await page.waitForURL(/\/contacts\/import$/);
    await page.getByRole('heading', { name: 'Import contacts from CSV', level: 1 }).waitFor();

    await page
      .getByTestId('import-drop-zone')
      .locator('input[type="file"]')
      .setInputFiles({ name: `khach-hang-${batch}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });

    // Preview of the first rows and the mapping proposed from the headers.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('thead th').allTextContents()).toEqual([
      'Họ tên',
      'Số điện thoại',
      'Email',
      'Thành phố',
      'Lô nhập',
    ]);
    expect(await preview.locator('tbody tr').first().locator('td').first().textContent()).toBe('Khách 1');
    const target = (column: string) => page.getByLabel(`Write column ${column} to`);
    expect(await target('Họ tên').inputValue()).toBe('field:name');
    expect(await target('Số điện thoại').inputValue()).toBe('identity:phone');
    expect(await target('Email').inputValue()).toBe('field:email');
    expect(await target('Thành phố').inputValue()).toBe('attribute:thanh_pho');
    expect(await target('Lô nhập').inputValue()).toBe('attribute:lo_nhap');
    // Editable: ignore the city, then map it back.
    await target('Thành phố').selectOption('skip');
    expect(await target('Thành phố').inputValue()).toBe('skip');
    await target('Thành phố').selectOption('attribute:thanh_pho');

    // The dry run reads every row, writes nothing and lists the invalid ones.
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('heading', { name: 'Dry run result' }).waitFor();
    const errorRows = page.getByTestId('import-error-row');
    await errorRows.first().waitFor();
    expect(
      await errorRows.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-row')))),
    ).toEqual(INVALID.map((row) => row + 2));
    expect(await errorRows.first().textContent()).toContain('Số điện thoại');
    expect(await count(page, 'rowsRead')).toBe('1.000');
    expect(await count(page, 'created')).toBe('995');
    expect(await count(page, 'failed')).toBe('5');
    const errorsHref = await page.getByTestId('import-errors-csv').getAttribute('href');
    const importId = /\/api\/imports\/([0-9a-f-]{36})\/errors\.csv$/.exec(errorsHref ?? '')?.[1] ?? '';
    const errorsCsv = await page.context().request.get(errorsHref ?? '');
    expect(errorsCsv.status()).toBe(200);
    expect((await errorsCsv.text()).trim().split('\n')).toHaveLength(1 + INVALID.length);
    const marketer = await apiAs(stack, 'marketer');
    const dryRun = await marketer.expect<ImportView>(200, 'GET', `/imports/${importId}`);
    expect(dryRun).toMatchObject({
      status: 'completed',
      dryRun: true,
      progress: { rowsRead: ROWS, failed: 5 },
    });
    const before = await marketer.expect<{ total: number }>(
      200,
      'GET',
      `/contacts?attr.lo_nhap=${batch}&count=true&limit=1`,
    );
    expect(before.total ?? 0).toBe(0);

    // The import: a progress bar that reaches 100 %, then the summary with the API's counts.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const now = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
        if (now && Number(now) !== seen.at(-1)) seen.push(Number(now));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Import 1.000 rows' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await page.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('has been imported');
    expect(await progress.isVisible()).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const done = await marketer.expect<ImportView>(200, 'GET', `/imports/${importId}`);
    expect(done).toMatchObject({
      status: 'completed',
      dryRun: false,
      progress: { rowsRead: ROWS, created: 995, failed: 5 },
    });
    expect(await count(page, 'created')).toBe(String(done.progress.created));
    expect(await count(page, 'failed')).toBe(String(done.progress.failed));
    expect(await count(page, 'updated')).toBe(String(done.progress.updated));
    expect(await page.getByTestId('import-error-row').count()).toBe(INVALID.length);

    // The contacts exist, with the imported attributes; the invalid rows made none.
    const imported = await marketer.expect<{ total: number }>(
      200,
      'GET',
      `/contacts?attr.lo_nhap=${batch}&count=true&limit=1`,
    );
    expect(imported.total).toBe(ROWS - INVALID.length);
    const one = await marketer.expect<{
      items: Array<{ name: string; phone: string; attributes: Record<string, unknown> }>;
    }>(200, 'GET', `/contacts?q=${phones[0].slice(1)}&limit=5`);
    expect(one.items).toEqual([
      expect.objectContaining({
        name: 'Khách 1',
        phone: `84${phones[0].slice(1)}`,
        attributes: expect.objectContaining({ thanh_pho: 'Huế', lo_nhap: batch }),
      }),
    ]);

    // The list of imports shows it, completed.
    await page.getByRole('link', { name: 'See all imports' }).click();
    await page.waitForURL(/\/imports$/);
    const row = page.locator(`[data-testid="import-row"][data-import-id="${importId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('completed');
    expect(await row.textContent()).toContain('995 / 0 / 5');
  });

  it('takes a file dropped on the zone and shows the mapping errors the API names', async () => {
    const page = await open('admin');
    await page.goto('/contacts/import');
    const csv = 'Mã KH;Họ tên\nKH-1;Lan\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'tha-vao.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').locator('caption').textContent()).toContain(
      'tha-vao.csv',
    );
    expect(await page.getByLabel('Write column Mã KH to').inputValue()).toBe('identity:externalId');

    // What the API refuses in the mapping is shown on the column it names, or above the buttons.
    await page.getByLabel('Write column Họ tên to').selectOption('identity:externalId');
    await page.getByRole('button', { name: 'Dry run' }).click();
    const nameRow = page.locator('[data-testid="import-mapping-row"][data-column="Họ tên"]');
    await nameRow.locator('.field__error').waitFor();
    expect(await nameRow.locator('.field__error').textContent()).toContain(
      'already mapped from column "Mã KH"',
    );
    expect(await page.getByLabel('Write column Họ tên to').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Write column Họ tên to').selectOption('field:name');
    await page.getByLabel('Write column Mã KH to').selectOption('field:externalId');
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page
      .getByTestId('import-start-error')
      .getByText(/map one column to an identity/)
      .waitFor();
    expect(await nameRow.locator('.field__error').count()).toBe(0);
  });

  it('stops a running import: the summary shows what was imported before it stopped, as the API counts it', async () => {
    const page = await open('admin');
    const batch = `b${randomUUID().slice(0, 8)}`;
    const rows = 10_000;
    const { csv } = contactsCsv(batch, rows, []);
    await page.goto('/contacts/import');
    await page
      .getByTestId('import-drop-zone')
      .locator('input[type="file"]')
      .setInputFiles({ name: `lon-${batch}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'Import 10.000 rows' }).click({ timeout: 90_000 });
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await page.getByRole('button', { name: 'Stop the import' }).click();
    await page
      .getByTestId('import-summary')
      .getByText(/was stopped/)
      .waitFor({ timeout: 60_000 });

    const importId = await latestImportId(batch);
    const admin = await apiAs(stack, 'admin');
    const stopped = await admin.expect<ImportView>(200, 'GET', `/imports/${importId}`);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.progress.created).toBeLessThan(rows);
    expect(await count(page, 'created')).toBe(stopped.progress.created.toLocaleString('vi-VN'));
    expect(await count(page, 'rowsRead')).toBe(stopped.progress.rowsRead.toLocaleString('vi-VN'));
    const imported = await admin.expect<{ total?: number }>(
      200,
      'GET',
      `/contacts?attr.lo_nhap=${batch}&count=true&limit=1`,
    );
    expect(imported.total ?? 0).toBe(stopped.progress.created);
    expect(await page.getByRole('button', { name: 'Stop the import' }).count()).toBe(0);
  });

  it('refuses an analyst: the wizard says so, the list offers no import and the API answers 403', async () => {
    const page = await open('analyst');
    await page.goto('/contacts/import');
    await page.getByText('Your role may not import contacts.').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await page.goto('/imports');
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    await page.locator('.query-state').waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'Import a CSV file' }).count()).toBe(0);
    const analyst = await apiAs(stack, 'analyst');
    expect((await analyst.call('POST', '/imports')).status).toBe(403);
  });
});
