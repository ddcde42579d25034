// The Segments screens in real Chromium against the shared stack: a marketer builds a segment with a nested
// group while the live count follows the rule, saves it, reopens it and asks why one contact is in and another is
// not; the API's refusal lands on the rule it names; deleting asks first; an analyst sees the rules but cannot
// change them.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { eventually } from './support/eventually';
import { screenshotDir } from './support/paths';
import { apiAs, sharedStack, signedInPage, type SignedInPage } from './support/shared-stack';

const stack = sharedStack();
const tag = `seg-${randomUUID().slice(0, 8)}`;
const vip = `${tag}-vip`;
let browser: Browser;
const opened: SignedInPage[] = [];
/** Contact ids by letter: A (Hà Nội) and B (vip) match; C (Đà Nẵng) and D (no tag) do not. */
const contacts: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
const nameOf = (letter: keyof typeof contacts) => `Phân khúc ${tag} ${letter}`;

/** The rule the marketer builds in the test: tagged, and in Hà Nội or vip. */
const builtRule = {
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
};

beforeAll(async () => {
  browser = await launchChromium();
  const asMarketer = await apiAs(stack, 'marketer');
  const seed: Array<[keyof typeof contacts, string, string[]]> = [
    ['A', 'Hà Nội', [tag]],
    ['B', 'Đà Nẵng', [tag, vip]],
    ['C', 'Đà Nẵng', [tag]],
    ['D', 'Hà Nội', []],
  ];
  for (const [letter, city, tags] of seed) {
    const { contact } = await asMarketer.expect<{ contact: { id: string } }>(200, 'PUT', '/contacts', {
      match: { externalId: `${tag}-${letter}` },
      name: nameOf(letter),
      attributes: { city },
      tags: { add: tags },
    });
    contacts[letter] = contact.id;
  }
}, 60_000);

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

async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true });
}

/** The live count once the preview has settled on the rule as it is now. */
async function settledCount(page: Page): Promise<number> {
  const preview = page.getByTestId('segment-preview');
  return eventually(async () => {
    expect(await preview.getAttribute('data-busy')).toBeNull();
    const count = await preview.getByTestId('preview-count').getAttribute('data-count');
    expect(count).not.toBeNull();
    return Number(count);
  });
}

async function explain(page: Page, letter: keyof typeof contacts): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Why is a contact in or not in' });
  await panel.getByRole('searchbox', { name: 'Find a contact' }).fill(nameOf(letter));
  await panel.getByRole('button', { name: nameOf(letter), exact: true }).click();
  const explanation = panel.getByTestId('explanation');
  await explanation.getByRole('link', { name: new RegExp(nameOf(letter)) }).waitFor();
  return explanation;
}

