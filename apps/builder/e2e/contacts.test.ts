// The audience screens in real Chromium against the shared stack: the contact list (search, filters, infinite
// scroll over virtualised rows) and a contact's profile with its consent and a timeline of events, messages and
// journeys.
import { randomInt, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { ApiSession } from './support/api-session';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
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
    expect(await page.getByTestId('contact-total').textContent()).toBe(`${SEEDED} contacts`);

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
