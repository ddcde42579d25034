import type { SentMessageInfo } from 'nodemailer';
import { z } from 'zod';
import type { BatchSendRequest, ChannelConnector, SendRequest } from '../contract/channel-connector';
import { correlationIdFor, MESSAGE_ID_LOCAL_PART } from '../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../contract/send-outcome';
import { mapConcurrent } from '../shared/map-concurrent';
import type { EmailMessage } from './email-message';
import type { SmtpAccount } from './smtp.config';
import { smtpFailure } from './smtp.errors';
import { smtpSendOutcome } from './smtp-send-answer';
import { SmtpTransportCache } from './smtp-transport-cache';
import { textAlternative } from './text-alternative';
import { unsubscribeHeaders } from './unsubscribe-headers';

const BATCH_CONCURRENCY = 8;
const emailAddress = z.email();

export interface EmailConnector extends ChannelConnector<SmtpAccount, EmailMessage> {
  /** Closes every pooled SMTP connection. */
  close(): void;
}

export interface EmailConnectorOptions {
  /** Shared transport pools; one is made when not given. */
  transports?: SmtpTransportCache;
  now?: () => Date;
}

/** The Message-ID of the email sent under an idempotency key: the same key always gives the same id. */
export function messageIdFor(input: { idempotencyKey: string; messageIdDomain: string }): string {
  return `<${correlationIdFor(input.idempotencyKey, MESSAGE_ID_LOCAL_PART)}@${input.messageIdDomain}>`;
}

/**
 * Email over SMTP (nodemailer, pooled connections per account). The Message-ID derives from the idempotency key,
 * marketing mail carries the RFC 8058 one-click unsubscribe headers, and HTML-only mail gets a generated text part.
 * Subject and bodies are NFC-normalised so decomposed Vietnamese arrives as the composed characters.
 */
export function createEmailConnector(options: EmailConnectorOptions = {}): EmailConnector {
  const transports = options.transports ?? new SmtpTransportCache();
  const now = options.now ?? (() => new Date());

  const send = async (request: SendRequest<SmtpAccount, EmailMessage>): Promise<SendOutcome> => {
    const { account, message } = request;
    const messageId = messageIdFor({
      idempotencyKey: request.idempotencyKey,
      messageIdDomain: account.messageIdDomain,
    });
    const correlationId = messageId;
    const invalid = checkMessage(message, correlationId);
    if (invalid) return invalid;

    const html = message.html?.normalize('NFC');
    const text = message.text?.normalize('NFC') ?? (html === undefined ? undefined : textAlternative(html));
    const headers =
      message.unsubscribeToken === undefined
        ? undefined
        : unsubscribeHeaders({ unsubscribe: account.unsubscribe, token: message.unsubscribeToken });
    let info: SentMessageInfo;
    try {
      info = await transports.send(account, {
        from: account.from,
        to: message.to,
        ...(account.replyTo ? { replyTo: account.replyTo } : {}),
        subject: message.subject.normalize('NFC'),
        ...(text === undefined ? {} : { text }),
        ...(html === undefined ? {} : { html }),
        messageId,
        ...(headers ? { headers } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      return smtpFailure(error, correlationId);
    }
    // Outside the try: once the server took the message, nothing read from its answer may turn it into a failure.
    return smtpSendOutcome({ info, messageId, now: now() });
  };

  return {
    channel: 'email',
    send,
    sendBatch: (request: BatchSendRequest<SmtpAccount, EmailMessage>) =>
      mapConcurrent(request.items, BATCH_CONCURRENCY, (item) =>
        send({ account: request.account, signal: request.signal, ...item }),
      ),
    close: () => transports.close(),
  };
}

/** Problems Loa can see before talking to the server. */
function checkMessage(message: EmailMessage, correlationId: string): SendFailure | undefined {
  const fail = (scope: 'message' | 'recipient', code: string, text: string): SendFailure => ({
    status: 'failed',
    class: 'permanent',
    scope,
    code,
    message: text,
    correlationId,
  });
  if (!emailAddress.safeParse(message.to).success) {
    return fail('recipient', 'loa_invalid_email', `"${message.to}" is not a valid email address.`);
  }
  if (message.html === undefined && message.text === undefined) {
    return fail('message', 'loa_empty_email', 'The email has neither an HTML nor a text body.');
  }
  if (message.purpose === 'marketing' && !message.unsubscribeToken) {
    return fail(
      'message',
      'loa_unsubscribe_token_missing',
      'Marketing email needs an unsubscribe token for its one-click unsubscribe link.',
    );
  }
  return undefined;
}
