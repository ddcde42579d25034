// The README's screenshots of the builder, taken in real Chromium against the shared stack. `npm run screenshots`
// writes them to docs/screenshots (LOA_SCREENSHOT_DIR); in `npm test` they go to tmp/screenshots, and the test
// checks that each screen shows what its picture is meant to show.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './support/api-session';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir } from './support/paths';
import { produceReportRun } from './support/report-run';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
const outputDir = process.env['LOA_SCREENSHOT_DIR']
  ? resolve(process.env['LOA_SCREENSHOT_DIR'])
  : screenshotDir;
let browser: Browser;
let signedIn: SignedInPage;
let asAdmin: SignedInPage;
let asMarketer: SignedInPage;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(outputDir, { recursive: true });
});

afterAll(async () => {
  expect([...(signedIn?.errors ?? []), ...(asAdmin?.errors ?? []), ...(asMarketer?.errors ?? [])]).toEqual(
    [],
  );
  await signedIn?.context.close();
  await asAdmin?.context.close();
  await asMarketer?.context.close();
  await browser?.close();
});

/** The abandoned-cart example on this workspace's Zalo OA (an approved template) and eSMS account. */
function abandonedCartHere() {
  const graph = structuredClone(abandonedCart) as {
    nodes: Array<{ id: string; data: Record<string, unknown> }>;
  };
  for (const node of graph.nodes) {
    if (node.id === 'zns-reminder')
      Object.assign(node.data, {
        accountId: stack.accounts.zaloOa,
        templateId: '300001',
        params: {
          customer_name: '{{ contact.name }}',
          order_code: '{{ event.orderId }}',
          amount: '{{ event.total }}',
          order_date: '{{ event.date }}',
        },
      });
    if (node.id === 'sms-reminder') node.data['accountId'] = stack.accounts.esms;
  }
  return graph;
}

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await eventually(async () =>
    expect(await page.locator('.react-flow__node[style*="visibility: hidden"]').count()).toBe(0),
  );
  await page.screenshot({ path: join(outputDir, name), ...options });
}

it('takes the README pictures: campaign list, editor with a ZNS step, test run, version diff', async () => {
  // The events the flow uses have been seen, so it has no warning about them
  const ingest = ApiSession.withKey(stack.apiUrl, stack.ingestKey);
  for (const event of ['cart.abandoned', 'order.paid'])
    await ingest.expect(200, 'POST', '/v1/track', {
      messageId: randomUUID(),
      userId: 'readme-shopper',
      event,
      properties: { orderId: 'DH1024', total: 1250000 },
    });
  const marketer = await apiAs(stack, 'marketer');
  const admin = await apiAs(stack, 'admin');
  const { id } = await marketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: 'Nhắc giỏ hàng bị bỏ quên',
    tags: ['giỏ hàng'],
    graph: abandonedCartHere(),
  });
  await marketer.expect(200, 'POST', `/campaigns/${id}/submit`);
  await admin.expect(200, 'POST', `/campaigns/${id}/approve`);
  const draft = await marketer.expect<{ revision: number; graph: { nodes: Array<Record<string, unknown>> } }>(
    200,
    'GET',
    `/campaigns/${id}/draft`,
  );
  const changed = structuredClone(draft.graph) as {
    nodes: Array<{ id: string; data: Record<string, unknown> }>;
  };
  changed.nodes.find((node) => node.id === 'wait-paid')!.data['timeout'] = { amount: 2, unit: 'hours' };
  await marketer.expect(200, 'PUT', `/campaigns/${id}/draft`, { revision: draft.revision, graph: changed });

  signedIn = await signedInPage(browser, stack, 'marketer', {
    locale: 'vi-VN',
    viewport: { width: 1440, height: 900 },
  });
  const { page } = signedIn;

  await page.goto('/campaigns');
  await page.getByRole('link', { name: 'Nhắc giỏ hàng bị bỏ quên' }).first().waitFor();
  await page.screenshot({ path: join(outputDir, 'campaign-list.png') });

  await page.goto(`/campaigns/${id}`);
  await page.locator('.react-flow__node[data-id="zns-reminder"]').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('node-config-zns-reminder').getByRole('region', { name: 'Xem trước' }).waitFor();
  await shoot(page, 'editor.png');

  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.getByRole('button', { name: 'Chạy thử', exact: true }).click();
  const simulation = page.getByTestId('simulation-panel');
  const sample = simulation.getByTestId('sim-contact').first();
  await sample.getByLabel('Họ tên', { exact: true }).fill('Nguyễn Thị Lan');
  await sample.getByLabel('Số điện thoại').fill('84912000001');
  await simulation.getByRole('button', { name: 'Chạy thử', exact: true }).last().click();
  await simulation.getByTestId('sim-results').waitFor();
  await simulation.getByRole('radio', { name: /Nguyễn Thị Lan/ }).check();
  await page.locator('.step--path').first().waitFor();
  // the results at the top of the side panel, the page itself unscrolled
  await simulation
    .getByTestId('sim-results')
    .evaluate((results) => results.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'test-run.png');

  await page.goto(`/campaigns/${id}/versions/1?compare=draft`);
  await page.locator('.step--changed, [class*="changed"]').first().waitFor();
  await shoot(page, 'version-diff.png');
}, 180_000);

const CUSTOMERS = [
  { name: 'Nguyễn Thị Lan', phone: '0912000101', email: 'lan.nguyen@example.vn', city: 'Hà Nội' },
  { name: 'Trần Văn Minh', phone: '0912000102', email: 'minh.tran@example.vn', city: 'TP Hồ Chí Minh' },
  { name: 'Lê Thị Hoa', phone: '0912000103', city: 'Đà Nẵng' },
  { name: 'Phạm Văn Tuấn', phone: '0912000104', email: 'tuan.pham@example.vn', city: 'Hải Phòng' },
  { name: 'Đỗ Thị Mai', phone: '0912000105', email: 'mai.do@example.vn', city: 'Cần Thơ' },
];

