import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ZNS_TRACKING_ID } from '../../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { failureFromRule, unknownCodeEntry } from '../../contract/error-rule';
import { tokenFailure, transportFailure } from '../shared/failure';
import { mapConcurrent } from '../../shared/map-concurrent';
import type { ZaloCallFailure, ZaloCallResult } from '../shared/zalo-call';
import type { AccessTokenResult, ZaloTokenManager } from '../tokens/token-manager';
import { oaMessageJson } from './oa.body';
import { ZaloOaClient, type OaSendData } from './oa.client';
import { OA_ERRORS } from './oa.errors';
import { checkOaMessageLimits } from './oa.limits';
import type { ZaloOaMessage } from './oa.types';

/** OA codes that mean the access token is no longer accepted (providers.md §1, §3.5). */
const TOKEN_REJECTED = new Set([-216, -220]);

export interface ZaloOaConnectorOptions {
  http: HttpClient;
  tokens: ZaloTokenManager;
  batchConcurrency?: number;
  now?: () => number;
}

/**
 * Sends OA API v3 messages (consultation, transaction, promotion). OA sends carry no correlation id, so the
 * outcome's correlationId is Loa's own id derived from the idempotency key.
 */
export class ZaloOaConnector implements ChannelConnector<ZaloOaAccount, ZaloOaMessage> {
  readonly channel = 'zalo_oa' as const;
  readonly client: ZaloOaClient;
  private readonly now: () => number;

  constructor(private readonly options: ZaloOaConnectorOptions) {
    this.client = new ZaloOaClient(options.http);
    this.now = options.now ?? Date.now;
  }

  async send({
    account,
    message,
    idempotencyKey,
    signal,
  }: SendRequest<ZaloOaAccount, ZaloOaMessage>): Promise<SendOutcome> {
    const correlationId = correlationIdFor(idempotencyKey, ZNS_TRACKING_ID);
    const limits = checkOaMessageLimits(message);
    if (!limits.ok) {
      return {
        status: 'failed',
        class: 'permanent',
        scope: 'message',
        code: 'loa_message_too_long',
        message: limits.message,
        correlationId,
      };
    }
    let attachmentId: string | undefined;
    if (message.body.kind === 'image' && 'upload' in message.body.image) {
      const { upload } = message.body.image;
      const uploaded = await this.withToken(account, (accessToken) =>
        this.client.uploadImage({ account, accessToken, signal, ...upload }),
      );
      if (!uploaded.ok) return this.failure(uploaded, correlationId);
      attachmentId = uploaded.data.attachment_id;
    }
    const body = oaMessageJson(message, attachmentId);
    const sent = await this.withToken(account, (accessToken) =>
      this.client.sendMessage({ account, accessToken, endpoint: message.type, body, signal }),
    );
    if (!sent.ok) return this.failure(sent, correlationId);
    return this.success(sent.data, correlationId);
  }

  sendBatch({
    account,
    items,
    signal,
  }: BatchSendRequest<ZaloOaAccount, ZaloOaMessage>): Promise<SendOutcome[]> {
    return mapConcurrent(items, this.options.batchConcurrency ?? 16, (item) =>
      this.send({ account, message: item.message, idempotencyKey: item.idempotencyKey, signal }),
    );
  }

  /** Runs `call` with the OA's token; on -216/-220 refreshes once and runs it again. */
  private async withToken<T>(
    account: ZaloOaAccount,
    call: (accessToken: string) => Promise<ZaloCallResult<T>>,
  ): Promise<ZaloCallResult<T> | Extract<AccessTokenResult, { ok: false }>> {
    let token = await this.options.tokens.getAccessToken(account);
    for (let attempt = 0; ; attempt += 1) {
      if (!token.ok) return token;
      const result = await call(token.accessToken);
      if (result.ok || result.kind !== 'provider' || !TOKEN_REJECTED.has(result.code) || attempt > 0)
        return result;
      token = await this.options.tokens.refreshAfterRejection(account, token.accessToken);
    }
  }

  private success(data: OaSendData, correlationId: string): SendOutcome {
    const sentAt = data.sent_time !== undefined ? Number(data.sent_time) : Number.NaN;
    return {
      status: 'sent',
      providerMessageId: data.message_id,
      correlationId,
      ...(data.quota?.remain !== undefined ? { quotaRemaining: data.quota.remain } : {}),
      acceptedAt: new Date(Number.isFinite(sentAt) ? sentAt : this.now()).toISOString(),
    };
  }

  private failure(
    result: ZaloCallFailure | Extract<AccessTokenResult, { ok: false }>,
    correlationId: string,
  ): SendFailure {
    switch (result.kind) {
      case 'not_connected':
      case 'reauthorization_required':
      case 'unavailable':
        return tokenFailure(result, correlationId);
      case 'provider':
        return failureFromRule({
          entry: OA_ERRORS[result.code] ?? unknownCodeEntry('Zalo OA', result.code),
          code: String(result.code),
          providerMessage: result.providerMessage,
          correlationId,
          now: this.now(),
        });
      case 'http':
      case 'network':
      case 'invalid_response':
        return transportFailure(result, correlationId);
    }
  }
}
