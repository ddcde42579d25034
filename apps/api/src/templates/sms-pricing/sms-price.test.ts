import { defaultSmsPrice, smsCostEstimate } from './sms-price';

describe('SMS prices', () => {
  it('multiplies segments by the per-segment price, to four decimals', () => {
    const price = { accountId: 'a', currency: 'USD', perSegment: 0.285, source: 'default' as const };
    expect(smsCostEstimate(3, price)).toEqual({ ...price, segments: 3, total: 0.855 });
    expect(smsCostEstimate(0, price).total).toBe(0);
    const vnd = { accountId: 'b', currency: 'VND', perSegment: 520, source: 'account' as const };
    expect(smsCostEstimate(2, vnd).total).toBe(1040);
  });

  it('falls back to the indicative price of the kind', () => {
    expect(defaultSmsPrice('esms', { smsType: 'care' })).toEqual({ currency: 'VND', perSegment: 520 });
    expect(defaultSmsPrice('esms', { smsType: 'fixed_number' })).toEqual({
      currency: 'VND',
      perSegment: 450,
    });
    expect(defaultSmsPrice('twilio', {})).toEqual({ currency: 'USD', perSegment: 0.285 });
  });
});
