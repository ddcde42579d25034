import { applyDeliveryUpdate, justDelivered, type LedgerState } from './ledger-transition';

const T0 = new Date('2026-03-10T03:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function row(overrides: Partial<LedgerState> = {}): LedgerState {
  return {
    status: 'sent',
    sentAt: T0,
    deliveredAt: null,
    seenAt: null,
    failedAt: null,
    errorCode: null,
    ...overrides,
  };
}

type Receipt = { status: 'delivered' | 'seen' | 'failed'; at: Date; errorCode?: string };

function fold(start: LedgerState, receipts: Receipt[]): LedgerState {
  return receipts.reduce((state, receipt) => applyDeliveryUpdate(state, receipt) ?? state, start);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('a receipt moves a ledger row forward only', () => {
  it('ends at the same row whatever order delivered, seen and a repeat arrive in', () => {
    const receipts: Receipt[] = [
      { status: 'delivered', at: at(10) },
      { status: 'seen', at: at(60) },
      { status: 'delivered', at: at(10) },
      { status: 'seen', at: at(90) },
    ];
    const ends = permutations(receipts).map((order) => fold(row(), order));
    for (const end of ends)
      expect(end).toEqual({ ...row(), status: 'seen', deliveredAt: at(10), seenAt: at(60) });
  });

  it('never lets a failure replace delivered or seen, and a delivery beats an earlier failure', () => {
    expect(
      applyDeliveryUpdate(row({ status: 'delivered', deliveredAt: at(5) }), { status: 'failed', at: at(9) }),
    ).toBeNull();
    expect(
      applyDeliveryUpdate(row({ status: 'seen', seenAt: at(5), deliveredAt: at(5) }), {
        status: 'failed',
        at: at(9),
      }),
    ).toBeNull();
    const failed = applyDeliveryUpdate(row(), { status: 'failed', at: at(3), errorCode: '30003' })!;
    expect(failed).toMatchObject({ status: 'failed', failedAt: at(3), errorCode: '30003' });
    expect(applyDeliveryUpdate(failed, { status: 'delivered', at: at(4) })).toMatchObject({
      status: 'delivered',
      deliveredAt: at(4),
    });
  });

  it('leaves rows a guard stopped alone, and fills sentAt for a row a crash left sending', () => {
    expect(
      applyDeliveryUpdate(row({ status: 'blocked', sentAt: null }), { status: 'delivered', at: at(1) }),
    ).toBeNull();
    expect(
      applyDeliveryUpdate(row({ status: 'deferred', sentAt: null }), { status: 'seen', at: at(1) }),
    ).toBeNull();
    expect(
      applyDeliveryUpdate(row({ status: 'sending', sentAt: null }), { status: 'delivered', at: at(7) }),
    ).toMatchObject({
      status: 'delivered',
      sentAt: at(7),
      deliveredAt: at(7),
    });
  });

  it('bills a row once, when it first reaches the phone', () => {
    const delivered = applyDeliveryUpdate(row(), { status: 'delivered', at: at(1) })!;
    expect(justDelivered(row(), delivered)).toBe(true);
    const seen = applyDeliveryUpdate(delivered, { status: 'seen', at: at(2) })!;
    expect(justDelivered(delivered, seen)).toBe(false);
    expect(justDelivered(row(), applyDeliveryUpdate(row(), { status: 'seen', at: at(2) })!)).toBe(true);
  });
});
