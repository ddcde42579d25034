// The campaign editor's canvas in real Chromium against the shared stack (e2e/support/shared-stack.main.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir } from './support/paths';
import {
  apiAs,
  collectPageErrors,
  sharedStack,
  signedInPage,
  type SignedInPage,
} from './support/shared-stack';

const stack = sharedStack();
let browser: Browser;
const opened: Array<{ page: Page; errors: string[] }> = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  for (const { page, errors } of opened.splice(0)) {
    expect(errors).toEqual([]);
    await page.close();
  }
});

afterAll(async () => {
  for (const signedIn of contexts.values()) await (await signedIn).context.close();
  await browser?.close();
});

/** One API session per role for the whole file: signing in again and again would meet the login rate limit. */
const sessions = new Map<string, ReturnType<typeof apiAs>>();
function api(role: 'marketer' | 'admin') {
  if (!sessions.has(role)) sessions.set(role, apiAs(stack, role));
  return sessions.get(role)!;
}

/** Likewise one signed-in browser context per role and language; each test opens its own page in it. */
const contexts = new Map<string, Promise<SignedInPage>>();

async function open(role: 'marketer' | 'admin' | 'analyst', locale: 'en-US' | 'vi-VN' = 'en-US') {
  const key = `${role}/${locale}`;
  if (!contexts.has(key))
    contexts.set(
      key,
      signedInPage(browser, stack, role, { locale }).then(async (signedIn) => {
        await signedIn.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: stack.builderUrl,
        });
        expect(signedIn.errors).toEqual([]);
        await signedIn.page.close();
        return signedIn;
      }),
    );
  const { context } = await contexts.get(key)!;
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = collectPageErrors(page);
  opened.push({ page, errors });
  return { page };
}

