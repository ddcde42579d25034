// The campaign report screen in real Chromium against the shared stack: a real small A/B run (contacts enrolled
// through the API, ZNS through the provider sandbox, one refused, two payments), then an analyst reads its report.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { formatCount, formatVnd } from '../src/format/formats';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { produceReportRun, type ReportRun } from './support/report-run';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

interface NodeFigures {
  stepId: string;
  entered: number;
  waitingNow: number;
  succeeded: number;
  failed: number;
  topErrors: Array<{ code: string; count: number; meaning: string | null }>;
}
interface ChannelReport {
  conversions: number;
  totalCostVnd: number;
  accounts: Array<{
    accountId: string;
    accountName: string;
    messages: number;
    sent: number;
    delivered: number;
    seen: number;
    failed: number;
    costVnd: number;
  }>;
}
interface SplitReport {
  splits: Array<{
    stepId: string;
    variants: Array<{ variantId: string; entered: number; converted: number }>;
    test: { state: string };
    tooEarlyToCall: boolean;
  }>;
}
interface SeriesReport {
  points: Array<{ at: string; entries: number; sends: number; conversions: number }>;
}

const stack = sharedStack();
const STEPS = ['start', 'split', 'zns-a', 'zns-b', 'wait-paid', 'exit-paid'];
const FIGURES = ['entered', 'waitingNow', 'succeeded', 'failed'] as const;
let browser: Browser;
let run: ReportRun;
const opened: SignedInPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  run = await produceReportRun(stack);
}, 180_000);

afterEach(async () => {
  for (const signedIn of opened.splice(0)) {
    expect(signedIn.errors).toEqual([]);
    await signedIn.context.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

async function openAsAnalyst(): Promise<Page> {
  const signedIn = await signedInPage(browser, stack, 'analyst');
  opened.push(signedIn);
  return signedIn.page;
}

async function report<T>(path: string): Promise<T> {
  const analyst = await apiAs(stack, 'analyst');
  return analyst.expect<T>(200, 'GET', `/reports/campaigns/${run.campaignId}${path}`);
}

/** The value, which the test has just checked is there. */
function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`no ${what}`);
  return value;
}

/** The chart's table (under "Show as a table") holds the API's figures, point by point. */
async function expectSeriesTable(page: Page, series: SeriesReport): Promise<void> {
  const table = page.getByTestId('series-table');
  await eventually(async () => {
    if (!(await table.isVisible())) await page.getByText('Show as a table').click({ timeout: 2_000 });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' ')),
      );
    expect(rows).toEqual(
      series.points.map((point) => `${point.entries} ${point.sends} ${point.conversions}`),
    );
  });
}

const stepFigures = (page: Page, stepId: string) =>
  page.locator(`.react-flow__node[data-id="${stepId}"] [data-testid="step-figures"]`);

