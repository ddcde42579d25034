import { smsPriceBody, smsPriceFormSchema } from './sms-price-schema';

describe('the SMS price form', () => {
  it('takes a price of zero or more with at most 4 decimals and a three-letter currency', () => {
    expect(smsPriceFormSchema.safeParse({ currency: 'vnd', perSegment: '650' }).success).toBe(true);
    expect(smsPriceBody({ currency: ' vnd', perSegment: '0.0075' })).toEqual({
      currency: 'VND',
      perSegment: 0.0075,
    });
    const bad = smsPriceFormSchema.safeParse({ currency: 'VN', perSegment: '-1' });
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['currency', 'errors.currency'],
      ['perSegment', 'errors.positivePrice'],
    ]);
    expect(smsPriceFormSchema.safeParse({ currency: 'USD', perSegment: '0.00001' }).success).toBe(false);
  });
});