it("takes the README pictures: a campaign report, a contact's journey, the contacts, the channel accounts", async () => {
  const run = await produceReportRun(stack);
  const marketer = await apiAs(stack, 'marketer');
  for (const [index, { city, ...customer }] of CUSTOMERS.entries())
    await marketer.expect(201, 'POST', '/contacts', {
      externalId: `readme-${randomUUID().slice(0, 6)}-${index}`,
      ...customer,
      attributes: { city },
    });

  asAdmin = await signedInPage(browser, stack, 'admin', {
    locale: 'vi-VN',
    viewport: { width: 1440, height: 900 },
  });
  const { page } = asAdmin;

  await page.goto(`/campaigns/${run.campaignId}/report`);
  const overview = page.getByTestId('report-overview');
  await eventually(async () =>
    expect(await overview.locator('[data-figure="entered"] dd').textContent()).toBe('4'),
  );
  await page.locator('[data-testid="step-figures"]').first().waitFor();
  await shoot(page, 'campaign-report.png', { fullPage: true });

  // The contact still waiting to pay: its journey's path drawn on the version's canvas, the timeline naming the step.
  await page.goto(`/contacts/${run.contacts.waiting}`);
  const journey = page.getByTestId('contact-journeys').getByTestId('contact-journey').first();
  const canvas = journey.getByTestId('journey-canvas');
  await canvas.locator('.react-flow__node[data-id="exit-paid"]').waitFor();
  expect(
    await canvas.locator('.react-flow__node[data-id="wait-paid"] [data-testid="step"]').getAttribute('class'),
  ).toContain('step--current');
  expect(await canvas.locator('.step--path').count()).toBeGreaterThanOrEqual(3);
  await page
    .getByTestId('contact-timeline')
    .getByTestId('timeline-journey')
    .getByText('Chờ thanh toán', { exact: false })
    .waitFor();
  await shoot(page, 'contact-journey.png', { fullPage: true });

  await page.goto('/contacts');
  await page.getByText(CUSTOMERS[0]!.name).first().waitFor();
  await page.screenshot({ path: join(outputDir, 'contacts.png') });

  await page.goto('/settings/channels');
  await page.getByText('Zalo OA Cửa hàng').first().waitFor();
  await page.getByText('eSMS CSKH').first().waitFor();
  await page.screenshot({ path: join(outputDir, 'settings-channels.png') });
}, 180_000);

it('takes the README picture: a segment with a nested group, its live count and why a contact is not in it', async () => {
  const tag = `khach-quen-${randomUUID().slice(0, 4)}`;
  const vip = `${tag}-vip`;
  const marketer = await apiAs(stack, 'marketer');
  const people: Array<[string, string, string[]]> = [
    ['Vũ Thị Ngọc', 'Hà Nội', [tag]],
    ['Hoàng Văn Nam', 'Đà Nẵng', [tag, vip]],
    ['Bùi Thị Thu', 'Đà Nẵng', [tag]],
    ['Đặng Văn Long', 'Hà Nội', []],
  ];
  const ids: string[] = [];
  for (const [index, [name, city, tags]] of people.entries()) {
    const { contact } = await marketer.expect<{ contact: { id: string } }>(200, 'PUT', '/contacts', {
      match: { externalId: `${tag}-${index}` },
      name,
      phone: `0913${String(Date.now()).slice(-5)}${index}`,
      attributes: { city },
      tags: { add: tags },
    });
    ids.push(contact.id);
  }
  const segment = await marketer.expect<{ id: string }>(201, 'POST', '/segments', {
    name: 'Khách quen ở Hà Nội hoặc khách VIP',
    description: 'Khách đã mua nhiều lần, ở Hà Nội hoặc được gắn thẻ VIP.',
    rule: {
      match: 'all',
      rules: [
        { kind: 'tag', tag, has: true },
        {
          match: 'any',
          rules: [
            { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
            { kind: 'tag', tag: vip, has: true },
          ],
        },
      ],
    },
  });

  asMarketer = await signedInPage(browser, stack, 'marketer', {
    locale: 'vi-VN',
    viewport: { width: 1440, height: 900 },
  });
  const { page } = asMarketer;
  const notIn = ids[2] ?? '';
  // once the stored members are counted, the explanation agrees with them (no "not updated yet" note)
  await eventually(async () => {
    await page.goto(`/segments/${segment.id}?explain=${notIn}`);
    expect(await page.getByTestId('stored-member-count').getAttribute('data-count')).toBe('2');
  }, 30_000);
  await page.locator('.rule-group--depth-2').waitFor();
  const preview = page.getByTestId('segment-preview');
  await eventually(async () => {
    expect(await preview.getAttribute('data-busy')).toBeNull();
    expect(await preview.getByTestId('preview-count').getAttribute('data-count')).toBe('2');
  });
  const sample = page.getByTestId('preview-sample');
  for (const name of ['Vũ Thị Ngọc', 'Hoàng Văn Nam']) await sample.getByRole('link', { name }).waitFor();
  const explanation = page.getByTestId('explanation');
  await explanation.getByText('Bùi Thị Thu không có trong phân khúc').waitFor();
  expect(await explanation.getAttribute('data-matches')).toBe('false');
  expect(await explanation.locator('[data-path="rules.1"]').getAttribute('data-passed')).toBe('false');
  await shoot(page, 'segment.png', { fullPage: true });
}, 120_000);
