import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ZNS_TRACKING_ID } from '../../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { normalizeVietnamesePhone } from '../../phone/normalize-phone';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { failureFromRule, unknownCodeEntry } from '../../contract/error-rule';
import { tokenFailure, transportFailure } from '../shared/failure';
import { mapConcurrent } from '../../shared/map-concurrent';
import type { ZaloCallFailure } from '../shared/zalo-call';
import type { ZaloTokenManager } from '../tokens/token-manager';
import { ZnsClient, type ZnsSendData } from './zns.client';
import { ZNS_ERRORS } from './zns.errors';
import { checkTemplateData, nfcTemplateData } from './zns.presend';
import type { ZnsMessage } from './zns.types';

const TOKEN_REJECTED = -124;

export interface ZnsConnectorOptions {
  http: HttpClient;
  tokens: ZaloTokenManager;
  /** Sends in flight at once in sendBatch (default 16). */
  batchConcurrency?: number;
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
    let templateData: Record<string, string>;
    if (message.template) {
      const check = checkTemplateData({ params: message.template.listParams, data: message.templateData });
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

    let token = await this.options.tokens.getAccessToken(account);
    for (let attempt = 0; ; attempt += 1) {
      if (!token.ok) return tokenFailure(token, correlationId);
      const result = await this.client.sendByPhone({
        account,
        accessToken: token.accessToken,
        phone: phone.phone,
        templateId: message.templateId,
        templateData,
        trackingId: correlationId,
        ...(account.znsMode === 'development' ? { mode: 'development' as const } : {}),
        signal,
      });
      if (result.ok) return this.success(result.data, correlationId, message.template?.price);
      if (result.kind === 'provider' && result.code === TOKEN_REJECTED && attempt === 0) {
        token = await this.options.tokens.refreshAfterRejection(account, token.accessToken);
        continue;
      }
      return this.failure(result, correlationId);
    }
  }

  sendBatch({ account, items, signal }: BatchSendRequest<ZaloOaAccount, ZnsMessage>): Promise<SendOutcome[]> {
    return mapConcurrent(items, this.options.batchConcurrency ?? 16, (item) =>
      this.send({ account, message: item.message, idempotencyKey: item.idempotencyKey, signal }),
    );
  }

  private success(data: ZnsSendData, correlationId: string, priceVnd: number | undefined): SendOutcome {
    const sentAt = data.sent_time !== undefined ? Number(data.sent_time) : Number.NaN;
    return {
      status: 'sent',
      providerMessageId: data.msg_id,
      correlationId,
      ...(data.quota?.remainingQuota !== undefined ? { quotaRemaining: data.quota.remainingQuota } : {}),
      ...(priceVnd !== undefined ? { costVnd: priceVnd } : {}),
      acceptedAt: new Date(Number.isFinite(sentAt) ? sentAt : this.now()).toISOString(),
    };
  }

  private failure(result: ZaloCallFailure, correlationId: string): SendFailure {
    if (result.kind !== 'provider') return transportFailure(result, correlationId);
    return failureFromRule({
      entry: ZNS_ERRORS[result.code] ?? unknownCodeEntry('Zalo ZNS', result.code),
      code: String(result.code),
      providerMessage: result.providerMessage,
      correlationId,
      now: this.now(),
    });
  }
}
