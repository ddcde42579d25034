// The e-mail step's live preview in real Chromium against the shared stack: subject and HTML body rendered for the
// chosen sample contact, the HTML in a sandboxed frame, the plain-text version, and what does not render.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe';
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

const emailGraph = () => ({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'cart.abandoned' } },
    {
      id: 'email',
      type: 'send.email',
      position: { x: 280, y: 0 },
      data: {
        accountId: randomUUID(),
        from: { email: 'shop@example.vn', name: 'Loa Shop' },
        subject: 'Chào {{ contact.name }}, đơn {{ event.orderId }}',
        html: '<h1>Xin chào {{ contact.name }}</h1><p>Tổng: {{ event.total }}</p>',
        text: 'Xin chào {{ contact.name }}, đơn {{ event.orderId }}',
        purpose: 'transactional',
      },
    },
  ],
  edges: [{ id: 'e-start', source: 'start', sourceHandle: 'next', target: 'email' }],
  settings: { timezone: 'Asia/Ho_Chi_Minh' },
});

it('shows the e-mail as the chosen contact receives it, and follows the contact and the typed subject', async () => {
  const asMarketer = await apiAs(stack, 'marketer');
  const { id } = await asMarketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name: `Email preview ${randomUUID().slice(0, 6)}`,
    graph: emailGraph(),
  });
  const signedIn = await signedInPage(browser, stack, 'marketer', {
    viewport: { width: 1440, height: 1000 },
  });
  opened.push(signedIn);
  const { page } = signedIn;
  await page.goto(`/campaigns/${id}`);
  await page.locator('.react-flow__node[data-id="email"]').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('node-config-email');
  const preview = panel.getByRole('region', { name: 'What the contact receives' });
  const subject = preview.getByTestId('email-preview-subject');
  const frame = preview.locator('iframe');
  const body = preview.frameLocator('iframe');

  await eventually(async () => expect(await subject.textContent()).toBe('Chào Nguyễn Thị Lan, đơn DH10245'));
  expect(await frame.getAttribute('sandbox')).toBe('');
  expect(await frame.getAttribute('title')).toBe('HTML body of the e-mail to Nguyễn Thị Lan');
  expect(await body.locator('h1').textContent()).toBe('Xin chào Nguyễn Thị Lan');
  expect(await body.locator('p').textContent()).toBe('Tổng: 459000');

  await preview.getByLabel('Preview for').selectOption({ label: 'Trần Văn Minh' });
  await eventually(async () => expect(await subject.textContent()).toBe('Chào Trần Văn Minh, đơn DH10246'));
  await eventually(async () => expect(await body.locator('h1').textContent()).toBe('Xin chào Trần Văn Minh'));
  expect(await body.locator('p').textContent()).toBe('Tổng: 1250000');

  await panel.getByLabel('Subject', { exact: true }).fill('Ưu đãi cho {{ contact.name | upcase }}');
  await eventually(async () => expect(await subject.textContent()).toBe('Ưu đãi cho TRẦN VĂN MINH'));

  await preview.getByRole('button', { name: 'Plain text' }).click();
  expect(await preview.getByRole('button', { name: 'Plain text' }).getAttribute('aria-pressed')).toBe('true');
  expect(await frame.count()).toBe(0);
  expect(await preview.getByTestId('email-preview-text').textContent()).toBe(
    'Xin chào Trần Văn Minh, đơn DH10246',
  );

  // a contact without the entry event: its placeholders render empty and say so; a misspelt filter is an error
  await preview.getByLabel('Preview for').selectOption({ label: 'Lê Hoàng Anh' });
  const problems = preview.getByRole('list', { name: 'Problems rendering for this contact' });
  await eventually(async () =>
    expect(await problems.textContent()).toContain(
      'Text body uses a variable this contact does not have; it renders empty: undefined variable: event.orderId',
    ),
  );
  await panel.getByLabel('Subject', { exact: true }).fill('Chào {{ contact.name | shout }}');
  await eventually(async () =>
    expect(await problems.textContent()).toContain(
      'Subject does not render, so the e-mail would not be sent: undefined filter: shout',
    ),
  );
  expect(await subject.textContent()).toBe('(the subject does not render: see the problem below)');
  expect(await seriousViolations(page)).toEqual([]);
});
