import type { SendFailure } from '../contract/send-outcome';

/** What nodemailer puts on the errors it throws. */
interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
}

/** Errors that mean the server could not be reached or dropped the conversation: try again later. */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EMAXLIMIT',
  'EABORT',
]);
/** Login problems: every send from this account will fail until its settings are fixed. */
const AUTH_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);

/**
 * Classifies an SMTP failure: 535 and other login failures are the account's; 4xx replies and connection errors are
 * retryable; a 5xx reply to RCPT TO rejects the recipient; a 5xx to MAIL FROM rejects the sender (the account);
 * other 5xx replies reject the message. The server's reply text is kept, never the credentials.
 */
export function smtpFailure(error: unknown, correlationId: string): SendFailure {
  const smtp = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const responseCode = typeof smtp.responseCode === 'number' ? smtp.responseCode : undefined;
  const code = responseCode !== undefined ? String(responseCode) : (smtp.code ?? 'smtp_error');
  const base = {
    status: 'failed' as const,
    code,
    correlationId,
    ...(smtp.response ? { providerMessage: smtp.response } : smtp.code ? { providerMessage: smtp.code } : {}),
  };
  const command = (smtp.command ?? '').toUpperCase();

  if (
    responseCode === 535 ||
    responseCode === 534 ||
    responseCode === 530 ||
    AUTH_CODES.has(smtp.code ?? '')
  ) {
    if (responseCode === undefined || responseCode >= 500) {
      return {
        ...base,
        class: 'permanent',
        scope: 'account',
        message: 'The mail server rejected the SMTP login; check the email account settings.',
      };
    }
  }
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return {
      ...base,
      class: 'retryable',
      message: 'The mail server deferred the message; it will be retried.',
    };
  }
  if (responseCode !== undefined && responseCode >= 500) {
    if (command.startsWith('MAIL')) {
      return {
        ...base,
        class: 'permanent',
        scope: 'account',
        message: 'The mail server rejected the sender address; check the From setting.',
      };
    }
    if (command.startsWith('RCPT') || smtp.code === 'EENVELOPE') {
      return {
        ...base,
        class: 'permanent',
        scope: 'recipient',
        message: 'The mail server rejected the recipient address.',
      };
    }
    return {
      ...base,
      class: 'permanent',
      scope: 'message',
      message: 'The mail server rejected the message.',
    };
  }
  if (CONNECTION_CODES.has(smtp.code ?? '')) {
    return {
      ...base,
      class: 'retryable',
      message: 'The mail server could not be reached; the send will be retried.',
    };
  }
  return { ...base, class: 'permanent', scope: 'message', message: 'The email could not be sent.' };
}
