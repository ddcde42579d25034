// The test-run panel of the editor page in real Chromium against the shared stack: the engine's simulator runs in
// the browser on the canvas's graph; paths, timeline, rendered messages and cost are shown.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir, workspaceRoot } from './support/paths';
import { apiAs, sharedStack, signedInPage, type E2eRole, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
const abandonedCart = JSON.parse(
  readFileSync(join(workspaceRoot, 'packages/engine/examples/abandoned-cart.json'), 'utf8'),
) as object;
let browser: Browser;
/** One API session per role for the file: the API limits sign-ins per user and minute. */
const sessions = new Map<E2eRole, ReturnType<typeof apiAs>>();
const apiSession = (role: E2eRole) => sessions.get(role) ?? sessions.set(role, apiAs(stack, role)).get(role)!;
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

/** Steps the canvas marks as the chosen contact's path. */
async function pathSteps(page: Page): Promise<string[]> {
  const steps = await page
    .getByTestId('step')
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => node.classList.contains('step--path'))
        .map((node) => node.getAttribute('data-step-id')),
    );
  return steps.map(String).sort();
}

async function fillContact(contact: Locator, name: string, phone: string, orderId: string): Promise<void> {
  await contact.getByLabel('Name', { exact: true }).fill(name);
  await contact.getByLabel('Phone').fill(phone);
  await contact.getByLabel('Entry event “cart.abandoned”: value of row 1').fill(orderId);
}

