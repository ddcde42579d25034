import {
  createEmailConnector,
  createEsmsConnector,
  createHttpClient,
  createSpeedSmsConnector,
  createTwilioConnector,
  SmtpTransportCache,
  ZaloOaConnector,
  ZnsConnector,
  type EsmsAccount,
  type HttpClient,
  type OaTransactionBody,
  type SendOutcome,
  type SmtpAccount,
  type SpeedSmsAccount,
  type TwilioAccount,
  type ZaloOaAccount,
} from '@loa/connectors';
import type { ChannelKind } from '../channels/channel-kinds';
import type { MessageContent, MessagePurpose, OaTransactionContent } from './send-message.types';
import type { ZaloTokenSource } from './zalo-token-source';

/** One message as a connector takes it: the resolved address, the content, and the e-mail unsubscribe token. */
export interface ConnectorSend {
  accountId: string;
  kind: ChannelKind;
  config: Record<string, unknown>;
  to: string;
  content: MessageContent;
  purpose: MessagePurpose;
  idempotencyKey: string;
  unsubscribeToken?: string;
}

/** What decides whether a message goes in a provider batch. */
export type ConnectorBatchable = Pick<ConnectorSend, 'content' | 'purpose'>;

/** The connectors of every channel account kind, sharing one HTTP client and one SMTP transport cache. */
export class ProviderConnectors {
  private readonly http: HttpClient;
  private readonly transports = new SmtpTransportCache();
  private readonly esms;
  private readonly speedsms;
  private readonly twilio;
  private readonly email;
  private readonly zalo = new Map<string, { zns: ZnsConnector; oa: ZaloOaConnector }>();

  constructor(private readonly zaloTokens?: ZaloTokenSource) {
    this.http = createHttpClient({ connections: 128 });
    this.esms = createEsmsConnector({ http: this.http });
    this.speedsms = createSpeedSmsConnector({ http: this.http });
    this.twilio = createTwilioConnector({ http: this.http });
    this.email = createEmailConnector({ transports: this.transports });
  }

  async send(input: ConnectorSend): Promise<SendOutcome | { unavailable: string }> {
    const { content, idempotencyKey, to } = input;
    const smsPurpose =
      input.purpose === 'marketing' ? 'advertising' : input.purpose === 'otp' ? 'otp' : 'care';
    switch (content.channel) {
      case 'sms': {
        const message = { to, text: content.text, purpose: smsPurpose } as const;
        if (input.kind === 'esms')
          return this.esms.send({ account: input.config as EsmsAccount, message, idempotencyKey });
        if (input.kind === 'speedsms')
          return this.speedsms.send({ account: input.config as SpeedSmsAccount, message, idempotencyKey });
        if (input.kind === 'twilio')
          return this.twilio.send({ account: input.config as TwilioAccount, message, idempotencyKey });
        break;
      }
      case 'email':
        if (input.kind === 'smtp')
          return this.email.send({
            account: input.config as SmtpAccount,
            idempotencyKey,
            message: {
              to,
              subject: content.subject,
              ...(content.html !== undefined && { html: content.html }),
              ...(content.text !== undefined && { text: content.text }),
              purpose: input.purpose === 'marketing' ? 'marketing' : 'transactional',
              ...(input.unsubscribeToken !== undefined && { unsubscribeToken: input.unsubscribeToken }),
            },
          });
        break;
      case 'zns': {
        const zalo = this.zaloConnectors(input.accountId);
        if (!zalo) return { unavailable: 'loa_zalo_tokens_unavailable' };
        return zalo.zns.send({
          account: input.config as ZaloOaAccount,
          idempotencyKey,
          message: { phone: to, templateId: content.templateId, templateData: content.templateData },
        });
      }
      case 'zalo_oa': {
        const zalo = this.zaloConnectors(input.accountId);
        if (!zalo) return { unavailable: 'loa_zalo_tokens_unavailable' };
        return zalo.oa.send({
          account: input.config as ZaloOaAccount,
          idempotencyKey,
          message:
            'transaction' in content
              ? {
                  type: 'transaction',
                  recipient: { userId: to },
                  body: oaTransactionBody(content.transaction),
                }
              : { type: 'cs', recipient: { userId: to }, body: { kind: 'text', text: content.text } },
        });
      }
    }
    return { unavailable: 'loa_channel_not_supported' };
  }

  /** Whether eSMS sends this account's messages to many numbers per request (advertising, SmsType 1). */
  static sendsInBatches(
    kind: ChannelKind,
    config: Record<string, unknown>,
    input: ConnectorBatchable,
  ): boolean {
    return (
      kind === 'esms' &&
      config['smsType'] === 'advertising' &&
      input.content.channel === 'sms' &&
      input.purpose === 'marketing'
    );
  }

  /**
   * eSMS advertising SMS: one request per identical text to 30–5,000 numbers (the connector groups them); a text
   * that fewer than 30 of the batch share fails for them (`loa_esms_advertising_min_recipients`). Outcomes in the
   * order of the items; the items of one request share its outcome.
   */
  sendEsmsAdvertising(input: {
    config: Record<string, unknown>;
    batchKey: string;
    items: ReadonlyArray<{ to: string; text: string; idempotencyKey: string }>;
  }): Promise<SendOutcome[]> {
    return this.esms.sendBatch({
      account: input.config as EsmsAccount,
      batchKey: input.batchKey,
      items: input.items.map(({ to, text, idempotencyKey }) => ({
        message: { to, text, purpose: 'advertising' as const },
        idempotencyKey,
      })),
    });
  }

  async close(): Promise<void> {
    this.email.close();
    await this.http.close();
  }

  /** The ZNS and OA connectors of one OA account: each holds that account's token manager. */
  private zaloConnectors(accountId: string) {
    if (!this.zaloTokens) return undefined;
    let connectors = this.zalo.get(accountId);
    if (!connectors) {
      const tokens = this.zaloTokens.tokensFor(accountId);
      connectors = {
        zns: new ZnsConnector({ http: this.http, tokens }),
        oa: new ZaloOaConnector({ http: this.http, tokens }),
      };
      this.zalo.set(accountId, connectors);
    }
    return connectors;
  }
}

/** The OA API's transaction template: header, paragraph and table elements, then the link buttons. */
function oaTransactionBody(content: OaTransactionContent): OaTransactionBody {
  return {
    kind: 'transaction',
    templateType: content.templateType,
    language: content.language,
    elements: [
      { type: 'header', content: content.header },
      ...(content.text ? [{ type: 'text' as const, content: content.text }] : []),
      { type: 'table', rows: content.table },
    ],
    buttons: content.buttons.map((button) => ({ type: 'oa.open.url', title: button.title, url: button.url })),
  };
}
