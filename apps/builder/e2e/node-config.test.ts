// The step config panel in the campaign editor, in real Chromium against the shared stack: every dedicated widget
// edits its step and the autosaved draft holds what was chosen.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
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

const at = (x: number, y: number) => ({ x, y });

/** One step of each kind the panel has a dedicated widget for, in a flow that makes sense. */
function campaignGraph() {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.event', position: at(0, 0), data: { event: 'cart.abandoned' } },
      { id: 'wait', type: 'wait.delay', position: at(280, 0), data: { amount: 4, unit: 'hours' } },
      {
        id: 'unpaid',
        type: 'branch.condition',
        position: at(560, 0),
        data: {
          rule: {
            match: 'all',
            rules: [
              { kind: 'event_seen', event: 'order_completed', withinDays: 1, minCount: 0, maxCount: 0 },
            ],
          },
        },
      },
      {
        id: 'ab',
        type: 'branch.split',
        position: at(840, 0),
        data: {
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        },
      },
      {
        id: 'zns',
        type: 'send.zns',
        position: at(1120, -120),
        data: { accountId: stack.accounts.zaloOa, templateId: '300002', params: { otp: '123456' } },
      },
      {
        id: 'morning',
        type: 'wait.until',
        position: at(1120, 120),
        data: { until: { kind: 'time_of_day', time: '09:00', weekdays: [1, 2, 3, 4, 5] } },
      },
      {
        id: 'sms',
        type: 'send.sms',
        position: at(1400, 120),
        data: { accountId: stack.accounts.esms, brandName: 'SHOPHOA', text: 'Chào', purpose: 'care' },
      },
      { id: 'done', type: 'flow.exit', position: at(1400, -120), data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'unpaid' },
      { id: 'e3', source: 'unpaid', sourceHandle: 'yes', target: 'ab' },
      { id: 'e4', source: 'unpaid', sourceHandle: 'no', target: 'done' },
      { id: 'e5', source: 'ab', sourceHandle: 'a', target: 'zns' },
      { id: 'e6', source: 'ab', sourceHandle: 'b', target: 'morning' },
      { id: 'e7', source: 'morning', sourceHandle: 'next', target: 'sms' },
      { id: 'e8', source: 'zns', sourceHandle: 'success', target: 'done' },
    ],
  };
}

async function savedData(
  asMarketer: Awaited<ReturnType<typeof apiAs>>,
  id: string,
): Promise<Record<string, Record<string, unknown>>> {
  const draft = await asMarketer.expect<{
    graph: { nodes: Array<{ id: string; data: Record<string, unknown> }> };
  }>(200, 'GET', `/campaigns/${id}/draft`);
  return Object.fromEntries(draft.graph.nodes.map((node) => [node.id, node.data]));
}

async function select(page: Page, stepId: string): Promise<Locator> {
  // from the keyboard: a focused step is selected with Enter (and nothing on the canvas can be in the way)
  await page.locator(`.react-flow__node[data-id="${stepId}"]`).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId(`node-config-${stepId}`);
  await panel.waitFor();
  return panel;
}

async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name) });
}

