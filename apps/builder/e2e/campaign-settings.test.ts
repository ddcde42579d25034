// The campaign settings in the editor's side panel, in real Chromium against the shared stack: shown when no step
// is selected, edited with undo and redo, and autosaved into the draft.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
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

const graph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
    { id: 'done', type: 'flow.exit', position: { x: 0, y: 200 }, data: {} },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
};

/** Lets the next edit start its own undo step (edits of the settings closer together are one). */
const pause = (page: Page) => page.waitForTimeout(1_000);

describe('the campaign settings panel', () => {
  it('sets quiet hours and a frequency cap, undoes and redoes a change, and autosaves them', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Settings ${randomUUID().slice(0, 6)}`,
      graph,
    });
    const signedIn = await signedInPage(browser, stack, 'marketer');
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    await page.locator('[data-testid="step"]').first().waitFor();

    const sidePanel = page.getByTestId('side-panel');
    await sidePanel.getByRole('heading', { name: 'Campaign settings' }).waitFor();
    const settings = sidePanel.getByTestId('campaign-settings');

    await settings.getByRole('button', { name: 'Add quiet hours' }).click();
    await settings.getByLabel('From', { exact: true }).fill('21:00');
    await settings.getByLabel('To', { exact: true }).fill('07:00');
    await pause(page);

    await settings.getByRole('button', { name: 'Add frequency caps' }).click();
    await settings.getByLabel('Channel', { exact: true }).selectOption('sms');
    await settings.getByLabel('At most', { exact: true }).fill('2');
    await pause(page);

    const end = settings.getByLabel('To', { exact: true });
    await end.fill('07:30');
    await pause(page);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await end.inputValue()).toBe('07:00');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await end.inputValue()).toBe('07:30');

    await eventually(async () => {
      const draft = await asMarketer.expect<{ graph: { settings?: Record<string, unknown> } }>(
        200,
        'GET',
        `/campaigns/${id}/draft`,
      );
      expect(draft.graph.settings).toMatchObject({
        quietHours: { start: '21:00', end: '07:30' },
        frequencyCaps: [{ channel: 'sms', max: 2, per: { amount: 1, unit: 'days' } }],
      });
    });

    // selecting a step shows its config instead; clearing the selection brings the settings back
    await page.locator('.react-flow__node[data-id="start"]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('node-config-start').waitFor();
    await page.keyboard.press('Escape');
    await settings.waitFor();
  });

  it('is read-only for an analyst', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Settings ${randomUUID().slice(0, 6)}`,
      graph: { ...graph, settings: { quietHours: { start: '22:00', end: '06:00' } } },
    });
    const signedIn = await signedInPage(browser, stack, 'analyst', { locale: 'vi-VN' });
    opened.push(signedIn);
    const { page } = signedIn;
    await page.goto(`/campaigns/${id}`);
    const sidePanel = page.getByTestId('side-panel');
    await sidePanel.getByRole('heading', { name: 'Cài đặt chiến dịch' }).waitFor();
    const start = sidePanel.getByTestId('campaign-settings').getByLabel('Từ', { exact: true });
    expect(await start.inputValue()).toBe('22:00');
    expect(await start.isEditable()).toBe(false);
    const addCap = sidePanel.getByRole('button', { name: 'Thêm giới hạn tần suất' });
    expect(await addCap.isDisabled()).toBe(true);
  });
});
