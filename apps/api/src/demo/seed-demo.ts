import { demoContacts, demoEvents } from './demo-data';

export interface DemoSeedOptions {
  apiUrl: string;
  admin: { email: string; password: string };
  /** Password given to the demo marketer and analyst. */
  teamPassword: string;
  contacts?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoSeedResult {
  seeded: boolean;
  users: Array<{ email: string; role: string }>;
}

export const DEMO_TEAM = [
  { email: 'marketer@example.com', role: 'marketer', name: 'Trần Thu Hà' },
  { email: 'analyst@example.com', role: 'analyst', name: 'Lê Minh Quân' },
] as const;

const BATCH_SIZE = 200;

/**
 * Seeds the bootstrap admin's workspace through the public API, as a customer would: the team by invitation,
 * contacts and events through /v1/batch with an ingest key (revoked afterwards), and two segments. Does nothing
 * when the workspace already has contacts, so running the stack again keeps what is there.
 */
export async function seedDemo(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const log = options.log ?? (() => undefined);
  const admin = await Session.signIn(options.apiUrl, options.admin.email, options.admin.password);
  const users = [{ email: options.admin.email, role: 'admin' }];

  const members = (await admin.json('GET', '/users')) as { items: Array<{ email: string }> };
  for (const person of DEMO_TEAM) {
    users.push({ email: person.email, role: person.role });
    if (members.items.some((member) => member.email === person.email)) continue;
    const invitation = (await admin.json('POST', '/users/invitations', {
      email: person.email,
      role: person.role,
    })) as { token: string };
    await request(options.apiUrl, 'POST', '/auth/invitations/accept', {
      body: { token: invitation.token, name: person.name, password: options.teamPassword },
    });
    log(`invited ${person.email} (${person.role})`);
  }

  const existing = (await admin.json('GET', '/contacts?limit=1')) as { items: unknown[] };
  if (existing.items.length > 0) return { seeded: false, users };

  const now = options.now ?? new Date();
  const contacts = demoContacts(options.contacts ?? 3000, now);
  const events = demoEvents(contacts, now);
  const key = (await admin.json('POST', '/api-keys', {
    name: 'Demo seed (revoked after seeding)',
    scope: 'ingest',
  })) as {
    id: string;
    key: string;
  };
  try {
    for (const [label, calls] of [
      ['contacts', contacts],
      ['events', events],
    ] as const) {
      for (let start = 0; start < calls.length; start += BATCH_SIZE) {
        await request(options.apiUrl, 'POST', '/v1/batch', {
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
  return { seeded: true, users };
}

async function waitForContacts(admin: Session, expected: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const page = (await admin.json('GET', '/contacts?limit=1&count=true')) as {
      total?: number;
      items: unknown[];
    };
    if (page.total === undefined || page.total >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

class Session {
  private constructor(
    private readonly apiUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(apiUrl: string, email: string, password: string): Promise<Session> {
    const response = await request(apiUrl, 'POST', '/auth/login', { body: { email, password } });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('loa_session='));
    if (!cookie) throw new Error('sign-in set no session cookie');
    const me = (await response.json()) as { csrfToken: string };
    return new Session(apiUrl, cookie.split(';')[0] as string, me.csrfToken);
  }

  async json(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await request(this.apiUrl, method, path, {
      body,
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrfToken },
    });
    return response.status === 204 ? undefined : response.json();
  }
}

async function request(
  apiUrl: string,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(new URL(path, apiUrl), {
    method,
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}
