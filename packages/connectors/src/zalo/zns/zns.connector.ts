import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ZNS_TRACKING_ID } from '../../contract/correlation-id';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { normalizeVietnamesePhone } from '../../phone/normalize-phone';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { zaloSendFailure } from '../shared/failure';
import { withZaloToken } from '../shared/with-zalo-token';
import { mapConcurrent } from '../../shared/map-concurrent';
import type { ZaloTokenManager } from '../tokens/token-manager';
import { ZnsClient } from './zns.client';
import { znsSendOutcome } from './zns.send-answer';
import { ZNS_ERRORS, ZNS_TOKEN_REJECTED } from './zns.errors';
import type { ZnsTemplateCatalog } from './zns-template-catalog';
import { checkTemplateData, nfcTemplateData } from './zns.presend';
import type { ZnsMessage } from './zns.types';

export interface ZnsConnectorOptions {
  http: HttpClient;
  tokens: ZaloTokenManager;
  /** Sends in flight at once in sendBatch (default 16). */
  batchConcurrency?: number;
  /**
   * Where template details come from when a message does not carry its template: with a catalog every send is
   * checked against its template's params and priced; without one, only messages that carry the template are.
   */
  templates?: ZnsTemplateCatalog;
  now?: () => number;
}

/** Sends ZNS template messages by phone for any OA; the account and its tokens come with each call. */
export class ZnsConnector implements ChannelConnector<ZaloOaAccount, ZnsMessage> {
  readonly channel = 'zns' as const;
  private readonly client: ZnsClient;
  private readonly now: () => number;

  constructor(private readonly options: ZnsConnectorOptions) {
    this.client = new ZnsClient(options.http);
    this.now = options.now ?? Date.now;
  }

  async send({
    account,
    message,
    idempotencyKey,
    signal,
  }: SendRequest<ZaloOaAccount, ZnsMessage>): Promise<SendOutcome> {
    const correlationId = correlationIdFor(idempotencyKey, ZNS_TRACKING_ID);
    const phone = normalizeVietnamesePhone(message.phone);
    if (!phone.ok) {
      return {
        status: 'failed',
        class: 'permanent',
        scope: 'recipient',
        code: 'loa_invalid_phone',
        message:
          phone.reason === 'not_mobile'
            ? 'The phone number is a landline, which cannot receive ZNS.'
            : 'The phone number is not a valid Vietnamese mobile number.',
        correlationId,
      };
    }
    let template = message.template;
    if (!template && this.options.templates) {
      const lookup = await this.options.templates.get(account, message.templateId, signal);
      if (!lookup.ok) {
        return zaloSendFailure({
          failure: lookup.failure,
          channel: 'Zalo ZNS',
          errors: ZNS_ERRORS,
          correlationId,
          now: this.now(),
        });
      }
      template = lookup.template;
    }
    let templateData: Record<string, string>;
    if (template) {
      const check = checkTemplateData({ params: template.listParams, data: message.templateData });
      if (!check.ok) {
        return {
          status: 'failed',
          class: 'permanent',
          scope: 'message',
          code: check.code,
          message: check.message,
          correlationId,
        };
      }
      templateData = check.data;
    } else {
      templateData = nfcTemplateData(message.templateData);
    }

    const result = await withZaloToken({
      tokens: this.options.tokens,
      account,
      rejectedCodes: ZNS_TOKEN_REJECTED,
      call: (accessToken) =>
        this.client.sendByPhone({
          account,
          accessToken,
          phone: phone.phone,
          templateId: message.templateId,
          templateData,
          trackingId: correlationId,
          ...(account.znsMode === 'development' ? { mode: 'development' as const } : {}),
          signal,
        }),
    });
    return znsSendOutcome({ result, correlationId, priceVnd: template?.price, now: this.now() });
  }

  sendBatch({ account, items, signal }: BatchSendRequest<ZaloOaAccount, ZnsMessage>): Promise<SendOutcome[]> {
    return mapConcurrent(items, this.options.batchConcurrency ?? 16, (item) =>
      this.send({ account, message: item.message, idempotencyKey: item.idempotencyKey, signal }),
    );
  }
}
