import { accountRows, type ChannelRow } from './channel-rows';

const row = (currency: string | null, cost: string | null, messages: string): ChannelRow => ({
  channel: 'sms',
  account_id: 'a1',
  name: 'Twilio',
  kind: 'twilio',
  messages,
  sent: messages,
  delivered: '1',
  seen: '0',
  failed: '0',
  cost_currency: currency,
  cost,
});

describe('accountRows', () => {
  it('adds up one account over its cost currencies and keeps each currency apart', () => {
    const [account, ...others] = accountRows([
      row('USD', '0.0079', '2'),
      row('VND', '700', '1'),
      row(null, null, '3'),
    ]);
    expect(others).toEqual([]);
    expect(account).toMatchObject({ accountId: 'a1', messages: 6, sent: 6, delivered: 3 });
    expect([...account!.costs]).toEqual([
      ['USD', 0.0079],
      ['VND', 700],
    ]);
  });

  it('keeps the same account on two channels apart', () => {
    const rows = accountRows([row('VND', '1', '1'), { ...row('VND', '2', '1'), channel: 'zns' }]);
    expect(rows.map((account) => account.channel)).toEqual(['sms', 'zns']);
  });
});
