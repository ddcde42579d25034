import { createHash } from 'node:crypto';
import { verifyZaloWebhookSignature, webhookSignatureFirstTerm } from './webhook-signature';

const appId = '2074138120372622546';
const oaId = '579745863508352884';
const secret = 'oa-webhook-secret';
const rawBody = Buffer.from(
  JSON.stringify({
    sender: { id: oaId },
    recipient: { id: '84987654321' },
    event_name: 'user_received_message',
    message: { delivery_time: '1602960467432', msg_id: 'abc', tracking_id: 'order_1' },
    app_id: appId,
    timestamp: '1602560967477',
  }),
);
// Computed independently of the implementation: sha256(firstTerm + body + timestamp + secret).
const sign = (firstTerm: string, body: Buffer = rawBody) =>
  createHash('sha256')
    .update(`${firstTerm}${body.toString('utf8')}1602560967477${secret}`)
    .digest('hex');

describe('verifyZaloWebhookSignature', () => {
  it('accepts a signature over app id + body + timestamp + secret', () => {
    expect(verifyZaloWebhookSignature({ rawBody, header: sign(appId), firstTerm: appId, secret })).toEqual({
      ok: true,
    });
  });

  it('accepts the oa_id first term when configured so', () => {
    const firstTerm = webhookSignatureFirstTerm({ appId, oaId, webhookSignatureFirstTerm: 'oa_id' });
    expect(firstTerm).toBe(oaId);
    expect(verifyZaloWebhookSignature({ rawBody, header: sign(oaId), firstTerm, secret })).toEqual({
      ok: true,
    });
    expect(verifyZaloWebhookSignature({ rawBody, header: sign(appId), firstTerm, secret })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts a mac= prefix unless forbidden, and requires it when told', () => {
    const prefixed = `mac=${sign(appId)}`;
    expect(verifyZaloWebhookSignature({ rawBody, header: prefixed, firstTerm: appId, secret })).toEqual({
      ok: true,
    });
    expect(
      verifyZaloWebhookSignature({
        rawBody,
        header: prefixed,
        firstTerm: appId,
        secret,
        macPrefix: 'forbidden',
      }),
    ).toMatchObject({ ok: false, reason: 'malformed_signature' });
    expect(
      verifyZaloWebhookSignature({
        rawBody,
        header: sign(appId),
        firstTerm: appId,
        secret,
        macPrefix: 'required',
      }),
    ).toMatchObject({ ok: false, reason: 'malformed_signature' });
  });

  it('rejects a forged signature, a wrong secret and an altered body', () => {
    const forged = createHash('sha256').update('anything').digest('hex');
    expect(verifyZaloWebhookSignature({ rawBody, header: forged, firstTerm: appId, secret })).toMatchObject({
      reason: 'mismatch',
    });
    expect(
      verifyZaloWebhookSignature({ rawBody, header: sign(appId), firstTerm: appId, secret: 'other' }),
    ).toMatchObject({ reason: 'mismatch' });
    const altered = Buffer.from(rawBody.toString('utf8').replace('order_1', 'order_2'));
    expect(
      verifyZaloWebhookSignature({ rawBody: altered, header: sign(appId), firstTerm: appId, secret }),
    ).toMatchObject({ reason: 'mismatch' });
  });

  it('hashes the raw bytes: re-serialised JSON with other spacing does not verify', () => {
    const spaced = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8')), null, 2));
    expect(
      verifyZaloWebhookSignature({ rawBody: spaced, header: sign(appId), firstTerm: appId, secret }),
    ).toMatchObject({ reason: 'mismatch' });
  });

  it('names what is missing', () => {
    expect(
      verifyZaloWebhookSignature({ rawBody, header: undefined, firstTerm: appId, secret }),
    ).toMatchObject({
      reason: 'missing_signature',
    });
    expect(verifyZaloWebhookSignature({ rawBody, header: 'xyz', firstTerm: appId, secret })).toMatchObject({
      reason: 'malformed_signature',
    });
    expect(
      verifyZaloWebhookSignature({
        rawBody: Buffer.from('{'),
        header: sign(appId),
        firstTerm: appId,
        secret,
      }),
    ).toMatchObject({ reason: 'malformed_body' });
    expect(
      verifyZaloWebhookSignature({
        rawBody: Buffer.from('{"a":1}'),
        header: sign(appId),
        firstTerm: appId,
        secret,
      }),
    ).toMatchObject({ reason: 'missing_timestamp' });
  });
});
