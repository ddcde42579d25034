// Approval, versions and the read-only version page in real Chromium against the shared stack
// (e2e/support/shared-stack.main.ts): the lifecycle bar of the editor page, the version history and the diff.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatDateTime } from '../src/format/formats';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir } from './support/paths';
import { apiAs, sharedStack, signedInPage, type E2eRole, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
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

async function open(role: E2eRole): Promise<Page> {
  const signedIn = await signedInPage(browser, stack, role);
  opened.push(signedIn);
  await signedIn.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.builderUrl,
  });
  return signedIn.page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

/** A campaign with no send (so that it needs no channel account): enter by hand, wait a day, leave. */
function waitGraph(days: number) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Thêm thủ công' } },
      {
        id: 'wait',
        type: 'wait.delay',
        position: { x: 0, y: 150 },
        data: { label: 'Chờ', amount: days, unit: 'days' },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 300 }, data: { label: 'Xong', reason: 'done' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'done' },
    ],
    // Said in every version, so that a new campaign's workspace defaults do not show up as a change between them.
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}

async function createCampaign(graph: object): Promise<string> {
  const asMarketer = await apiSession('marketer');
  const created = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Vòng duyệt ${randomUUID().slice(0, 6)}`,
    graph,
  });
  return created.id;
}

/** [step id, decoration] of each decorated step on the canvas. */
async function decoratedSteps(page: Page): Promise<string[][]> {
  const steps = await page
    .getByTestId('step')
    .evaluateAll((nodes) =>
      nodes.map((node) => [
        node.getAttribute('data-step-id') ?? '',
        /step--(added|changed|removed|path)\b/.exec(node.className)?.[1] ?? '',
      ]),
    );
  return steps.filter(([, decoration]) => decoration !== '').sort();
}

/** The first Monday 09:00 in Vietnam (UTC+7) after now. */
function nextMondayAtNineInVietnam(): Date {
  const offsetMs = 7 * 3_600_000;
  const local = new Date(Date.now() + offsetMs);
  const candidate = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 9) - offsetMs,
  );
  while (candidate.getTime() <= Date.now() || new Date(candidate.getTime() + offsetMs).getUTCDay() !== 1)
    candidate.setTime(candidate.getTime() + 86_400_000);
  return candidate;
}

const bar = (page: Page) => page.getByTestId('lifecycle-bar');
const state = (page: Page) => bar(page).locator('[data-state]').first();

describe('the campaign lifecycle', () => {
  it('goes from submission through rejection with a comment to approval, and the version appears in history', async () => {
    const id = await createCampaign(waitGraph(1));

    const marketer = await open('marketer');
    await marketer.goto(`/campaigns/${id}`);
    await bar(marketer).getByRole('button', { name: 'Submit for approval' }).click();
    await bar(marketer).getByText('Submitted. An admin will approve or reject it.').waitFor();
    await eventually(async () =>
      expect(await state(marketer).getAttribute('data-state')).toBe('pending_approval'),
    );
    expect(await bar(marketer).getByRole('button').count()).toBe(0);
    // The draft waits for a decision: the editor turns read-only at once, and editable again once rejected.
    await marketer.getByTestId('read-only').waitFor();
    await eventually(async () =>
      expect(await marketer.getByText('Add a step', { exact: true }).count()).toBe(0),
    );

    const admin = await open('admin');
    await admin.goto(`/campaigns/${id}`);
    await bar(admin).getByTestId('approval-pending').waitFor();
    expect(await bar(admin).getByTestId('approval-pending').textContent()).toContain(
      stack.users.marketer.name,
    );
    await bar(admin).getByRole('button', { name: 'Reject' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Reject the submission' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText('Write a comment so that the submitter knows what to change').waitFor();
    await dialog.getByLabel('Comment for the submitter').fill('Rút thời gian chờ xuống 2 giờ');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await bar(admin).getByText('Rejected; the submitter will see your comment.').waitFor();
    await screenshot(admin, 'lifecycle-rejected-admin.png');

    await marketer.reload();
    await bar(marketer).getByTestId('approval-rejected').waitFor();
    expect(await bar(marketer).getByTestId('approval-rejected').textContent()).toContain(
      'Rút thời gian chờ xuống 2 giờ',
    );
    expect(await state(marketer).getAttribute('data-state')).toBe('draft');
    expect(await marketer.getByTestId('read-only').count()).toBe(0);
    await bar(marketer).getByRole('button', { name: 'Submit for approval' }).click();
    await bar(marketer).getByText('Submitted. An admin will approve or reject it.').waitFor();

    await admin.reload();
    await bar(admin).getByRole('button', { name: 'Approve and publish' }).click();
    await bar(admin).getByText('Approved and published.').waitFor();
    await eventually(async () => expect(await state(admin).getAttribute('data-state')).toBe('active'));
    await bar(admin).getByRole('link', { name: 'Live version: v1' }).waitFor();
    expect(await bar(admin).getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'lifecycle-active-admin.png');

    const asMarketer = await apiSession('marketer');
    const versions = await asMarketer.expect<{ items: Array<{ version: number; hash: string }> }>(
      200,
      'GET',
      `/campaigns/${id}/versions`,
    );
    expect(versions.items.map((version) => version.version)).toEqual([1]);

    await bar(admin).getByRole('link', { name: 'Live version: v1' }).click();
    await admin.waitForURL(`**/campaigns/${id}/versions/1`);
    const history = admin.getByTestId('version-history');
    await history.getByRole('link', { name: /v1/ }).waitFor();
    await history.getByText('Live').waitFor();
    expect(await history.textContent()).toContain(versions.items[0]!.hash.slice(0, 10));
  });

  it('lists the errors that block a submission, as the API names them', async () => {
    const invalid = waitGraph(1);
    invalid.nodes[1]!.data = { label: 'Chờ' } as (typeof invalid.nodes)[1]['data'];
    const id = await createCampaign(invalid);
    const marketer = await open('marketer');
    await marketer.goto(`/campaigns/${id}`);
    await bar(marketer).getByRole('button', { name: 'Submit for approval' }).click();
    const problem = bar(marketer).getByRole('alert');
    await problem.getByText(/Could not submit: The campaign has 2 errors to fix:/).waitFor();
    expect(await problem.getByRole('listitem').allTextContents()).toEqual([
      'Wait for a while “Chờ”: the amount of time is required.',
      'Wait for a while “Chờ”: the time unit is required.',
    ]);
  });

  it('opens a version read-only from a shared link, and shows what changed since the one before', async () => {
    const id = await createCampaign(waitGraph(1));
    const asMarketer = await apiSession('marketer');
    const asAdmin = await apiSession('admin');
    await asMarketer.expect(200, 'POST', `/campaigns/${id}/submit`);
    await asAdmin.expect(200, 'POST', `/campaigns/${id}/approve`);
    const second = waitGraph(2);
    second.nodes.splice(2, 0, {
      id: 'wait-more',
      type: 'wait.delay',
      position: { x: 0, y: 300 },
      data: { label: 'Chờ thêm', amount: 3, unit: 'hours' },
    } as (typeof second.nodes)[number]);
    second.nodes[3]!.position = { x: 0, y: 450 };
    second.edges[1] = { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'wait-more' };
    second.edges.push({ id: 'e3', source: 'wait-more', sourceHandle: 'next', target: 'done' });
    await asMarketer.expect(200, 'PUT', `/campaigns/${id}/draft`, { revision: 1, graph: second });
    await asMarketer.expect(200, 'POST', `/campaigns/${id}/submit`);
    await asAdmin.expect(200, 'POST', `/campaigns/${id}/approve`);

    const analyst = await open('analyst');
    await analyst.goto(`/campaigns/${id}/versions/2?compare=1`);
    await analyst.getByRole('heading', { name: /Version v2/ }).waitFor();
    await analyst.getByText('Read-only: a published version cannot be edited.').waitFor();
    const summary = analyst.getByTestId('diff-summary');
    await summary.getByRole('heading', { name: 'Changes from v1 to v2' }).waitFor();
    const changes = await summary.locator('.diff__change').allTextContents();
    expect(changes).toEqual([
      expect.stringMatching(
        /^Changed.*Chờ.*Fields: amount.*New connection: next → Chờ thêm.*Removed connection: next → Xong/,
      ),
      expect.stringMatching(/^Added.*Chờ thêm/),
    ]);
    await eventually(async () =>
      expect(await decoratedSteps(analyst)).toEqual([
        ['wait', 'changed'],
        ['wait-more', 'added'],
      ]),
    );
    expect(await seriousViolations(analyst)).toEqual([]);
    await screenshot(analyst, 'version-diff.png');

    // read-only, yet a step can be selected and copied (to paste into another campaign), and the link shared
    await analyst.locator('[data-testid="step"][data-step-id="wait-more"]').click();
    await analyst.keyboard.press('Control+c');
    await eventually(async () =>
      expect(JSON.parse(await analyst.evaluate(() => navigator.clipboard.readText()))).toMatchObject({
        kind: 'loa-nodes',
        nodes: [{ id: 'wait-more', type: 'wait.delay' }],
      }),
    );
    await analyst.getByRole('button', { name: 'Copy link' }).click();
    await analyst.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(await analyst.evaluate(() => navigator.clipboard.readText())).toBe(
      `${stack.builderUrl}/campaigns/${id}/versions/2?compare=1`,
    );

    await analyst.getByTestId('compare-select').selectOption('');
    await eventually(async () => expect(analyst.url()).not.toContain('compare='));
    await eventually(async () => expect(await analyst.getByTestId('diff-summary').count()).toBe(0));
  });

  it('lets an admin pause, resume and, once confirmed, stop a live campaign', async () => {
    const id = await createCampaign(waitGraph(1));
    await (await apiSession('marketer')).expect(200, 'POST', `/campaigns/${id}/submit`);
    await (await apiSession('admin')).expect(200, 'POST', `/campaigns/${id}/approve`);

    const admin = await open('admin');
    await admin.goto(`/campaigns/${id}`);
    await bar(admin).getByRole('button', { name: 'Pause' }).click();
    await bar(admin).getByText('Paused: no further message is sent until it resumes.').waitFor();
    await eventually(async () => expect(await state(admin).getAttribute('data-state')).toBe('paused'));
    await bar(admin).getByRole('button', { name: 'Resume' }).click();
    await eventually(async () => expect(await state(admin).getAttribute('data-state')).toBe('active'));

    await bar(admin).getByRole('button', { name: 'Stop' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Stop the campaign for good?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await state(admin).getAttribute('data-state')).toBe('active');
    await bar(admin).getByRole('button', { name: 'Stop' }).click();
    await confirm.getByRole('button', { name: 'Stop' }).click();
    await eventually(async () => expect(await state(admin).getAttribute('data-state')).toBe('stopped'));
    expect(await bar(admin).getByRole('button').count()).toBe(0);
    const campaign = await (
      await apiSession('admin')
    ).expect<{ state: string }>(200, 'GET', `/campaigns/${id}`);
    expect(campaign.state).toBe('stopped');
  });

  it('shows when a scheduled campaign runs next, and that its schedule is paused with it', async () => {
    const graph = waitGraph(1);
    graph.nodes[0] = {
      id: 'start',
      type: 'trigger.schedule',
      position: { x: 0, y: 0 },
      data: {
        label: 'Thứ Hai 9 giờ',
        audience: { kind: 'tag', tag: `weekly-${randomUUID().slice(0, 6)}` },
        schedule: { kind: 'recurring', cron: '0 9 * * 1' },
        timezone: 'Asia/Ho_Chi_Minh',
      },
    } as (typeof graph.nodes)[number];
    const id = await createCampaign(graph);
    await (await apiSession('marketer')).expect(200, 'POST', `/campaigns/${id}/submit`);
    await (await apiSession('admin')).expect(200, 'POST', `/campaigns/${id}/approve`);

    // the schedule is created by a queued job after the approval: the page is opened once it exists
    const asAdmin = await apiSession('admin');
    await eventually(async () => {
      const answer = await asAdmin.expect<{ scheduled: boolean }>(200, 'GET', `/campaigns/${id}/schedule`);
      expect(answer.scheduled).toBe(true);
    }, 30_000);
    const admin = await open('admin');
    await admin.goto(`/campaigns/${id}`);
    const schedule = bar(admin).getByTestId('schedule-status');
    const nextMonday = formatDateTime(nextMondayAtNineInVietnam(), 'Asia/Ho_Chi_Minh');
    await eventually(
      async () => expect(await schedule.textContent()).toContain(`Next scheduled run: ${nextMonday}`),
      30_000,
    );
    await bar(admin).getByRole('button', { name: 'Pause' }).click();
    await eventually(
      async () =>
        expect(await schedule.textContent()).toContain(`Schedule paused; next scheduled run: ${nextMonday}`),
      30_000,
    );
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it('shows no schedule for a live campaign without a schedule trigger', async () => {
    const id = await createCampaign(waitGraph(1));
    await (await apiSession('marketer')).expect(200, 'POST', `/campaigns/${id}/submit`);
    await (await apiSession('admin')).expect(200, 'POST', `/campaigns/${id}/approve`);
    const analyst = await open('analyst');
    const answered = analyst.waitForResponse((response) =>
      response.url().endsWith(`/campaigns/${id}/schedule`),
    );
    await analyst.goto(`/campaigns/${id}`);
    expect(await (await answered).json()).toMatchObject({ scheduled: false });
    expect(await bar(analyst).getByTestId('schedule-status').count()).toBe(0);
  });

  it('shows an analyst the state of a campaign without any action', async () => {
    const id = await createCampaign(waitGraph(1));
    const asMarketer = await apiSession('marketer');
    await asMarketer.expect(200, 'POST', `/campaigns/${id}/submit`);
    const analyst = await open('analyst');
    await analyst.goto(`/campaigns/${id}`);
    await bar(analyst).getByTestId('approval-pending').waitFor();
    expect(await state(analyst).getAttribute('data-state')).toBe('pending_approval');
    expect(await bar(analyst).getByRole('button').count()).toBe(0);
  });
});
