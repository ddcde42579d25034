import { esmsJourneyPurposes, speedSmsJourneyPurposes } from './journey-purposes';

describe('the SMS purposes a journey can send', () => {
  it('eSMS: care and OTP through a customer-care account; advertising through an advertising one, in broadcasts', () => {
    expect(esmsJourneyPurposes({ smsType: 'care' }).allowed).toEqual(['care', 'otp']);
    expect(esmsJourneyPurposes({ smsType: 'care' }).inBroadcasts).toBeUndefined();
    expect(esmsJourneyPurposes({ smsType: 'fixed_number' }).allowed).toEqual(['care', 'otp']);
    expect(esmsJourneyPurposes({ smsType: 'advertising' })).toEqual({
      allowed: [],
      inBroadcasts: ['advertising'],
      why: expect.stringContaining('30 or more numbers in one request'),
    });
  });

  it('SpeedSMS: advertising only from a brand name (type 3)', () => {
    expect(speedSmsJourneyPurposes({ smsType: 3 }).allowed).toContain('advertising');
    expect(speedSmsJourneyPurposes({ smsType: 2 }).allowed).toEqual(['care', 'otp']);
  });
});
