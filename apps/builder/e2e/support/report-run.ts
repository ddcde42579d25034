// A real small run of an A/B campaign on the shared stack, for the report screen's browser tests: contacts enrolled
// through the API, a ZNS each through the provider sandbox (one refused with -131), two payments (conversions).
import { randomUUID } from 'node:crypto';
import { ApiSession } from './api-session';
import { eventually } from './eventually';
import { apiAs, type E2eStack } from './shared-stack';

interface Enrollment {
  contactId: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
}

export interface ReportRun {
  campaignId: string;
  name: string;
  /** The contact whose ZNS the sandbox refused with this code. */
  refusedCode: number;
  /** The enrolled contacts: two paid (exited `paid`), one refused (exited `failed`), one still waiting to pay. */
  contacts: { paid: string[]; refused: string; waiting: string };
}

const zns = (id: string, accountId: string, y: number) => ({
  id,
  type: 'send.zns',
  position: { x: id === 'zns-a' ? -180 : 180, y },
  data: {
    label: `ZNS ${id}`,
    accountId,
    templateId: '300001',
    params: {
      customer_name: '{{ contact.name }}',
      order_code: 'KM-12',
      amount: '450000',
      order_date: '01/12/2026',
    },
    purpose: 'care',
  },
});

/** trigger.manual → A/B split → a ZNS per variant → wait for order.paid → exit `paid`; the goal is order.paid. */
function splitGraph(znsAccountId: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Danh sách' } },
      {
        id: 'split',
        type: 'branch.split',
        position: { x: 0, y: 180 },
        data: {
          label: 'Thử A/B',
          variants: [
            { id: 'a', label: 'Mẫu A', weight: 50 },
            { id: 'b', label: 'Mẫu B', weight: 50 },
          ],
        },
      },
      zns('zns-a', znsAccountId, 380),
      zns('zns-b', znsAccountId, 380),
      {
        id: 'wait-paid',
        type: 'wait.event',
        position: { x: 0, y: 600 },
        data: { label: 'Chờ thanh toán', event: 'order.paid', timeout: { amount: 1, unit: 'days' } },
      },
      {
        id: 'exit-paid',
        type: 'flow.exit',
        position: { x: 0, y: 800 },
        data: { label: 'Đã mua', reason: 'paid' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'split' },
      { id: 'e2', source: 'split', sourceHandle: 'a', target: 'zns-a' },
      { id: 'e3', source: 'split', sourceHandle: 'b', target: 'zns-b' },
      { id: 'e4', source: 'zns-a', sourceHandle: 'success', target: 'wait-paid' },
      { id: 'e5', source: 'zns-b', sourceHandle: 'success', target: 'wait-paid' },
      { id: 'e6', source: 'wait-paid', sourceHandle: 'matched', target: 'exit-paid' },
    ],
    settings: {
      timezone: 'Asia/Ho_Chi_Minh',
      goal: { event: 'order.paid', window: { amount: 3, unit: 'days' }, exitOnGoal: false },
    },
  };
}

async function sandboxControl(stack: E2eStack, method: string, path: string, body?: unknown) {
  const answer = await fetch(`${stack.sandbox.control}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  if (!answer.ok) throw new Error(`sandbox control ${method} ${path} answered ${answer.status}`);
  return answer.status === 204 ? undefined : ((await answer.json()) as { id: string });
}

/**
 * Publishes the campaign, enrols four contacts; the third one's ZNS is refused (-131) and its journey fails; the
 * first two pay. Returns once the journeys have settled: two exited `paid`, one `failed`, one waiting.
 */
export async function produceReportRun(stack: E2eStack): Promise<ReportRun> {
  const run = randomUUID().slice(0, 6);
  const marketer = await apiAs(stack, 'marketer');
  const admin = await apiAs(stack, 'admin');
  const ingest = ApiSession.withKey(stack.apiUrl, stack.ingestKey);
  const people = ['Nguyễn Thị Lan', 'Trần Văn Minh', 'Lê Thị Hoa', 'Phạm Văn Tuấn'].map((name, index) => ({
    externalId: `report-${run}-${index}`,
    name,
    phone: `8491${String(Date.now()).slice(-6)}${index}`,
  }));
  const contactIds: string[] = [];
  for (const person of people)
    contactIds.push((await marketer.expect<{ id: string }>(201, 'POST', '/contacts', person)).id);

  const name = `Báo cáo A/B ${run}`;
  const { id: campaignId } = await marketer.expect<{ id: string }>(201, 'POST', '/campaigns', {
    name,
    graph: splitGraph(stack.accounts.zaloOa),
  });
  await marketer.expect(200, 'POST', `/campaigns/${campaignId}/submit`);
  await admin.expect(200, 'POST', `/campaigns/${campaignId}/approve`, {});

  const refusedCode = -131;
  const [paying, refused] = [people.slice(0, 2), people.slice(2, 3)];
  const fault = await sandboxControl(stack, 'POST', '/faults', {
    channel: 'zns',
    recipients: refused.map((person) => person.phone),
    code: refusedCode,
  });
  const enrollments = async () =>
    (
      await marketer.expect<{ items: Enrollment[] }>(
        200,
        'GET',
        `/campaigns/${campaignId}/enrollments?limit=100`,
      )
    ).items;
  try {
    await marketer.expect(200, 'POST', `/campaigns/${campaignId}/enrollments`, { contactIds });
    await eventually(async () => {
      const rows = await enrollments();
      expect(rows).toHaveLength(4);
      expect(rows.every((row) => row.status === 'exited' || row.currentStep === 'wait-paid')).toBe(true);
    }, 60_000);
  } finally {
    if (fault) await sandboxControl(stack, 'DELETE', `/faults/${fault.id}`);
  }

  for (const person of paying)
    await ingest.expect(200, 'POST', '/v1/track', {
      messageId: randomUUID(),
      userId: person.externalId,
      event: 'order.paid',
      properties: {},
    });
  await eventually(async () => {
    const rows = await enrollments();
    const reasons = rows.map((row) => row.exitReason ?? 'waiting').sort();
    expect(reasons).toEqual(['failed', 'paid', 'paid', 'waiting']);
  }, 60_000);
  const [firstPaid = '', secondPaid = '', refusedId = '', waitingId = ''] = contactIds;
  return {
    campaignId,
    name,
    refusedCode,
    contacts: { paid: [firstPaid, secondPaid], refused: refusedId, waiting: waitingId },
  };
}
