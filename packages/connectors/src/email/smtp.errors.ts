import type { SendFailure } from '../contract/send-outcome';

/** What nodemailer puts on the errors it throws. */
interface SmtpError {
  code?: string;
  /** The system error's own code (`ECONNREFUSED`, `ECONNRESET`) under nodemailer's `ESOCKET` / `ECONNECTION`. */
  originalCode?: string;
  /** Which of nodemailer's timeouts fired, for `ETIMEDOUT`. */
  timeoutType?: string;
  responseCode?: number;
  command?: string;
  response?: string;
  message?: string;
}

/**
 * Connection errors that come before any message could be handed over: the server was not reached, the TLS or
 * greeting phase failed, or the pooled connection had reached its message limit. Retrying cannot send twice.
 */
const BEFORE_MESSAGE_CODES = new Set(['EDNS', 'ETLS', 'ECONNREFUSED', 'EMAXLIMIT']);
const BEFORE_MESSAGE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
/**
 * Connection errors that can come at any point of the conversation, including after the message data was sent and
 * before the server's reply to it: the server may have accepted the message (nodemailer does not say how far the
 * conversation got), so whether it was sent is unknown.
 */
const ANY_TIME_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE', 'EABORT']);

function failedBeforeMessage(smtp: SmtpError): boolean {
  return (
    BEFORE_MESSAGE_CODES.has(smtp.code ?? '') ||
    BEFORE_MESSAGE_SYSTEM_CODES.has(smtp.originalCode ?? '') ||
    (smtp.code === 'ETIMEDOUT' && SETUP_TIMEOUTS.has(smtp.timeoutType ?? ''))
  );
}
/** Login problems: every send from this account will fail until its settings are fixed. */
const AUTH_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);

/**
 * Classifies an SMTP failure: 535 and other login failures are the account's; 4xx replies and connection errors
 * before any message was handed over are retryable; a connection lost at a point nodemailer does not tell (it may be
 * after the message data, before the server's reply) leaves the outcome unknown; a 5xx reply to RCPT TO rejects the
 * recipient; a 5xx to MAIL FROM rejects the sender (the account); other 5xx replies reject the message. The server's
 * reply text is kept, never the credentials.
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
  if (failedBeforeMessage(smtp)) {
    return {
      ...base,
      class: 'retryable',
      message: 'The mail server could not be reached; the send will be retried.',
    };
  }
  if (ANY_TIME_CODES.has(smtp.code ?? '')) {
    return {
      ...base,
      class: 'outcome_unknown',
      message:
        'The connection to the mail server was lost during the send; it may have received the message, so whether it was sent is unknown.',
    };
  }
  return { ...base, class: 'permanent', scope: 'message', message: 'The email could not be sent.' };
}
