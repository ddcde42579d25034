import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ZNS_TRACKING_ID } from '../../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { zaloSendFailure } from '../shared/failure';
import {
  withZaloToken,
  type ZaloTokenCallFailure,
  type ZaloTokenCallResult,
} from '../shared/with-zalo-token';
import { mapConcurrent } from '../../shared/map-concurrent';
import type { ZaloCallResult } from '../shared/zalo-call';
import type { ZaloTokenManager } from '../tokens/token-manager';
import { oaMessageJson } from './oa.body';
import { ZaloOaClient } from './oa.client';
import { oaSendOutcome } from './oa.send-answer';
import { OA_ERRORS } from './oa.errors';
import { checkOaMessageLimits } from './oa.limits';
import type { ZaloOaMessage } from './oa.types';

/** OA codes that mean the access token is no longer accepted (providers.md §1, §3.5). */
const TOKEN_REJECTED: ReadonlySet<number> = new Set([-216, -220]);

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
    return oaSendOutcome({ result: sent, correlationId, now: this.now() });
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

  private withToken<T>(
    account: ZaloOaAccount,
    call: (accessToken: string) => Promise<ZaloCallResult<T>>,
  ): Promise<ZaloTokenCallResult<T>> {
    return withZaloToken({ tokens: this.options.tokens, account, rejectedCodes: TOKEN_REJECTED, call });
  }

  private failure(failure: ZaloTokenCallFailure, correlationId: string): SendFailure {
    return zaloSendFailure({
      failure,
      channel: 'Zalo OA',
      errors: OA_ERRORS,
      correlationId,
      now: this.now(),
    });
  }
}
