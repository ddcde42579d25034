import {
  verifyTwilioSignature,
  verifyZaloWebhookSignature,
  webhookSignatureFirstTerm,
  type ZaloOaAccount,
} from '@loa/connectors';

/** Whether a provider call is genuine, checked on the bytes as they arrived; the reason stays in our logs only. */
export type Verification = { ok: true } | { ok: false; reason: string };

export function verifyZaloCall(input: {
  config: Record<string, unknown>;
  rawBody: Buffer;
  signature: string | string[] | undefined;
}): Verification {
  const account = input.config as unknown as ZaloOaAccount;
  if (!account.webhookSecret) return { ok: false, reason: 'the account has no webhook secret' };
  const check = verifyZaloWebhookSignature({
    rawBody: input.rawBody,
    header: input.signature,
    firstTerm: webhookSignatureFirstTerm(account),
    secret: account.webhookSecret,
    macPrefix: account.webhookSignatureMacPrefix,
  });
  return check.ok ? { ok: true } : { ok: false, reason: check.reason };
}

export function verifyTwilioCall(input: {
  config: Record<string, unknown>;
  url: string;
  rawBody: Buffer;
  signature: string | undefined;
}): Verification {
  const authToken = input.config.authToken;
  if (typeof authToken !== 'string') return { ok: false, reason: 'the account has no auth token' };
  const ok = verifyTwilioSignature({
    url: input.url,
    params: new URLSearchParams(input.rawBody.toString('utf8')),
    header: input.signature,
    authToken,
  });
  return ok ? { ok: true } : { ok: false, reason: 'X-Twilio-Signature does not match' };
}
