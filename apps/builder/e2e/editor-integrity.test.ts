// What the editor keeps across submits, lifecycle actions and reopening, in real Chromium against the shared stack
// (e2e/support/shared-stack.main.ts): the last edit is never lost or sent stale, and nobody conflicts with oneself.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
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
  signedIn.page.setDefaultTimeout(30_000);
  return signedIn.page;
}

/** Enter by hand, wait a day, leave: no send, so no channel account is needed. */
const waitGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Thêm thủ công' } },
    {
      id: 'wait',
      type: 'wait.delay',
      position: { x: 0, y: 150 },
      data: { label: 'Chờ', amount: 1, unit: 'days' },
    },
    { id: 'done', type: 'flow.exit', position: { x: 0, y: 300 }, data: { label: 'Xong', reason: 'done' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
    { id: 'e2', source: 'wait', sourceHandle: 'next', target: 'done' },
  ],
};

async function createCampaign(): Promise<{ id: string; name: string }> {
  const name = `Toàn vẹn ${randomUUID().slice(0, 6)}`;
  const created = await (
    await apiSession('marketer')
  ).expect<{ id: string }>(201, 'POST', '/campaigns', { name, graph: waitGraph });
  return { id: created.id, name };
}

interface SavedDraft {
  revision: number;
  graph: { notes?: Array<{ text: string }> };
}
const savedDraft = async (id: string) =>
  (await apiSession('marketer')).expect<SavedDraft>(200, 'GET', `/campaigns/${id}/draft`);
const notesOf = (draft: SavedDraft) => (draft.graph.notes ?? []).map((note) => note.text);

async function addNote(page: Page, text: string) {
  await page.getByRole('button', { name: 'Add a note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).last().fill(text);
}

const bar = (page: Page) => page.getByTestId('lifecycle-bar');

describe('the editor keeps every edit', () => {
  it('submits the edit made a moment before, not the draft as it was last saved', async () => {
    const { id } = await createCampaign();
    const page = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('step').first().waitFor();
    await addNote(page, 'Sửa ngay trước khi gửi');
    await bar(page).getByRole('button', { name: 'Submit for approval' }).click();
    await bar(page).getByText('Submitted. An admin will approve or reject it.').waitFor();

    const draft = await savedDraft(id);
    expect(notesOf(draft)).toEqual(['Sửa ngay trước khi gửi']);
    const campaign = await (
      await apiSession('marketer')
    ).expect<{ approval: { revision: number } }>(200, 'GET', `/campaigns/${id}`);
    expect(campaign.approval.revision).toBe(draft.revision);
  });

  it('reopens a campaign with what was saved, and keeps saving without a conflict with oneself', async () => {
    const { id, name } = await createCampaign();
    const page = await open('marketer');
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('step').first().waitFor();
    await addNote(page, 'Lần một');
    await eventually(async () => expect(notesOf(await savedDraft(id))).toEqual(['Lần một']));

    // back to the list and in again, inside the app (the cached draft is what the editor opens with)
    await page
      .getByRole('link', { name: /Campaigns/ })
      .first()
      .click();
    await page.getByRole('link', { name }).click();
    await page.getByText('Lần một').waitFor();
    await addNote(page, 'Lần hai');
    await eventually(async () =>
      expect(notesOf(await savedDraft(id)).sort()).toEqual(['Lần hai', 'Lần một']),
    );
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('keeps the undo history through a lifecycle action', async () => {
    const { id } = await createCampaign();
    await (await apiSession('marketer')).expect(200, 'POST', `/campaigns/${id}/submit`);
    await (await apiSession('admin')).expect(200, 'POST', `/campaigns/${id}/approve`);

    const page = await open('admin');
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('step').first().waitFor();
    await addNote(page, 'Hoàn tác được');
    await eventually(async () => expect(notesOf(await savedDraft(id))).toEqual(['Hoàn tác được']));
    await bar(page).getByRole('button', { name: 'Pause' }).click();
    await bar(page).getByText('Paused: no further message is sent until it resumes.').waitFor();
    // the refreshed campaign has arrived (its state), and the editor was not remounted
    await bar(page).getByRole('button', { name: 'Resume' }).waitFor();
    // two steps back: the note's text, then the note
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await page.getByText('Hoàn tác được').count()).toBe(0));
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await page.getByRole('textbox', { name: 'Note' }).count()).toBe(0));
    await eventually(async () => expect(notesOf(await savedDraft(id))).toEqual([]));
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('saves the last edit when the page is left, with a request the browser completes after the page is gone', async () => {
    const { id } = await createCampaign();
    const page = await open('marketer');
    const saves: Array<{ keepalive: boolean }> = [];
    await page.exposeFunction('recordDraftSave', (keepalive: boolean) => saves.push({ keepalive }));
    await page.addInitScript(() => {
      const original = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (input instanceof Request && input.method === 'PUT' && input.url.endsWith('/draft'))
          void (window as unknown as { recordDraftSave: (k: boolean) => Promise<void> }).recordDraftSave(
            input.keepalive,
          );
        return original(input, init);
      };
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('step').first().waitFor();
    await addNote(page, 'Lưu khi rời trang');
    await page.goto('about:blank');
    await eventually(async () => expect(notesOf(await savedDraft(id))).toEqual(['Lưu khi rời trang']));
    expect(saves.at(-1)).toEqual({ keepalive: true });
  });

  it('pastes only the well-formed steps of a clipboard text and says how many it left out', async () => {
    const { id } = await createCampaign();
    const page = await open('marketer');
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.builderUrl });
    await page.goto(`/campaigns/${id}`);
    await page.getByTestId('step').first().waitFor();
    const fragment = {
      kind: 'loa-nodes',
      nodes: [
        { id: 'ok', type: 'wait.delay', position: { x: 400, y: 0 }, data: { amount: 2, unit: 'hours' } },
        { id: 'bad', type: 'contact.update', position: { x: 400, y: 150 }, data: { addTags: 'vip' } },
      ],
      edges: [],
      notes: [],
    };
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(fragment));
    await page.getByRole('button', { name: 'Paste', exact: true }).click();
    await page.getByTestId('paste-skipped').getByText('1 damaged step was left out').waitFor();
    await eventually(async () => expect(await page.getByTestId('step').count()).toBe(4));
    await eventually(async () => {
      const draft = (await savedDraft(id)) as unknown as { graph: { nodes: Array<{ type: string }> } };
      expect(draft.graph.nodes.map((node) => node.type).sort()).toEqual(
        ['flow.exit', 'trigger.manual', 'wait.delay', 'wait.delay'].sort(),
      );
    });
  });
});
