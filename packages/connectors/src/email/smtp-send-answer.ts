import type { SentMessageInfo } from 'nodemailer';
import type { SendOutcome } from '../contract/send-outcome';

/** What a message the SMTP server took (nodemailer resolved `sendMail`) came to. */
export function smtpSendOutcome({
  info,
  messageId,
  now,
}: {
  info: SentMessageInfo;
  /** The Message-ID Loa gave the message; it is both the provider id and the correlation id. */
  messageId: string;
  now: Date;
}): SendOutcome {
  const rejected = ((info as { rejected?: unknown[] }).rejected ?? []).map(String);
  if (rejected.length > 0) {
    return {
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: 'smtp_rejected',
      message: 'The mail server rejected the recipient address.',
      correlationId: messageId,
    };
  }
  return {
    status: 'sent',
    providerMessageId: messageId,
    correlationId: messageId,
    acceptedAt: now.toISOString(),
  };
}
