// The audience screens in real Chromium against the shared stack: the contact list (search, filters, infinite
// scroll over virtualised rows) and a contact's profile with its consent and a timeline of events, messages and
// journeys.
import { randomInt, randomUUID } from 'node:crypto';
import type { Browser, Locator } from 'playwright-core';
import { ApiSession } from './support/api-session';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { produceReportRun } from './support/report-run';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
const tag = `e2e-${randomUUID().slice(0, 8)}`;
const SEEDED = 260;
let browser: Browser;
const opened: SignedInPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const asMarketer = await apiAs(stack, 'marketer');
  const indexes = Array.from({ length: SEEDED }, (_, index) => index);
  for (let start = 0; start < SEEDED; start += 20)
    await Promise.all(
      indexes.slice(start, start + 20).map((index) =>
        asMarketer.expect(200, 'PUT', '/contacts', {
          match: { externalId: `${tag}-${index}` },
          name: `Khách ${tag} ${String(index).padStart(3, '0')}`,
          tags: { add: [tag] },
        }),
      ),
    );
}, 120_000);

afterEach(async () => {
  for (const signedIn of opened.splice(0)) {
    expect(signedIn.errors).toEqual([]);
    await signedIn.context.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

async function open(role: 'admin' | 'marketer' | 'analyst') {
  const signedIn = await signedInPage(browser, stack, role);
  opened.push(signedIn);
  return signedIn;
}

describe('the contact list', () => {
  it('filters by tag, loads the next cursor page on scrolling, and search finds one contact', async () => {
    const { page } = await open('analyst');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await page.waitForURL(/\/contacts$/);
    await page.getByLabel('Tag').fill(tag);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(new RegExp(`tag=${tag}`));
    // The address changes before React renders the filtered list, so the unfiltered total can still be on screen.
    await eventually(async () =>
      expect(await page.getByTestId('contact-total').textContent()).toBe(`${SEEDED} contacts`),
    );

    const rows = page.getByTestId('contact-row');
    await rows.first().waitFor();
    // Virtualised: only the rows in view (and a few more) are in the page, not the 100 of the first page.
    expect(await rows.count()).toBeLessThan(60);
    const pages: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/contacts?') && request.url().includes('cursor='))
        pages.push(request.url());
    });
    const list = page.getByTestId('contact-list');
    // Newest first: the first contact seeded is the last row; scroll until it is shown.
    const oldest = page.getByRole('link', { name: `Khách ${tag} 000` });
    await eventually(async () => {
      await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      expect(await oldest.count()).toBe(1);
    }, 20_000);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(await rows.count()).toBeLessThan(60);

    await page.getByRole('searchbox', { name: 'Search contacts' }).fill(`Khách ${tag} 123`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await eventually(async () =>
      expect(await page.getByTestId('contact-total').textContent()).toBe('1 contacts'),
    );
    await page.getByRole('link', { name: `Khách ${tag} 123` }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `Khách ${tag} 123`, level: 1 }).waitFor();
  }, 90_000);
});

describe('the contact profile', () => {
  it('shows attributes, consent, do-not-contact, and a timeline with an event, a message and a journey', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const asAdmin = await apiAs(stack, 'admin');
    const event = `profile.visited.${tag}`;
    const campaign = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
      name: `Hồ sơ ${tag}`,
      graph: eventThenSmsGraph(event, stack.accounts.esms),
    });
    await asMarketer.expect(200, 'POST', `/campaigns/${campaign.id}/submit`);
    await asAdmin.expect(200, 'POST', `/campaigns/${campaign.id}/approve`);

    const phone = `8490${randomInt(1_000_000, 9_999_999)}`;
    const userId = `profile-${tag}`;
    const ingest = ApiSession.withKey(stack.apiUrl, stack.ingestKey);
    const { contact } = await asMarketer.expect<{ contact: { id: string } }>(200, 'PUT', '/contacts', {
      match: { externalId: userId },
      name: `Hồ sơ ${tag}`,
      phone,
      attributes: { city: 'Đà Nẵng' },
      consents: {
        sms: { state: 'granted', source: 'form' },
        email: { state: 'denied', source: 'unsubscribe' },
      },
    });
    await ingest.expect(200, 'POST', '/v1/track', { messageId: randomUUID(), userId, event });
    await eventually(async () => {
      const ledger = await asMarketer.expect<{ items: unknown[] }>(
        200,
        'GET',
        `/messages?contactId=${contact.id}`,
      );
      expect(ledger.items).toHaveLength(1);
    }, 60_000);

    const { page } = await open('marketer');
    await page.goto(`/contacts/${contact.id}`);
    await page.getByRole('heading', { name: `Hồ sơ ${tag}`, level: 1 }).waitFor();
    const attributes = page.getByTestId('contact-attributes');
    await attributes.getByText(phone).waitFor();
    expect(await attributes.locator('[data-attribute="city"] dd').textContent()).toBe('Đà Nẵng');
    const consents = page.getByTestId('contact-consents');
    expect(await consents.locator('[data-consent="sms"]').getAttribute('data-state')).toBe('granted');
    expect(await consents.locator('[data-consent="email"]').getAttribute('data-state')).toBe('denied');
    expect(await consents.locator('[data-consent="zns"]').getAttribute('data-state')).toBe('unknown');
    expect(await page.getByTestId('do-not-contact').count()).toBe(0);

    const timeline = page.getByTestId('contact-timeline');
    await timeline.locator(`[data-testid="timeline-event"][data-name="${event}"]`).waitFor();
    const message = timeline.getByTestId('timeline-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('SMS message');
    expect(await message.getAttribute('data-status')).toMatch(
      /^(sending|sent|delivered|seen|failed|blocked)$/,
    );
    const journey = timeline.getByTestId('timeline-journey');
    await journey.waitFor();
    expect(await journey.getByRole('link', { name: `Hồ sơ ${tag}` }).getAttribute('href')).toBe(
      `/campaigns/${campaign.id}`,
    );
    await eventually(async () => {
      await page.reload();
      expect(await timeline.getByTestId('timeline-journey').getAttribute('data-status')).toBe('exited');
    });
    const items = await timeline
      .locator('li')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset['testid']));
    // Newest first: the message the event caused comes before the event.
    expect(items.indexOf('timeline-message')).toBeLessThan(items.indexOf('timeline-event'));

    await asMarketer.expect(200, 'PATCH', `/contacts/${contact.id}`, { doNotContact: true });
    await page.reload();
    await page.getByTestId('do-not-contact').waitFor();
  }, 120_000);

  it("draws each journey's path on its version's read-only canvas, with the steps in order as a list", async () => {
    const run = await produceReportRun(stack);
    const asAnalyst = await apiAs(stack, 'analyst');
    const variantOf = async (contactId: string) => {
      const { items } = await asAnalyst.expect<{
        items: Array<{ path: Array<{ stepId: string; outcome: string }> }>;
      }>(200, 'GET', `/contacts/${contactId}/journeys`);
      const split = items[0]?.path.find((event) => event.outcome.startsWith('variant:'));
      return split?.outcome === 'variant:a' ? 'a' : 'b';
    };
    const stepClass = (canvas: Locator, id: string) =>
      canvas.locator(`.react-flow__node[data-id="${id}"] [data-testid="step"]`).getAttribute('class');
    const edgeClass = (canvas: Locator, id: string) =>
      canvas.locator(`.react-flow__edge[data-id="${id}"] .flow-edge`).getAttribute('class');

    // The contact still waiting to pay: its steps in order, the wait marked, the exit never reached.
    const waitingVariant = await variantOf(run.contacts.waiting);
    const other = waitingVariant === 'a' ? 'b' : 'a';
    const { page } = await open('analyst');
    await page.goto(`/contacts/${run.contacts.waiting}`);
    const journey = page.getByTestId('contact-journeys').getByTestId('contact-journey');
    await journey.getByText(run.name).first().waitFor();
    const canvas = journey.getByTestId('journey-canvas');
    await canvas.locator('.react-flow__node[data-id="exit-paid"]').waitFor();
    expect(await canvas.getAttribute('aria-label')).toBe(`The contact's path through campaign ${run.name}`);
    for (const id of ['start', 'split', `zns-${waitingVariant}`])
      expect(await stepClass(canvas, id)).toContain('step--path');
    expect(await stepClass(canvas, 'wait-paid')).toContain('step--current');
    for (const id of ['exit-paid', `zns-${other}`])
      expect(await stepClass(canvas, id)).toContain('step--unreached');
    const [toVariant, fromVariant] = waitingVariant === 'a' ? ['e2', 'e4'] : ['e3', 'e5'];
    for (const id of ['e1', toVariant, fromVariant])
      expect(await edgeClass(canvas, id)).toContain('flow-edge--path');
    for (const id of ['e6', waitingVariant === 'a' ? 'e3' : 'e2'])
      expect(await edgeClass(canvas, id)).toContain('flow-edge--unreached');
    expect(
      await canvas
        .locator(`.react-flow__node[data-id="wait-paid"] [data-testid="journey-step-marks"]`)
        .textContent(),
    ).toBe('4Waiting here');

    // Read-only: nothing to drag, connect or add.
    expect(await canvas.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await canvas.locator('.step__add, .flow-edge__add').count()).toBe(0);
    const offset = async () => {
      const split = await canvas.locator('.react-flow__node[data-id="split"]').boundingBox();
      const entry = await canvas.locator('.react-flow__node[data-id="start"]').boundingBox();
      if (!split || !entry) throw new Error('the steps are not on screen');
      return { split, dx: Math.round(split.x - entry.x), dy: Math.round(split.y - entry.y) };
    };
    const before = await offset();
    await page.mouse.move(before.split.x + before.split.width / 2, before.split.y + 10);
    await page.mouse.down();
    await page.mouse.move(before.split.x + before.split.width / 2 + 120, before.split.y + 90, { steps: 5 });
    await page.mouse.up();
    // a drag may pan the view, but the step stays where it is beside the others
    const after = await offset();
    expect([after.dx, after.dy]).toEqual([before.dx, before.dy]);

    // The timeline names the step the journey waits at by its label in the version's graph, not by its id.
    const timelineJourney = page.getByTestId('contact-timeline').getByTestId('timeline-journey');
    await timelineJourney.getByText('running, at step Chờ thanh toán').waitFor();
    expect(await timelineJourney.textContent()).not.toContain('wait-paid');

    // The same path as a list to read.
    const steps = await journey.getByTestId('journey-steps').locator('li').allTextContents();
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/^1\. Danh sách: entered/);
    expect(steps[1]).toMatch(new RegExp(`^2\\. Thử A/B: variant ${waitingVariant}`));
    expect(steps[2]).toMatch(new RegExp(`^3\\. ZNS zns-${waitingVariant}: sent`));
    expect(steps[3]).toMatch(/^4\. Chờ thanh toán: started waiting .* — Waiting here$/);
    expect(
      await journey
        .getByTestId('journey-steps')
        .locator('[aria-current="step"]')
        .getAttribute('data-step-id'),
    ).toBe('wait-paid');

    // A contact that paid: its journey ended at the exit; nothing is waiting.
    const paid = run.contacts.paid[0] ?? '';
    const paidVariant = await variantOf(paid);
    await page.goto(`/contacts/${paid}`);
    const paidCanvas = page.getByTestId('journey-canvas');
    await paidCanvas.locator('.react-flow__node[data-id="exit-paid"]').waitFor();
    for (const id of ['start', 'split', `zns-${paidVariant}`, 'wait-paid', 'exit-paid'])
      expect(await stepClass(paidCanvas, id)).toContain('step--path');
    expect(await paidCanvas.locator('.step--current').count()).toBe(0);
    expect(await edgeClass(paidCanvas, 'e6')).toContain('flow-edge--path');
    const paidSteps = await page.getByTestId('journey-steps').locator('li').allTextContents();
    expect(paidSteps.at(-1)).toMatch(/^\d+\. Đã mua: left the journey \(paid\)/);
  }, 240_000);
});

/** An event starts the journey, which sends one customer-care SMS and ends. */
function eventThenSmsGraph(event: string, accountId: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { label: 'Ghé hồ sơ', event } },
      {
        id: 'sms',
        type: 'send.sms',
        position: { x: 0, y: 150 },
        data: { label: 'SMS', accountId, brandName: 'SHOPHOA', purpose: 'care', text: 'Chào bạn' },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 300 }, data: { reason: 'done' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'sms' },
      { id: 'e2', source: 'sms', sourceHandle: 'success', target: 'done' },
      { id: 'e3', source: 'sms', sourceHandle: 'failure', target: 'done' },
    ],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}
