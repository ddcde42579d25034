import { request, Session, waitUntil } from './demo-api';
import { seedDemoCampaign } from './demo-campaign';
import { DEMO_WAIT_MINUTES } from './demo-campaign-graph';
import { sandboxAccounts } from './demo-channels';
import { demoContacts, demoEvents, type DemoIdentify } from './demo-data';

export interface DemoSeedOptions {
  apiUrl: string;
  admin: { email: string; password: string };
  /** Password given to the demo marketer and analyst. */
  teamPassword: string;
  contacts?: number;
  /** The provider sandbox (its origin): with it, the demo campaign is run through it. */
  sandboxUrl?: string;
  /** How many contacts the demo campaign runs for (those with an e-mail address, in order). */
  campaignContacts?: number;
  /** How long the campaign's journeys wait for a repeat order (default DEMO_WAIT_MINUTES); a small audience needs less. */
  repeatOrderWaitMinutes?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoSeedResult {
  seeded: boolean;
  users: Array<{ email: string; role: string }>;
  /** The demo campaign, when a sandbox was given; `created` false when it was there already. */
  campaign?: { id: string; created: boolean };
}

export const DEMO_TEAM = [
  { email: 'marketer@example.com', role: 'marketer', name: 'Trần Thu Hà' },
  { email: 'analyst@example.com', role: 'analyst', name: 'Lê Minh Quân' },
] as const;

const BATCH_SIZE = 200;

/**
 * Seeds the bootstrap admin's workspace through the public API, as a customer would: the team by invitation,
 * contacts and events through /v1/batch with an ingest key (revoked afterwards), two segments and, with the provider
 * sandbox, a finished campaign (demo-campaign.ts). Each part is left alone when it is there already (contacts: the
 * workspace has some; the campaign: one of its name exists), so running the stack again keeps what is there.
 */
export async function seedDemo(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const log = options.log ?? (() => undefined);
  const admin = await Session.signIn(options.apiUrl, options.admin.email, options.admin.password);
  const users = [{ email: options.admin.email, role: 'admin' }];

  const members = await admin.json<{ items: Array<{ email: string }> }>('GET', '/users');
  for (const person of DEMO_TEAM) {
    users.push({ email: person.email, role: person.role });
    if (members.items.some((member) => member.email === person.email)) continue;
    const invitation = await admin.json<{ token: string }>('POST', '/users/invitations', {
      email: person.email,
      role: person.role,
    });
    await request(options.apiUrl, 'POST', '/auth/invitations/accept', {
      body: { token: invitation.token, name: person.name, password: options.teamPassword },
    });
    log(`invited ${person.email} (${person.role})`);
  }

  const now = options.now ?? new Date();
  const contacts = demoContacts(options.contacts ?? 3000, now);
  const existing = await admin.json<{ items: unknown[] }>('GET', '/contacts?limit=1');
  const seeded = existing.items.length === 0;
  if (seeded) await seedContacts(admin, options.apiUrl, contacts, now, log);
  if (!options.sandboxUrl) return { seeded, users };
  if (!seeded && !(await holdsDemoContacts(admin, contacts))) {
    log('the workspace holds contacts of its own: no demo campaign run for them');
    return { seeded, users };
  }

  const campaign = await seedDemoCampaign({
    apiUrl: options.apiUrl,
    admin,
    marketer: await Session.signIn(options.apiUrl, DEMO_TEAM[0].email, options.teamPassword),
    sandbox: await sandboxAccounts(options.sandboxUrl),
    audience: contacts
      .filter((contact) => contact.traits.email !== undefined)
      .slice(0, options.campaignContacts ?? 300)
      .map((contact) => ({ externalId: contact.userId, phone: String(contact.traits.phone) })),
    convertEvery: 6,
    waitMinutes: options.repeatOrderWaitMinutes ?? DEMO_WAIT_MINUTES,
    notOnZaloEvery: 8,
    now,
    log,
  });
  return { seeded, users, campaign };
}

async function seedContacts(
  admin: Session,
  apiUrl: string,
  contacts: DemoIdentify[],
  now: Date,
  log: (line: string) => void,
): Promise<void> {
  const events = demoEvents(contacts, now);
  const key = await admin.json<{ id: string; key: string }>('POST', '/api-keys', {
    name: 'Demo seed (revoked after seeding)',
    scope: 'ingest',
  });
  try {
    for (const [label, calls] of [
      ['contacts', contacts],
      ['events', events],
    ] as const) {
      for (let start = 0; start < calls.length; start += BATCH_SIZE) {
        await request(apiUrl, 'POST', '/v1/batch', {
          body: { batch: calls.slice(start, start + BATCH_SIZE) },
          headers: { Authorization: `Bearer ${key.key}` },
        });
      }
      log(`sent ${calls.length} ${label}`);
    }
  } finally {
    await admin.json('DELETE', `/api-keys/${key.id}`);
  }

  await waitForContacts(admin, contacts.length);
  await admin.json('POST', '/segments', {
    name: 'Hà Nội, reachable by e-mail',
    description: 'Contacts in Hà Nội whose e-mail may receive messages',
    rule: {
      match: 'all',
      rules: [
        { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
        { kind: 'reachable', channel: 'email' },
      ],
    },
  });
  await admin.json('POST', '/segments', {
    name: 'Repeat buyers (30 days)',
    description: 'Completed at least two orders in the last 30 days',
    rule: {
      match: 'all',
      rules: [{ kind: 'event_seen', event: 'order_completed', withinDays: 30, minCount: 2 }],
    },
  });
  log('created 2 segments');
}

async function waitForContacts(admin: Session, expected: number): Promise<void> {
  await waitUntil(
    `the ${expected} demo contacts being stored`,
    async () => {
      const page = await admin.json<{ total?: number }>('GET', '/contacts?limit=1&count=true');
      return page.total === undefined || page.total >= expected ? { done: true } : { state: page.total };
    },
    120_000,
  );
}

/** Whether the workspace's contacts are the demo's (its first contact with an e-mail is there, with that e-mail). */
async function holdsDemoContacts(
  admin: Session,
  contacts: ReturnType<typeof demoContacts>,
): Promise<boolean> {
  const first = contacts.find((contact) => typeof contact.traits.email === 'string');
  if (!first) return false;
  const found = await admin.json<{ items: Array<{ externalId: string | null; email: string | null }> }>(
    'GET',
    `/contacts?q=${encodeURIComponent(first.userId)}&limit=5`,
  );
  return found.items.some(
    (contact) => contact.externalId === first.userId && contact.email === first.traits.email,
  );
}
