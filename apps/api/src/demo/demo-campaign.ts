import { randomUUID } from 'node:crypto';
import { request, waitUntil, type Session } from './demo-api';
import { connectDemoChannels, type SandboxAccounts } from './demo-channels';
import {
  DEMO_CAMPAIGN_NAME,
  DEMO_GOAL_EVENT,
  DEMO_WAIT_STEP,
  demoCampaignGraph,
  znsOpenAt,
} from './demo-campaign-graph';

const minutes = (count: number) => count * 60_000;

interface Overview {
  overall: { entered: number; inProgress: number; exited: number; conversions: number };
}
interface Nodes {
  nodes: Array<{ stepId: string; waitingNow: number }>;
}
interface Channels {
  accounts: Array<{ channel: string; sent: number; delivered: number }>;
}

export interface DemoCampaignInput {
  apiUrl: string;
  admin: Session;
  marketer: Session;
  sandbox: SandboxAccounts;
  /** The contacts the campaign runs for. */
  audience: Array<{ externalId: string; phone: string }>;
  /** Every how-manyth contact of the audience orders again (a conversion). */
  convertEvery: number;
  /** Every how-manyth contact's phone has no Zalo account (the sandbox refuses its ZNS with -118). */
  notOnZaloEvery: number;
  /** How long each journey waits for a repeat order. */
  waitMinutes: number;
  now: Date;
  log: (line: string) => void;
}

/**
 * The finished demo campaign: channel accounts on the provider sandbox, the A/B campaign written by the marketer and
 * approved by the admin, a run for `audience` whose sends go through the sandbox, its receipts (posted, signed, by
 * the sandbox to the API's webhooks) and repeat orders sent through /v1/track; returns once every journey has ended.
 * The accounts are checked on every run (the stack's sandbox forgets its grants and webhooks when it restarts); the
 * campaign is left alone when one of its name exists. Answers the campaign's id.
 */
export async function seedDemoCampaign(input: DemoCampaignInput): Promise<{ id: string; created: boolean }> {
  const { admin, marketer, log } = input;
  const channels = await connectDemoChannels(admin, input.sandbox, log);
  const found = await marketer.json<{ items: Array<{ id: string; name: string }> }>(
    'GET',
    `/campaigns?q=${encodeURIComponent(DEMO_CAMPAIGN_NAME)}&limit=200`,
  );
  const existing = found.items.find((campaign) => campaign.name === DEMO_CAMPAIGN_NAME);
  if (existing) return { id: existing.id, created: false };

  const zns = znsOpenAt(input.now);
  const orderDate = input.now.toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  const { id } = await marketer.json<{ id: string }>('POST', '/campaigns', {
    name: DEMO_CAMPAIGN_NAME,
    description: 'Xác nhận đơn qua ZNS hoặc e-mail, rồi chờ khách mua lại',
    graph: demoCampaignGraph(channels, { zns, orderDate, waitMinutes: input.waitMinutes }),
  });
  await marketer.json('POST', `/campaigns/${id}/submit`);
  await admin.json('POST', `/campaigns/${id}/approve`, {});
  log(
    `published the campaign "${DEMO_CAMPAIGN_NAME}" (variant A by ${zns ? 'ZNS' : 'SMS: no ZNS at night'})`,
  );
  await runCampaign(input, id);
  return { id, created: true };
}

async function runCampaign(input: DemoCampaignInput, id: string): Promise<void> {
  const { marketer, sandbox, audience, log } = input;
  let total = audience.length;
  const report = <T>(path: string) => marketer.json<T>('GET', `/reports/campaigns/${id}${path}`);
  // Some phones have no Zalo account, as in any real list: their ZNS fails (-118) and the journey sends an SMS.
  const fault = await request(sandbox.urls.control, 'POST', '/control/faults', {
    body: {
      channel: 'zns',
      recipients: audience
        .filter((_, index) => index % input.notOnZaloEvery === 1)
        .map((contact) => contact.phone.replace(/^0/, '84')),
      code: -118,
    },
  });
  const notOnZalo = (await fault.json()) as { id: string };
  try {
    const enrolled = await marketer.json<{ started: number }>('POST', `/campaigns/${id}/enrollments`, {
      contacts: audience.map((contact) => ({ externalId: contact.externalId })),
    });
    total = enrolled.started;
    // Sent: every journey still running waits for the repeat order (the others have ended)
    await waitUntil(
      `the ${total} journeys of the demo campaign sending their messages`,
      async () => {
        const [{ overall }, { nodes }] = await Promise.all([report<Overview>(''), report<Nodes>('/nodes')]);
        const waiting = nodes.find((node) => node.stepId === DEMO_WAIT_STEP)?.waitingNow ?? 0;
        return overall.entered >= total && overall.inProgress === waiting
          ? { done: true }
          : { state: { overall, waiting } };
      },
      minutes(4),
    );
  } finally {
    await request(sandbox.urls.control, 'DELETE', `/control/faults/${notOnZalo.id}`);
  }
  await waitUntil(
    'delivery receipts for the ZNS and SMS sent',
    async () => {
      const { accounts } = await report<Channels>('/channels');
      const receipted = accounts
        .filter((account) => account.channel !== 'email')
        .every((account) => account.delivered >= account.sent);
      return receipted ? { done: true } : { state: accounts };
    },
    minutes(1),
  );
  log(`ran the campaign for ${total} contacts through the provider sandbox`);

  const buyers = audience
    .filter((_, index) => index % input.convertEvery === 0)
    .map((contact) => contact.externalId);
  await trackOrders(input.apiUrl, input.admin, buyers);
  log(`${buyers.length} of them ordered again (${DEMO_GOAL_EVENT} through /v1/track)`);
  // The wait for a repeat order ends `waitMinutes` after each journey's message: every journey has then left.
  await waitUntil(
    'every journey of the demo campaign ending',
    async () => {
      const { overall } = await report<Overview>('');
      return overall.entered >= total && overall.inProgress === 0 ? { done: true } : { state: overall };
    },
    minutes(input.waitMinutes + 2),
  );
}

/** The shop's website reporting repeat orders, with an ingest key revoked afterwards. */
async function trackOrders(apiUrl: string, admin: Session, buyers: string[]): Promise<void> {
  const key = await admin.json<{ id: string; key: string }>('POST', '/api-keys', {
    name: 'Demo seed orders (revoked after seeding)',
    scope: 'ingest',
  });
  try {
    for (const [index, userId] of buyers.entries())
      await request(apiUrl, 'POST', '/v1/track', {
        headers: { Authorization: `Bearer ${key.key}` },
        body: {
          messageId: `demo-repeat-order-${userId}-${randomUUID()}`,
          userId,
          event: DEMO_GOAL_EVENT,
          properties: { orderId: `DH-R${String(index + 1).padStart(4, '0')}`, total: 459_000 },
        },
      });
  } finally {
    await admin.json('DELETE', `/api-keys/${key.id}`);
  }
}
