import type { SentMessageInfo } from 'nodemailer';
import type { SendOutcome } from '../contract/send-outcome';
import { asRecord } from '../shared/lenient-read';

/**
 * What a message the SMTP server took came to: nodemailer resolves `sendMail` once the server accepted the message
 * data, which is the server's verdict. The message is sent unless the server rejected its recipient and accepted
 * nobody; the rest of the info nodemailer gives is not needed and never fails the send.
 */
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
  const fields = asRecord(info);
  const listed = (name: string) => {
    const list = fields?.[name];
    return Array.isArray(list) ? list.length : 0;
  };
  if (listed('rejected') > 0 && listed('accepted') === 0) {
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