describe('the campaign report screen', () => {
  it('shows an analyst the per-step figures on the canvas, the channels, the split and a CSV, and nothing to edit', async () => {
    const page = await openAsAnalyst();
    // From the campaign list's row
    await page.goto(`/campaigns?q=${encodeURIComponent(run.name)}`);
    await page.getByRole('link', { name: `Report: ${run.name}` }).click();
    await page.waitForURL(new RegExp(`/campaigns/${run.campaignId}/report`));
    await page.getByRole('heading', { name: `${run.name} · Report`, level: 1 }).waitFor();

    // Overview
    const overview = page.getByTestId('report-overview');
    await eventually(async () =>
      expect(await overview.locator('[data-figure="entered"] dd').textContent()).toBe('4'),
    );
    expect(await overview.locator('[data-figure="conversions"] dd').textContent()).toBe('2');
    expect(await overview.locator('[data-reason="paid"] dd').textContent()).toBe('2');
    expect(await overview.locator('[data-reason="failed"] dd').textContent()).toBe('1');

    // Per step: each badge on the canvas equals the API's figure
    const { nodes } = await report<{ nodes: NodeFigures[] }>('/nodes');
    await stepFigures(page, 'start').waitFor();
    for (const stepId of STEPS) {
      const expected = nodes.find((node) => node.stepId === stepId);
      for (const figure of FIGURES) {
        const shown = await stepFigures(page, stepId)
          .locator(`[data-figure="${figure}"]`)
          .getAttribute('data-value');
        expect(`${stepId} ${figure} ${shown}`).toBe(`${stepId} ${figure} ${expected?.[figure] ?? 0}`);
      }
    }
    expect(nodes.find((node) => node.stepId === 'wait-paid')?.waitingNow).toBe(1);
    // The refused send's step lists its error code and meaning
    const refused = present(
      nodes.find((node) => node.failed > 0),
      'step with a failure',
    );
    const topError = present(refused.topErrors[0], 'error code');
    expect(topError.code).toBe(String(run.refusedCode));
    const errors = stepFigures(page, refused.stepId).getByTestId('step-errors');
    await errors.locator('summary').click();
    const item = errors.locator(`li[data-code="${run.refusedCode}"]`);
    expect(await item.isVisible()).toBe(true);
    expect(await item.textContent()).toContain(topError.meaning ?? 'Meaning unknown');

    // Per channel and account
    const channels = await report<ChannelReport>('/channels');
    const account = present(channels.accounts[0], 'channel account');
    expect(channels.accounts).toHaveLength(1);
    expect(account.failed).toBe(1);
    const row = page.locator(
      `[data-testid="channel-table"] tbody tr[data-account-id="${account.accountId}"]`,
    );
    await row.waitFor();
    for (const column of ['messages', 'sent', 'delivered', 'seen', 'failed'] as const)
      expect(await row.locator(`[data-column="${column}"]`).textContent()).toBe(formatCount(account[column]));
    expect(await row.locator('[data-column="cost"]').textContent()).toBe(formatVnd(account.costVnd));
    expect(await row.locator(`li[data-code="${run.refusedCode}"]`).count()).toBe(1);

    // The A/B split: four journeys are not enough to test, nor to call a winner
    const splitReport = present((await report<SplitReport>('/splits')).splits[0], 'split');
    const split = page.locator('[data-testid="split-result"][data-step-id="split"]');
    for (const variant of splitReport.variants) {
      const variantRow = split.locator(`tr[data-variant-id="${variant.variantId}"]`);
      expect(await variantRow.locator('[data-column="entered"]').textContent()).toBe(String(variant.entered));
      expect(await variantRow.locator('[data-column="converted"]').textContent()).toBe(
        String(variant.converted),
      );
    }
    expect(splitReport.test.state).toBe('notEnoughData');
    expect(await split.getByTestId('split-test').getAttribute('data-state')).toBe('notEnoughData');
    await split.getByText('Not enough data yet to test').waitFor();
    await split.getByTestId('split-too-early').getByText('Do not call a winner yet').waitFor();

    // The time series, per hour then per day, kept in the address
    const chart = page.getByTestId('series-chart');
    const series = await report<SeriesReport>('/series');
    expect(series.points.length).toBeGreaterThan(0);
    // Recharts draws a dot per point of each of the three lines, named after its line
    await eventually(async () =>
      expect(await chart.locator('.recharts-line-dot').count()).toBe(3 * series.points.length),
    );
    expect(await chart.locator('circle[name="Entries"]').count()).toBe(series.points.length);
    await expectSeriesTable(page, series);
    await page.getByRole('radio', { name: 'Hour' }).click();
    await page.waitForURL(/interval=hour/);
    await eventually(async () =>
      expect(await page.getByRole('radio', { name: 'Hour' }).isChecked()).toBe(true),
    );
    await expectSeriesTable(page, await report<SeriesReport>('/series?interval=hour'));

    // Download the channel table as CSV
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV: Per channel and account' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('campaign-report-channels-all-versions.csv');
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe(
      'channel,account_id,account_name,messages,sent,delivered,seen,failed,failed_by_code,cost_vnd,cost_per_conversion_vnd',
    );
    expect(csv).toHaveLength(2);
    // Zalo's codes are negative: the cell is escaped so that a spreadsheet does not run it as a formula.
    expect(csv[1]).toContain(
      `${account.accountId},${account.accountName},${account.messages},${account.sent},${account.delivered},${account.seen},${account.failed},'${run.refusedCode}:1`,
    );

    // Nothing to edit: no lifecycle actions, no "+" on the steps, no step can be dragged
    expect(await page.getByTestId('lifecycle-bar').count()).toBe(0);
    expect(await page.locator('.step__add').count()).toBe(0);
    expect(await page.locator('.react-flow__node.draggable').count()).toBe(0);
    const buttons = await page.getByRole('button').allTextContents();
    expect(buttons.filter((text) => /save|submit|publish|delete|archive|duplicate|stop/i.test(text))).toEqual(
      [],
    );
  });

  it('keeps the version and the days in the address, and reads the figures of that window', async () => {
    const page = await openAsAnalyst();
    await page.goto(`/campaigns/${run.campaignId}/report`);
    const overview = page.getByTestId('report-overview');
    await overview.locator('[data-figure="entered"] dd').getByText('4').waitFor();
    await page.getByLabel('Version', { exact: true }).selectOption('1');
    await page.waitForURL(/version=1/);
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await page.waitForURL(/from=2020-01-01&to=2020-01-31/);
    // Nothing entered in January 2020
    await overview.locator('[data-figure="entered"] dd').getByText('0').waitFor();
    await page.reload();
    expect(await page.getByLabel('Version', { exact: true }).inputValue()).toBe('1');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2020-01-01');
    await overview.locator('[data-figure="entered"] dd').getByText('0').waitFor();
    await page.getByRole('button', { name: 'Clear dates' }).click();
    await overview.locator('[data-figure="entered"] dd').getByText('4').waitFor();
    expect(new URL(page.url()).search).toBe('?version=1');
  });

  it('keeps both days when they change before the page renders again', async () => {
    const page = await openAsAnalyst();
    await page.goto(`/campaigns/${run.campaignId}/report`);
    await page.getByTestId('report-overview').locator('[data-figure="entered"] dd').getByText('4').waitFor();
    // Both inputs change within one task, as an autofill or a date-range picker would do
    await page.evaluate(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      for (const [id, day] of [
        ['report-from', '2020-01-01'],
        ['report-to', '2020-01-31'],
      ] as const) {
        const input = document.getElementById(id) as HTMLInputElement;
        setValue?.call(input, day);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await page.waitForURL(/\?from=2020-01-01&to=2020-01-31$/);
    await eventually(async () =>
      expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2020-01-31'),
    );
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2020-01-01');
  });

  it('is counted in the campaign list: journeys entered and in progress, as the report says', async () => {
    const { overall } = await report<{ overall: { entered: number; inProgress: number } }>('');
    const page = await openAsAnalyst();
    await page.goto('/campaigns');
    const row = page.locator(`[data-testid="campaign-row"][data-campaign-id="${run.campaignId}"]`);
    await eventually(async () =>
      expect(await row.getByTestId('campaign-journeys').textContent()).toBe(
        `${overall.entered} entered · ${overall.inProgress} in progress`,
      ),
    );
    expect(overall.entered).toBe(4);
  });

  it('is reached from the editor of a published campaign', async () => {
    const page = await openAsAnalyst();
    await page.goto(`/campaigns/${run.campaignId}`);
    await page.getByTestId('lifecycle-bar').getByRole('link', { name: 'Report' }).click();
    await page.waitForURL(new RegExp(`/campaigns/${run.campaignId}/report$`));
    await page.getByTestId('report-page').waitFor();
  });
});
