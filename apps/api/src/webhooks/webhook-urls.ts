import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import type { ChannelKind } from '../channels/channel-kinds';

/** The provider each kind of account receives webhooks from, and the path segment of its route. */
const WEBHOOK_PROVIDER: Partial<Record<ChannelKind, WebhookProvider>> = {
  zalo_oa: 'zalo',
  esms: 'esms',
  twilio: 'twilio',
};
export type WebhookProvider = 'zalo' | 'esms' | 'twilio';

export function webhookProviderOf(kind: ChannelKind): WebhookProvider | undefined {
  return WEBHOOK_PROVIDER[kind];
}

/**
 * The URLs providers call back, built from `LOA_PUBLIC_API_URL` (the API as providers reach it; the Zalo OAuth
 * redirect URI uses it too). Zalo and Twilio sign their calls; eSMS does not, so
 * its callback URL carries an unguessable per-account `token`: HMAC-SHA256 of the account id under the encryption
 * key, checked in constant time. Tokens made under a previous encryption key still pass until that key is dropped,
 * so rotating the key does not break callbacks of messages already sent.
 */
@Injectable()
export class WebhookUrls {
  constructor(@Inject(LOA_CONFIG) private readonly config: LoaConfig) {}

  /** The public URL of the account's webhook; null for kinds that receive none. */
  forAccount(account: { id: string; kind: ChannelKind }): string | null {
    const provider = webhookProviderOf(account.kind);
    if (!provider) return null;
    const url = `${this.config.zalo.publicApiUrl}/webhooks/${provider}/${account.id}`;
    return provider === 'esms' ? `${url}?token=${this.esmsToken(account.id)}` : url;
  }

  /**
   * The full URL a provider called, as it signed it: the public URL and the path and query of the request (a proxy
   * in front of the API must not rewrite them).
   */
  calledUrl(originalUrl: string): string {
    return `${this.config.zalo.publicApiUrl}${originalUrl}`;
  }

  esmsToken(accountId: string, key: Buffer = this.config.encryptionKey): string {
    return createHmac('sha256', key).update(`loa:webhooks:esms:${accountId}`).digest('base64url');
  }

  verifyEsmsToken(accountId: string, token: unknown): boolean {
    if (typeof token !== 'string' || token.length === 0) return false;
    const given = Buffer.from(token, 'utf8');
    let ok = false;
    for (const key of [this.config.encryptionKey, ...this.config.previousEncryptionKeys]) {
      const expected = Buffer.from(this.esmsToken(accountId, key), 'utf8');
      ok = (expected.length === given.length && timingSafeEqual(expected, given)) || ok;
    }
    return ok;
  }
}