describe('the segment builder', () => {
  it('builds a nested rule with a live count matching the API’s, saves, reopens and explains who is in', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const { page } = await open('marketer');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Segments' })
      .click();
    await page.waitForURL(/\/segments$/);
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.waitForURL(/\/segments\/new$/);

    const form = page.getByTestId('segment-form');
    await form.getByLabel('Name').fill(`Hà Nội hoặc VIP ${tag}`);
    await form.getByLabel('Condition kind').first().selectOption('tag');
    await form.getByLabel('Tag', { exact: true }).fill(tag);
    expect(await settledCount(page)).toBe(3);

    await form.getByRole('button', { name: '+ Add group' }).click();
    const group = form.locator('.rule-group--depth-2');
    expect(await group.getByLabel('Combine with').inputValue()).toBe('any');
    await group.getByLabel('Field').fill('city');
    await group.getByLabel('Value').fill('Hà Nội');
    await group.getByRole('button', { name: '+ Add condition' }).click();
    await group.getByLabel('Condition kind').last().selectOption('tag');
    await group.getByLabel('Tag', { exact: true }).fill(vip);

    const apiCount = await asMarketer.expect<{ count: number }>(200, 'POST', '/segments/preview', {
      rule: builtRule,
    });
    expect(apiCount.count).toBe(2);
    expect(await settledCount(page)).toBe(apiCount.count);
    const sample = page.getByTestId('preview-sample');
    for (const letter of ['A', 'B'] as const)
      expect(await sample.getByRole('link', { name: nameOf(letter) }).getAttribute('href')).toBe(
        `/contacts/${contacts[letter]}`,
      );
    expect(await sample.getByRole('link', { name: nameOf('C') }).count()).toBe(0);
    await screenshot(page, 'segment-builder.png');

    await form.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    const stored = await asMarketer.expect<{ rule: unknown }>(200, 'GET', `/segments/${id}`);
    expect(stored.rule).toEqual(builtRule);

    // Reopened from the list: the rule is shown as it was built, with its stored member count.
    await page.getByRole('link', { name: 'All segments' }).click();
    const row = page.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
    await eventually(async () => {
      await page.reload();
      expect(await row.getByTestId('segment-member-count').textContent()).toBe('2');
    }, 30_000);
    await row.getByRole('link', { name: `Hà Nội hoặc VIP ${tag}` }).click();
    await page.getByRole('heading', { name: `Hà Nội hoặc VIP ${tag}`, level: 1 }).waitFor();
    const reopened = page.getByTestId('segment-form');
    expect(await reopened.getByLabel('Tag', { exact: true }).first().inputValue()).toBe(tag);
    const reopenedGroup = reopened.locator('.rule-group--depth-2');
    expect(await reopenedGroup.getByLabel('Field').inputValue()).toBe('city');
    expect(await reopenedGroup.getByLabel('Value').inputValue()).toBe('Hà Nội');
    expect(await reopenedGroup.getByLabel('Tag', { exact: true }).inputValue()).toBe(vip);
    expect(await settledCount(page)).toBe(2);

    const inside = await explain(page, 'A');
    expect(await inside.getAttribute('data-matches')).toBe('true');
    await inside.getByText(`${nameOf('A')} is in the segment`).waitFor();
    expect(await inside.locator('[data-path="rules.1.rules.0"]').getAttribute('data-passed')).toBe('true');
    const outside = await explain(page, 'C');
    expect(await outside.getAttribute('data-matches')).toBe('false');
    await outside.getByText(`${nameOf('C')} is not in the segment`).waitFor();
    expect(await outside.locator('[data-path="rules.0"]').getAttribute('data-passed')).toBe('true');
    expect(await outside.locator('[data-path="rules.1"]').getAttribute('data-passed')).toBe('false');
    expect(await outside.locator('[data-path="rules.1.rules.0"]').textContent()).toContain(
      'Contact attribute: city is “Đà Nẵng”; needs equals “Hà Nội”',
    );
    await screenshot(page, 'segment-explain.png');

    // From a member's profile, the segment links to why the contact is in it.
    await page.goto(`/contacts/${contacts.B}`);
    await page
      .getByTestId('contact-segments')
      .getByRole('link', { name: `Hà Nội hoặc VIP ${tag}` })
      .click();
    await page.waitForURL(new RegExp(`/segments/${id}\\?explain=${contacts.B}$`));
    const fromProfile = page.getByTestId('explanation');
    await fromProfile.getByText(`${nameOf('B')} is in the segment`).waitFor();
    expect(await fromProfile.locator('[data-path="rules.1.rules.1"]').getAttribute('data-passed')).toBe(
      'true',
    );

    // The picker does not offer the segment to itself; one that refers back to it is refused by the API (422),
    // and the refusal is shown at that rule's segment field.
    const user = await asMarketer.expect<{ id: string }>(201, 'POST', '/segments', {
      name: `Dùng lại ${tag}`,
      rule: { match: 'all', rules: [{ kind: 'segment', segmentId: id, member: true }] },
    });
    await page.reload();
    await reopened.getByRole('button', { name: '+ Add condition' }).last().click();
    await reopened.getByLabel('Condition kind').last().selectOption('segment');
    const picker = reopened.locator('[data-path="rule.rules.2.segmentId"]');
    await picker.getByRole('option', { name: new RegExp(`Dùng lại ${tag}`) }).waitFor({ state: 'attached' });
    expect(await picker.getByRole('option', { name: new RegExp(`Hà Nội hoặc VIP ${tag}`) }).count()).toBe(0);
    await picker.getByLabel('Segment').selectOption(user.id);
    await reopened.getByRole('button', { name: 'Save' }).click();
    await picker
      .getByText(`refers back to this segment: this segment → “Dùng lại ${tag}” → this segment`)
      .waitFor();
    expect(await picker.getByLabel('Segment').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'segment-api-error.png');
  }, 120_000);

  it('deletes a segment once the marketer confirms it', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const segment = await asMarketer.expect<{ id: string }>(201, 'POST', '/segments', {
      name: `Xoá ${tag}`,
      rule: { match: 'all', rules: [{ kind: 'tag', tag, has: true }] },
    });
    const { page } = await open('marketer');
    await page.goto(`/segments/${segment.id}`);
    await page.getByRole('heading', { name: `Xoá ${tag}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete the segment “Xoá ${tag}”?` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await asMarketer.expect(200, 'GET', `/segments/${segment.id}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete segment' }).click();
    await page.waitForURL(/\/segments$/);
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await asMarketer.expect(404, 'GET', `/segments/${segment.id}`);
  }, 60_000);

  it('shows an analyst the rules and the explanation but nothing to change', async () => {
    const asMarketer = await apiAs(stack, 'marketer');
    const segment = await asMarketer.expect<{ id: string }>(201, 'POST', '/segments', {
      name: `Chỉ xem ${tag}`,
      rule: builtRule,
    });
    const asAnalyst = await apiAs(stack, 'analyst');
    await asAnalyst.expect(403, 'PATCH', `/segments/${segment.id}`, { name: 'đổi tên' });

    const { page } = await open('analyst');
    await page.goto('/segments');
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await page.getByRole('link', { name: `Chỉ xem ${tag}` }).waitFor();
    expect(await page.getByRole('link', { name: 'New segment' }).count()).toBe(0);

    await page.getByRole('link', { name: `Chỉ xem ${tag}` }).click();
    await page.getByText('You can look at this segment but your role cannot change it.').waitFor();
    const form = page.getByTestId('segment-form');
    expect(await form.getByLabel('Tag', { exact: true }).first().inputValue()).toBe(tag);
    expect(await form.getByLabel('Name').getAttribute('readonly')).not.toBeNull();
    expect(await form.getByLabel('Condition kind').first().isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: '+ Add condition' }).first().isDisabled()).toBe(true);
    expect(await form.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    expect(await settledCount(page)).toBe(2);
    const outside = await explain(page, 'D');
    expect(await outside.getAttribute('data-matches')).toBe('false');
    await screenshot(page, 'segment-analyst.png');

    await page.goto('/segments/new');
    await page.getByText('Your role may only look at segments. Ask an admin or a marketer.').waitFor();
    expect(await page.getByTestId('segment-form').count()).toBe(0);
  }, 60_000);
});
