import { parseContinuation, type JourneyContinuation } from './journey-continuation';
import { abandonedOrderPlan } from './testing/test-plans';

const plan = abandonedOrderPlan();
const valid: JourneyContinuation = {
  version: 1,
  cursor: { stepId: 'paid', visits: { wait1h: 1, reminder: 1, paid: 1 }, stepsTaken: 3 },
  wait: { beganAtMs: 1_000, untilMs: 86_401_000 },
  seenEventIds: ['evt-created-A1', 'evt-paid-other'],
  buffer: [
    {
      event: {
        id: 'evt-paid-other',
        name: 'order.paid',
        properties: { orderId: 'B2' },
        occurredAt: '2026-01-01T00:00:00Z',
      },
      receivedAtMs: 2_000,
    },
  ],
  converted: false,
  entryAtMs: 0,
  campaignState: 'active',
  path: [{ stepId: 'paid', outcome: 'waiting', at: '2026-01-01T00:00:00.000Z' }],
  unflushed: [],
  runs: 1,
  eventsReceived: 1,
};

describe('parseContinuation', () => {
  it('accepts what a journey carries and survives a JSON round trip', () => {
    expect(parseContinuation(JSON.parse(JSON.stringify(valid)), plan)).toEqual(valid);
  });

  it.each([
    ['not an object', 'carried'],
    ['another version', { ...valid, version: 2 }],
    ['a cursor at a step the plan does not have', { ...valid, cursor: { ...valid.cursor, stepId: 'gone' } }],
    ['a cursor at an exit step', { ...valid, cursor: { ...valid.cursor, stepId: 'thanks' } }],
    ['negative steps', { ...valid, cursor: { ...valid.cursor, stepsTaken: -1 } }],
    ['a malformed wait', { ...valid, wait: { beganAtMs: 'soon' } }],
    ['a buffered event without id', { ...valid, buffer: [{ event: { name: 'x' }, receivedAtMs: 1 }] }],
    ['an unknown campaign state', { ...valid, campaignState: 'archived' }],
    ['a malformed path entry', { ...valid, path: [{ stepId: 'paid' }] }],
    ['missing counters', { ...valid, runs: undefined }],
  ])('rejects %s', (_, value) => {
    expect(() => parseContinuation(value, plan)).toThrow(/^Invalid journey continuation/);
  });
});
