import { createHmac } from 'node:crypto';
import { twilioSignature, verifyTwilioSignature } from './twilio.signature';

// The example of Twilio's webhook-security docs, with its published signature.
const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675310',
  Digits: '1234',
  From: '+14158675310',
  To: '+18005551212',
};

describe('verifyTwilioSignature', () => {
  it('matches a signature computed by hand from the concatenated string', () => {
    const byHand = createHmac('sha1', authToken)
      .update(
        'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310Digits1234From+14158675310To+18005551212',
      )
      .digest('base64');
    expect(byHand).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignature({ url, params, authToken })).toBe(byHand);
    expect(verifyTwilioSignature({ url, params, header: byHand, authToken })).toBe(true);
  });

  it('does not depend on the order the parameters arrive in', () => {
    const reversed = new URLSearchParams(Object.entries(params).reverse());
    expect(
      verifyTwilioSignature({ url, params: reversed, header: 'GvWf1cFY/Q7PnoempGyD5oXAezc=', authToken }),
    ).toBe(true);
  });

  it.each([
    ['a changed parameter', { url, params: { ...params, Digits: '1235' }, authToken }],
    ['an added parameter', { url, params: { ...params, Extra: '1' }, authToken }],
    ['another URL', { url: 'https://mycompany.com/myapp.php?foo=1', params, authToken }],
    ['another auth token', { url, params, authToken: '54321' }],
  ])('rejects %s', (_name, input) => {
    expect(verifyTwilioSignature({ ...input, header: 'GvWf1cFY/Q7PnoempGyD5oXAezc=' })).toBe(false);
  });

  it('rejects a missing, empty or truncated header', () => {
    for (const header of [undefined, '', 'GvWf1cFY', 'GvWf1cFY/Q7PnoempGyD5oXAezc=x']) {
      expect(verifyTwilioSignature({ url, params, header, authToken })).toBe(false);
    }
  });
});