it('simulates the abandoned-cart template for two sample contacts with a scripted payment and a ZNS failure', async () => {
  const asMarketer = await apiSession('marketer');
  const campaign = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Chạy thử ${randomUUID().slice(0, 6)}`,
    graph: abandonedCart,
  });
  const signedIn = await signedInPage(browser, stack, 'marketer');
  opened.push(signedIn);
  const { page } = signedIn;
  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByRole('button', { name: 'Test run' }).click();
  const panel = page.getByTestId('simulation-panel');

  await fillContact(panel.getByTestId('sim-contact').nth(0), 'Nguyễn Thị Lan', '84912000001', 'DH1');
  await panel.getByRole('button', { name: '+ Add a sample contact' }).click();
  await fillContact(panel.getByTestId('sim-contact').nth(1), 'Trần Minh', '84912000002', 'DH2');

  await panel.getByRole('button', { name: '+ Add an event' }).click();
  const event = panel.getByTestId('sim-event').first();
  expect(await event.getByLabel('Event name').inputValue()).toBe('order.paid');
  await event.getByLabel('After entry').fill('90');
  await event.getByLabel('Unit').selectOption('minutes');
  await event.getByRole('button', { name: '+ Add row' }).click();
  await event.getByLabel('Event properties: key of row 1').fill('orderId');
  await event.getByLabel('Event properties: value of row 1').fill('DH1');

  await panel.getByLabel('Provider outcome of ZNS nhắc giỏ hàng').selectOption('failed');
  await panel.getByLabel('Error code of ZNS nhắc giỏ hàng').fill('zns:-118');
  await panel.getByRole('button', { name: 'Run test', exact: true }).click();

  const results = panel.getByTestId('sim-results');
  await results.waitFor();
  expect(await results.getByTestId('sim-total-cost').textContent()).toMatch(/^520\s₫$/);
  await results.getByText(/reached the goal · left: converted · 0 messages/).waitFor();
  await eventually(async () => expect(await pathSteps(page)).toEqual(['exit-paid', 'start', 'wait-paid']));
  expect(await results.getByTestId('sim-message').count()).toBe(0);

  await results.getByRole('radio', { name: /Trần Minh/ }).check();
  await eventually(async () =>
    expect(await pathSteps(page)).toEqual(['sms-reminder', 'start', 'wait-paid', 'zns-reminder']),
  );
  const timeline = results.getByTestId('sim-timeline');
  const rows = await timeline.locator('tbody tr').allTextContents();
  expect(rows).toEqual([
    expect.stringMatching(/^\+0m.*Bỏ quên giỏ hàng.*Entered$/),
    expect.stringMatching(/^\+0m.*Chờ thanh toán 4 giờ.*Timed out$/),
    expect.stringMatching(/^\+4h.*ZNS nhắc giỏ hàng.*Send failedzns:-118$/),
    expect.stringMatching(/^\+4h.*SMS nhắc giỏ hàng.*Sent$/),
    expect.stringMatching(/^\+4h.*Left: completed$/),
  ]);
  const messages = results.getByTestId('sim-message');
  expect(await messages.count()).toBe(2);
  expect(await messages.nth(0).textContent()).toContain('order_code: DH2');
  expect(await messages.nth(0).textContent()).toContain('Send failed');
  expect(await messages.nth(1).textContent()).toContain(
    'LOASHOP: Don hang DH2 cua ban van dang cho thanh toan',
  );
  expect(await messages.nth(1).textContent()).toMatch(/520\s₫/);

  expect(await seriousViolations(page)).toEqual([]);
  // the panels scroll, the page itself never does
  expect(await page.evaluate('document.scrollingElement.scrollHeight - innerHeight')).toBe(0);
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, 'simulation-panel.png') });

  await page.getByRole('button', { name: 'Close the test run' }).click();
  await eventually(async () => expect(await pathSteps(page)).toEqual([]));
});

it('simulates a contact of the workspace as it is now, found by search', async () => {
  const asMarketer = await apiSession('marketer');
  const suffix = randomUUID().slice(0, 6);
  // 098: a Viettel mobile prefix (not every 849x prefix is a Vietnamese mobile number)
  const phone = `8498${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await asMarketer.expect(201, 'POST', '/contacts', { name: `Phạm Hoa ${suffix}`, phone });
  const campaign = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Chạy thử danh bạ ${suffix}`,
    graph: abandonedCart,
  });
  const signedIn = await signedInPage(browser, stack, 'marketer');
  opened.push(signedIn);
  const { page } = signedIn;
  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByRole('button', { name: 'Test run' }).click();
  const panel = page.getByTestId('simulation-panel');

  await panel.getByRole('button', { name: /^Remove sample-1 from the test run$/ }).click();
  await panel.getByRole('searchbox', { name: 'Search your contacts' }).fill(`Phạm Hoa ${suffix}`);
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await panel.getByRole('button', { name: 'Added', exact: true }).waitFor();
  const contact = panel.getByTestId('sim-contact');
  expect(await contact.count()).toBe(1);
  expect(await contact.textContent()).toContain(phone);
  await contact.getByLabel('Entry event “cart.abandoned”: value of row 1').fill('DH9');
  await panel.getByRole('button', { name: 'Run test', exact: true }).click();

  const results = panel.getByTestId('sim-results');
  await results.getByRole('radio', { name: new RegExp(`Phạm Hoa ${suffix}`) }).waitFor();
  const messages = results.getByTestId('sim-message');
  expect(await messages.count()).toBe(1);
  expect(await messages.first().textContent()).toContain(`customer_name: Phạm Hoa ${suffix}`);
  expect(await messages.first().textContent()).toContain('order_code: DH9');
});

it('simulates a segment condition with the workspace contacts’ real memberships and a sample’s chosen ones', async () => {
  const asMarketer = await apiSession('marketer');
  const suffix = randomUUID().slice(0, 6);
  const tag = `sim-vip-${suffix}`;
  const member = await asMarketer.expect<{ id: string }>(201, 'POST', '/contacts', {
    name: `Vũ Mai ${suffix}`,
    tags: { add: [tag] },
  });
  await asMarketer.expect(201, 'POST', '/contacts', { name: `Vũ Nam ${suffix}` });
  const segment = await asMarketer.expect<{ id: string }>(201, 'POST', '/segments', {
    name: `VIP ${suffix}`,
    rule: { match: 'all', rules: [{ kind: 'tag', tag }] },
  });
  await eventually(
    async () =>
      expect(
        await asMarketer.expect<{ items: Array<{ id: string }> }>(
          200,
          'GET',
          `/contacts/${member.id}/segments`,
        ),
      ).toEqual({ items: [expect.objectContaining({ id: segment.id })] }),
    30_000,
  );
  const at = (x: number, y: number) => ({ x, y });
  const campaign = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Chạy thử phân khúc ${suffix}`,
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', position: at(0, 0), data: {} },
        {
          id: 'vip',
          type: 'branch.condition',
          position: at(280, 0),
          data: { rule: { match: 'all', rules: [{ kind: 'segment', segmentId: segment.id }] } },
        },
        { id: 'exit-vip', type: 'flow.exit', position: at(560, -100), data: {} },
        { id: 'exit-other', type: 'flow.exit', position: at(560, 100), data: {} },
      ],
      edges: [
        { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'vip' },
        { id: 'e-yes', source: 'vip', sourceHandle: 'yes', target: 'exit-vip' },
        { id: 'e-no', source: 'vip', sourceHandle: 'no', target: 'exit-other' },
      ],
      settings: { timezone: 'Asia/Ho_Chi_Minh' },
    },
  });
  const signedIn = await signedInPage(browser, stack, 'marketer');
  opened.push(signedIn);
  const { page } = signedIn;
  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByRole('button', { name: 'Test run' }).click();
  const panel = page.getByTestId('simulation-panel');

  // the sample contact is put in the segment by hand
  await panel
    .getByTestId('sim-contact')
    .first()
    .getByRole('checkbox', { name: `VIP ${suffix}` })
    .check();
  for (const name of [`Vũ Mai ${suffix}`, `Vũ Nam ${suffix}`]) {
    await panel.getByRole('searchbox', { name: 'Search your contacts' }).fill(name);
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByRole('button', { name: 'Added', exact: true }).waitFor();
  }
  const contacts = panel.getByTestId('sim-contact');
  expect(await contacts.nth(1).getByTestId('sim-contact-segments').textContent()).toBe(
    `In segments: VIP ${suffix}`,
  );
  expect(await contacts.nth(2).textContent()).toContain('In no segment.');
  await panel.getByRole('button', { name: 'Run test', exact: true }).click();

  const results = panel.getByTestId('sim-results');
  await results.waitFor();
  await eventually(async () => expect(await pathSteps(page)).toEqual(['exit-vip', 'start', 'vip']));
  await results.getByRole('radio', { name: new RegExp(`Vũ Mai ${suffix}`) }).check();
  await eventually(async () => expect(await pathSteps(page)).toEqual(['exit-vip', 'start', 'vip']));
  await results.getByRole('radio', { name: new RegExp(`Vũ Nam ${suffix}`) }).check();
  await eventually(async () => expect(await pathSteps(page)).toEqual(['exit-other', 'start', 'vip']));
  expect(await seriousViolations(page)).toEqual([]);
});