describe('the step config panel', () => {
  it('edits every kind of step through its widgets and autosaves what was chosen', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Config ${randomUUID().slice(0, 6)}`,
      graph: campaignGraph(),
    });
    const signedIn = await signedInPage(browser, stack, 'marketer', {
      viewport: { width: 1440, height: 1000 },
    });
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    await page.locator('[data-testid="step"]').first().waitFor();
    // the problems list would cover steps: fold it
    const problems = page.locator('.problems__toggle');
    if ((await problems.getAttribute('aria-expanded')) === 'true') await problems.click();

    // ZNS: the OA's approved templates with their price; params mapped to a contact field, fixed text, Liquid
    const zns = await select(page, 'zns');
    const template = zns.getByLabel('ZNS template');
    await eventually(async () =>
      expect(await template.locator('option').allTextContents()).toContainEqual(
        expect.stringMatching(/^Xác nhận đơn hàng · #300001 · 300\s₫$/),
      ),
    );
    // templates waiting for review, rejected or disabled cannot be chosen
    const offered = await template.locator('option').allTextContents();
    expect(
      offered.filter((option) => /Ưu đãi thành viên|Nhắc lịch hẹn|Thông báo giao hàng/.test(option)),
    ).toEqual([]);
    await template.selectOption('300001');
    await zns.getByLabel('customer_name', { exact: true }).selectOption('field:contact.name');
    await zns.getByLabel('order_code', { exact: true }).selectOption('literal');
    await zns.getByLabel('Fixed text for order_code').fill('DH1024');
    await zns.getByLabel('amount', { exact: true }).selectOption('liquid');
    const expression = zns.getByLabel('Expression for amount');
    await expression.fill('');
    await expression.pressSequentially('{{ contact.na');
    await zns.getByRole('option', { name: /contact\.name/ }).waitFor();
    await expression.press('Enter');
    expect(await expression.inputValue()).toBe('{{ contact.name }}');
    await zns.getByLabel('order_date', { exact: true }).selectOption('literal');
    await zns.getByLabel('Fixed text for order_date').fill('01/12/2026');
    const preview = zns.getByRole('region', { name: 'Preview' });
    await preview.getByText('DH1024').waitFor();
    expect(await preview.textContent()).toMatch(/Cost per message: 300\s₫/);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'config-zns.png');

    // Condition: a rule added and turned into a tag rule
    const condition = await select(page, 'unpaid');
    await condition.getByRole('button', { name: '+ Add condition' }).click();
    await condition.getByLabel('Condition kind').last().selectOption('tag');
    await condition.getByLabel('Tag', { exact: true }).fill('vip');
    await condition.getByLabel('Combine with').first().selectOption('any');
    await screenshot(page, 'config-condition.png');

    // Split: one weight changed, the other follows; a third variant takes an equal share
    const split = await select(page, 'ab');
    await split.getByRole('spinbutton', { name: 'Weight of a (%)' }).fill('70');
    expect(await split.getByRole('spinbutton', { name: 'Weight of b (%)' }).inputValue()).toBe('30');
    await split.getByRole('button', { name: '+ Add variant' }).click();
    await split.getByText('Total: 100%').waitFor();

    // Delay in words
    const delay = await select(page, 'wait');
    await delay.getByLabel('Amount').fill('2');
    await delay.getByLabel('Unit').selectOption('days');
    await delay.getByText('Wait 2 days, then go on.').waitFor();

    // Wait until: Saturday added to the weekdays
    const morning = await select(page, 'morning');
    await morning.getByRole('button', { name: 'Saturday' }).click();
    expect(await morning.getByRole('button', { name: 'Saturday' }).getAttribute('aria-pressed')).toBe('true');

    // SMS: a variable completed after "{{", its length and encoding live
    const sms = await select(page, 'sms');
    const text = sms.getByLabel('Text', { exact: true });
    await text.press('End');
    await text.pressSequentially(' {{ contact.na');
    await sms.getByRole('option', { name: /contact\.name/ }).waitFor();
    await text.press('Enter');
    expect(await text.inputValue()).toBe('Chào {{ contact.name }}');
    // the text field keeps the browser's own undo: the completion is one step of it
    await text.press('Control+z');
    expect(await text.inputValue()).toBe('Chào {{ contact.na');
    await text.press('Control+Shift+z');
    expect(await text.inputValue()).toBe('Chào {{ contact.name }}');
    await eventually(async () =>
      expect(await sms.getByTestId('sms-length').textContent()).toMatch(/1 SMS · UCS-2/),
    );

    // Trigger: the event name
    const start = await select(page, 'start');
    await start.getByRole('combobox', { name: 'Event' }).fill('checkout.abandoned');

    expect(await seriousViolations(page)).toEqual([]);

    await eventually(async () => {
      const data = await savedData(asMarketer, id);
      expect(data.zns).toMatchObject({
        templateId: '300001',
        purpose: 'transactional',
        params: {
          customer_name: '{{ contact.name }}',
          order_code: 'DH1024',
          amount: '{{ contact.name }}',
          order_date: '01/12/2026',
        },
      });
      expect(data.unpaid).toMatchObject({
        rule: { match: 'any', rules: [{ kind: 'event_seen' }, { kind: 'tag', tag: 'vip', has: true }] },
      });
      expect((data.ab?.variants as Array<{ weight: number }>).map((variant) => variant.weight)).toEqual([
        47, 20, 33,
      ]);
      expect(data.wait).toMatchObject({ amount: 2, unit: 'days' });
      expect(data.morning).toMatchObject({ until: { weekdays: [1, 2, 3, 4, 5, 6] } });
      expect(data.sms).toMatchObject({ text: 'Chào {{ contact.name }}' });
      expect(data.start).toMatchObject({ event: 'checkout.abandoned' });
    }, 20_000);
  });
});

/** A condition whose branches lead nowhere yet, a send step and an exit that nothing reaches. */
function unconnectedGraph() {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: at(0, 0), data: { label: 'Start' } },
      {
        id: 'check',
        type: 'branch.condition',
        position: at(0, 200),
        data: {
          label: 'Paid?',
          rule: { match: 'all', rules: [{ kind: 'send_outcome', nodeId: 'gone', outcome: 'failed' }] },
        },
      },
      {
        id: 'sms',
        type: 'send.sms',
        position: at(-200, 420),
        data: { label: 'Reminder SMS', accountId: stack.accounts.esms, text: 'Chào', purpose: 'care' },
      },
      { id: 'done', type: 'flow.exit', position: at(200, 420), data: { label: 'Done' } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'check' }],
  };
}

async function savedEdges(asMarketer: Awaited<ReturnType<typeof apiAs>>, id: string) {
  const draft = await asMarketer.expect<{
    graph: { edges: Array<{ id: string; source: string; sourceHandle: string; target: string }> };
  }>(200, 'GET', `/campaigns/${id}/draft`);
  return draft.graph.edges;
}

/** The number on a step's problem badge (0 without one). */
async function problemsOf(page: Page, stepId: string): Promise<number> {
  // One read: the badge may go away between a count and a read while validation catches up.
  const texts = await page
    .locator(`[data-step-id="${stepId}"] [data-testid="step-problems"]`)
    .evaluateAll((badges) => badges.map((badge) => badge.textContent));
  return texts.length === 0 ? 0 : Number(texts[0]);
}

/** Presses Tab until the element with this accessible label has the focus. */
async function tabTo(page: Page, label: string) {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
    });
    if (focused === label) return;
  }
  throw new Error(`Tab never reached “${label}”`);
}

const connectionTargets = (page: Page) =>
  page.locator('.react-flow__edge').evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-id')));

describe('the step’s connections in the config panel', () => {
  it('connects, reconnects and disconnects steps from the keyboard, undoably, and autosaves it', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Connections ${randomUUID().slice(0, 6)}`,
      graph: unconnectedGraph(),
    });
    const signedIn = await signedInPage(browser, stack, 'marketer', {
      viewport: { width: 1440, height: 1000 },
    });
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    await page.locator('[data-testid="step"]').first().waitFor();
    const edges = page.locator('.react-flow__edge');
    expect(await edges.count()).toBe(1);
    await eventually(async () => expect(await problemsOf(page, 'done')).toBeGreaterThan(0));
    const doneProblems = await problemsOf(page, 'done');

    const panel = await select(page, 'check');
    const yes = panel.getByLabel('“yes” goes to');
    const no = panel.getByLabel('“no” goes to');
    // the step itself and the trigger cannot be a target, as on the canvas
    expect(await yes.locator('option').allTextContents()).toEqual([
      '— not connected —',
      'Done',
      'Reminder SMS',
    ]);
    expect(await yes.inputValue()).toBe('');

    await tabTo(page, '“yes” goes to');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await edges.count()).toBe(2));
    expect(await yes.inputValue()).toBe('done');
    // live validation: the exit is reached now
    await eventually(async () => expect(await problemsOf(page, 'done')).toBeLessThan(doneProblems));

    // one undo step, taken back on the canvas
    await page.locator('.react-flow__node[data-id="check"]').focus();
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await edges.count()).toBe(1));
    expect(await yes.inputValue()).toBe('');
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => expect(await yes.inputValue()).toBe('done'));

    // reconnect "yes" to the SMS, connect "no" to the exit, then disconnect "yes"
    await tabTo(page, '“yes” goes to');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await yes.inputValue()).toBe('sms'));
    await tabTo(page, '“no” goes to');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await no.inputValue()).toBe('done'));
    expect(await edges.count()).toBe(3);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await eventually(async () => expect(await yes.inputValue()).toBe(''));
    expect(await edges.count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    let saved: Awaited<ReturnType<typeof savedEdges>> = [];
    await eventually(async () => {
      saved = await savedEdges(asMarketer, id);
      expect(saved.map(({ source, sourceHandle, target }) => ({ source, sourceHandle, target }))).toEqual([
        { source: 'start', sourceHandle: 'next', target: 'check' },
        { source: 'check', sourceHandle: 'no', target: 'done' },
      ]);
    }, 20_000);
    await page.reload();
    await page.locator('[data-testid="step"]').first().waitFor();
    await eventually(async () =>
      expect((await connectionTargets(page)).sort()).toEqual(saved.map((edge) => edge.id).sort()),
    );
    const reloaded = await select(page, 'check');
    expect(await reloaded.getByLabel('“no” goes to').inputValue()).toBe('done');
  });

  it('picks the step of a “message outcome” rule among the send steps and keeps its id', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Send outcome ${randomUUID().slice(0, 6)}`,
      graph: unconnectedGraph(),
    });
    const signedIn = await signedInPage(browser, stack, 'marketer', {
      viewport: { width: 1440, height: 1000 },
    });
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    await page.locator('[data-testid="step"]').first().waitFor();
    const panel = await select(page, 'check');
    const sendStep = panel.getByLabel('Send step');
    // the rule points at a step that is not in the campaign: it says so
    expect(await sendStep.inputValue()).toBe('gone');
    expect(await sendStep.locator('option').allTextContents()).toEqual([
      'Choose a send step',
      'Step gone is not in the campaign',
      'Reminder SMS',
    ]);
    await sendStep.selectOption({ label: 'Reminder SMS' });
    await eventually(async () => {
      const data = await savedData(asMarketer, id);
      expect(data.check).toMatchObject({ rule: { rules: [{ kind: 'send_outcome', nodeId: 'sms' }] } });
    }, 20_000);
  });

  it('shows the connections but does not change them when the draft is read-only', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Read-only ${randomUUID().slice(0, 6)}`,
      graph: unconnectedGraph(),
    });
    const signedIn = await signedInPage(browser, stack, 'analyst', {
      viewport: { width: 1440, height: 1000 },
    });
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    await page.locator('[data-testid="step"]').first().waitFor();
    const panel = await select(page, 'start');
    const next = panel.getByLabel('“next” goes to');
    expect(await next.inputValue()).toBe('check');
    expect(await next.isDisabled()).toBe(true);
  });
});