async function createCampaign(graph?: object): Promise<string> {
  const asMarketer = await api('marketer');
  const created = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Canvas ${randomUUID().slice(0, 6)}`,
    ...(graph && { graph }),
  });
  return created.id;
}

async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name) });
}

const steps = (page: Page) => page.getByTestId('step');
const edges = (page: Page) => page.locator('.react-flow__edge');
const stepOfType = (page: Page, type: string) =>
  page.locator(`[data-testid="step"][data-step-type="${type}"]`);

async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  await page
    .locator(`.palette [data-step-type="${type}"]`)
    .dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

async function connect(page: Page, source: string, handle: string, target: string) {
  const from = await page
    .locator(`.react-flow__node[data-id="${source}"] .react-flow__handle[data-handleid="${handle}"]`)
    .boundingBox();
  const to = await page
    .locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
    .boundingBox();
  if (!from || !to) throw new Error('handles not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function savedDraft(id: string) {
  const asMarketer = await api('marketer');
  return asMarketer.expect<{
    revision: number;
    graph: {
      nodes: Array<{ id: string; type: string; position: { x: number; y: number } }>;
      edges: unknown[];
    };
  }>(200, 'GET', `/campaigns/${id}/draft`);
}

describe('the campaign editor canvas', () => {
  it('builds a flow from the palette, validates, undoes, copies, tidies up and saves the draft', async () => {
    const id = await createCampaign();
    const { page } = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await page.getByText('Drag a “Start” step').waitFor();

    await dragFromPalette(page, 'trigger.manual', { x: 300, y: 80 });
    await dragFromPalette(page, 'send.sms', { x: 300, y: 330 });
    await eventually(async () => expect(await steps(page).count()).toBe(2));
    const triggerId = (await stepOfType(page, 'trigger.manual').getAttribute('data-step-id'))!;
    const smsId = (await stepOfType(page, 'send.sms').getAttribute('data-step-id'))!;

    await connect(page, triggerId, 'next', smsId);
    await eventually(async () => expect(await edges(page).count()).toBe(1));
    // the SMS has no account, brand name or text yet: a badge on it, and the problems panel lists it
    await stepOfType(page, 'send.sms').getByTestId('step-problems').waitFor();
    await page
      .getByTestId('problems')
      .getByText(/\d+ errors?/)
      .waitFor();
    expect(await page.getByTestId('problems').locator('.problems__item--error').count()).toBeGreaterThan(0);

    await page.getByTestId('canvas').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await edges(page).count()).toBe(0));
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => expect(await edges(page).count()).toBe(1));

    // copy / paste the SMS step through the system clipboard
    await stepOfType(page, 'send.sms').click();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toMatchObject({ kind: 'loa-nodes', nodes: [{ id: smsId, type: 'send.sms' }] });
    await page.getByRole('button', { name: 'Paste', exact: true }).click();
    await eventually(async () => expect(await stepOfType(page, 'send.sms').count()).toBe(2));
    // the keyboard does the same
    await page.keyboard.press('Control+d');
    await eventually(async () => expect(await stepOfType(page, 'send.sms').count()).toBe(3));
    await page.keyboard.press('Delete');
    await eventually(async () => expect(await stepOfType(page, 'send.sms').count()).toBe(2));

    // add a step after the SMS's free "failure" handle, and insert a wait on the trigger's connection
    await page
      .locator(`.react-flow__node[data-id="${smsId}"]`)
      .getByRole('button', { name: 'Add a step after “failure”' })
      .press('Enter'); // the pasted copy lies over the original: the keyboard reaches it anyway
    await page.getByRole('dialog', { name: 'Choose a step' }).getByRole('button', { name: 'Exit' }).click();
    await eventually(async () => expect(await stepOfType(page, 'flow.exit').count()).toBe(1));
    // each connection's "+" is named after the steps it joins, as the canvas shows them
    const shownName = (id: string) => page.locator(`[data-step-id="${id}"] .step__label`).innerText();
    await page
      .getByRole('button', {
        name: `Insert a step between “${await shownName(triggerId)}” and “${await shownName(smsId)}”`,
        exact: true,
      })
      .press('Enter');
    await page
      .getByRole('dialog', { name: 'Insert a step here' })
      .getByRole('button', { name: 'Wait for a while' })
      .press('Enter');
    await stepOfType(page, 'wait.delay').getByText('1 day').waitFor();
    // the keyboard carries on from the new step
    const waitId = (await stepOfType(page, 'wait.delay').getAttribute('data-step-id'))!;
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(waitId),
    );
    expect(await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node'))).toBe(
      true,
    );

    await page.getByRole('button', { name: 'Tidy up' }).click();
    await eventually(async () => {
      const trigger = await stepOfType(page, 'trigger.manual').boundingBox();
      const wait = await stepOfType(page, 'wait.delay').boundingBox();
      const sms = await page.locator(`[data-step-id="${smsId}"]`).boundingBox();
      expect(trigger!.y).toBeLessThan(wait!.y);
      expect(wait!.y).toBeLessThan(sms!.y);
    });

    await page
      .getByTestId('save-status')
      .getByText(/Saved at \d{2}:\d{2}/)
      .waitFor({ timeout: 15_000 });
    // routine autosaves are not read out
    expect(await page.getByTestId('save-announcer').textContent()).toBe('');
    await eventually(async () => {
      const draft = await savedDraft(id);
      expect(draft.graph.nodes.map((node) => node.type).sort()).toEqual(
        ['flow.exit', 'send.sms', 'send.sms', 'trigger.manual', 'wait.delay'].sort(),
      );
      expect(draft.graph.edges).toHaveLength(3);
    });
    // a sticky note is saved with the draft
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill('Hỏi pháp chế về nội dung SMS');
    await eventually(async () => {
      const draft = (await savedDraft(id)) as unknown as { graph: { notes?: Array<{ text: string }> } };
      expect(draft.graph.notes?.map((note) => note.text)).toEqual(['Hỏi pháp chế về nội dung SMS']);
    });
    await screenshot(page, 'editor-built.png');

    await page.reload();
    await eventually(async () => expect(await steps(page).count()).toBe(5));
    expect(await edges(page).count()).toBe(3);
    await page.getByText('Hỏi pháp chế về nội dung SMS').waitFor();
  });

  it('brings a step added beyond the edge of the view into view, and the keyboard carries on from it', async () => {
    const id = await createCampaign({
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Bắt đầu' } },
        {
          id: 'wait',
          type: 'wait.delay',
          position: { x: 0, y: 160 },
          data: { label: 'Chờ', amount: 1, unit: 'days' },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' }],
    });
    const { page } = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await eventually(async () => expect(await steps(page).count()).toBe(2));
    // the view fits the two steps, so the one added below the lower one starts outside it
    await page
      .locator('.react-flow__node[data-id="wait"]')
      .getByRole('button', { name: /^Add a step after/ })
      .press('Enter');
    await page
      .getByRole('dialog', { name: 'Choose a step' })
      .getByRole('button', { name: 'Exit' })
      .press('Enter');
    const exit = stepOfType(page, 'flow.exit');
    await exit.waitFor();
    const exitId = (await exit.getAttribute('data-step-id'))!;
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(exitId),
    );
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const box = (await exit.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  });

  it('on a stale save names who saved, copies my changes or reloads their version', async () => {
    const theirs = (label: string) => ({
      schemaVersion: 1,
      nodes: [{ id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label } }],
      edges: [],
    });
    const id = await createCampaign(theirs('Saved start'));
    const { page } = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await page.getByText('Saved start').waitFor();

    const asAdmin = await api('admin');
    await asAdmin.expect(200, 'PUT', `/campaigns/${id}/draft`, { revision: 1, graph: theirs('Their start') });

    await dragFromPalette(page, 'wait.delay', { x: 300, y: 300 });
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.textContent()).toContain(stack.users.admin.name);
    // a conflict is announced
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('conflict');
    expect(await page.getByTestId('save-announcer').textContent()).toBe('Not saved');
    expect(await dialog.textContent()).toContain('revision 2');
    await screenshot(page, 'editor-conflict.png');

    // keep mine: the step I added (not the one saved before) goes to the clipboard, their version loads, and
    // pasting brings my step back
    await dialog.getByRole('button', { name: 'Copy my changes, then reload' }).click();
    await page.getByTestId('editor-notice').waitFor();
    await page.getByText('Their start').waitFor();
    expect(await stepOfType(page, 'wait.delay').count()).toBe(0);
    const clipboard = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(clipboard.nodes.map((node: { type: string }) => node.type)).toEqual(['wait.delay']);
    await page.getByRole('button', { name: 'Paste', exact: true }).click();
    await stepOfType(page, 'wait.delay').waitFor();
    await page
      .getByTestId('save-status')
      .getByText(/Saved at/)
      .waitFor({ timeout: 15_000 });
    await eventually(async () => expect((await savedDraft(id)).revision).toBe(3));

    // take theirs: my change is dropped
    await asAdmin.expect(200, 'PUT', `/campaigns/${id}/draft`, {
      revision: 3,
      graph: theirs('Their second start'),
    });
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.keyboard.press('Delete');
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Reload their version (discard mine)' }).click();
    await page.getByText('Their second start').waitFor();
    expect(await steps(page).count()).toBe(1);
    expect(await dialog.count()).toBe(0);
  });

  it('shows a real campaign readably, with labelled handles, and without serious accessibility violations', async () => {
    const id = await createCampaign(abandonedCart);
    const { page } = await open('marketer', 'vi-VN');
    await page.goto(`/campaigns/${id}`);
    await eventually(async () => expect(await steps(page).count()).toBe(abandonedCart.nodes.length));
    await page.locator('.step__out-label').first().waitFor();
    // every step measured and placed (React Flow hides a node until it knows its size)
    await eventually(async () =>
      expect(await page.locator('.react-flow__node[style*="visibility: hidden"]').count()).toBe(0),
    );
    await screenshot(page, 'editor-abandoned-cart.png');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').getByText('Hoàn tác').waitFor();
    await page.keyboard.press('Escape');

    // its problems (the API's and the engine's) read in Vietnamese, not in the validator's English
    const draft = await (
      await api('marketer')
    ).expect<{ diagnostics: Array<{ message: string }> }>(200, 'GET', `/campaigns/${id}/draft`);
    expect(draft.diagnostics.length).toBeGreaterThan(0);
    const problems = page.getByTestId('problems');
    const toggle = problems.locator('.problems__toggle');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const messages = problems.locator('.problems__message');
    await eventually(async () =>
      expect(await messages.count()).toBeGreaterThanOrEqual(draft.diagnostics.length),
    );
    const shown = await messages.allTextContents();
    const english = new Set(draft.diagnostics.map((diagnostic) => diagnostic.message));
    expect(shown.filter((message) => english.has(message))).toEqual([]);
    for (const message of shown) expect(message).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệịọỏốồổộớờởợụủứừửữựỳỵỷỹ]/i);
  });

  it('opens a campaign read-only for an analyst: no palette, no editing, selection still works', async () => {
    const id = await createCampaign(abandonedCart);
    const { page } = await open('analyst');
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('.palette').count()).toBe(0);
    await steps(page).first().click();
    const before = await steps(page).count();
    await page.keyboard.press('Delete');
    // a later key press handled proves the Delete was handled too (key events are handled in order)
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').waitFor();
    expect(await steps(page).count()).toBe(before);
    await page.getByTestId('side-panel').locator('[data-testid^="node-config-"]').waitFor();
  });

  it('opens a draft waiting for approval read-only, even for its marketer, and still copies from it', async () => {
    const id = await createCampaign({
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Nhập danh sách' } },
        { id: 'done', type: 'flow.exit', position: { x: 0, y: 160 }, data: {} },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
    });
    const submitted = await (
      await api('marketer')
    ).expect<{ state: string }>(200, 'POST', `/campaigns/${id}/submit`);
    expect(submitted.state).toBe('pending_approval');

    const { page } = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('read-only').getByText('waiting for approval').waitFor();
    expect(await page.getByTestId('save-status').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tidy up' }).isDisabled()).toBe(true);
    await page.getByText('Nhập danh sách').click();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.nodes.map((node: { id: string }) => node.id)).toEqual(['start']);
  });
});
