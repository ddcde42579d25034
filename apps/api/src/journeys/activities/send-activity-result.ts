import { ApplicationFailure } from '@temporalio/activity';
import { SEND_ERROR_TYPES, type ActivityDeferralReason, type SendActivityResult } from '@loa/engine';
import { SendError } from '../../messages/send-errors';
import type { BlockReason, DeferReason, SendResult } from '../../messages/send-message.types';

/** Deferrals the journey waits out by value (the engine's `deferred` result), until exactly retryAtMs. */
type ByValue = ActivityDeferralReason;
const DEFERRED_BY_VALUE: ReadonlySet<DeferReason> = new Set<ByValue>(['frequency_cap', 'send_rate']);

/** Every other deferral is one of the engine's wait errors: the journey waits until details[0].retryAtMs. */
const WAIT_ERROR_OF: Record<Exclude<DeferReason, ByValue>, string> = {
  quiet_hours: SEND_ERROR_TYPES.outsideAllowedHours,
  advertising_sms_window: SEND_ERROR_TYPES.outsideAllowedHours,
  outside_window: SEND_ERROR_TYPES.outsideAllowedHours,
  zns_quota: SEND_ERROR_TYPES.quotaExhausted,
  quota_exhausted: SEND_ERROR_TYPES.quotaExhausted,
};

/** Block reasons the engine's result has; the others are permanent failures named `loa_<reason>`. */
const ENGINE_BLOCK_REASONS: ReadonlySet<BlockReason> = new Set(['do_not_contact', 'opted_out', 'no_address']);

const BLOCK_MESSAGES: Record<BlockReason, string> = {
  do_not_contact: 'The contact is on the do-not-contact list',
  opted_out: 'The contact refused consent on this channel',
  no_address: 'The contact has no address on this channel',
  no_consent: 'Advertising on this channel needs the contact’s consent, which was never given',
  outside_oa_window: 'The contact has not interacted with the OA in the last 7 days',
};

/**
 * The send service's answer as the journey's activity result. Frequency caps and the send rate defer by value; the
 * other deferrals
 * (quiet hours, the advertising SMS window, the provider's hours, ZNS quotas) are thrown as the engine's
 * non-retryable wait errors with `{ retryAtMs }`, which the journey waits out before calling again with the same key.
 */
export function activityResultOf(result: SendResult): SendActivityResult {
  switch (result.status) {
    case 'sent':
      return {
        status: 'sent',
        messageId: result.messageId,
        ...(result.providerMessageId !== undefined && { providerMessageId: result.providerMessageId }),
      };
    case 'failed':
      return { status: 'failed', errorCode: result.errorCode, errorMessage: result.errorMessage };
    case 'blocked':
      if (ENGINE_BLOCK_REASONS.has(result.reason))
        return {
          status: 'blocked',
          reason: result.reason as Extract<SendActivityResult, { status: 'blocked' }>['reason'],
        };
      return {
        status: 'failed',
        errorCode: `loa_${result.reason}`,
        errorMessage: BLOCK_MESSAGES[result.reason],
      };
    case 'deferred':
      if (DEFERRED_BY_VALUE.has(result.reason))
        return { status: 'deferred', reason: result.reason as ByValue, retryAtMs: result.retryAtMs };
      throw waitFailure(
        WAIT_ERROR_OF[result.reason as Exclude<DeferReason, ByValue>],
        `The send waits (${result.reason}) until ${new Date(result.retryAtMs).toISOString()}`,
        result.retryAtMs,
      );
  }
}

/**
 * A send service error as a Temporal failure of the engine's type: waits are non-retryable with `{ retryAtMs }`;
 * retryable and token-expired errors are retried by the activity's retry policy (a provider's Retry-After becomes
 * the next retry delay). Anything else is not a send error and is rethrown as it is.
 */
export function activityFailureOf(error: unknown, nowMs = Date.now()): unknown {
  if (!(error instanceof SendError)) return error;
  const message = `${error.code}: ${error.message}`;
  switch (error.type) {
    case SEND_ERROR_TYPES.quotaExhausted:
    case SEND_ERROR_TYPES.outsideAllowedHours:
      return waitFailure(error.type, message, error.retryAtMs);
    case SEND_ERROR_TYPES.tokenExpired:
      return ApplicationFailure.create({ type: error.type, message, details: [{ code: error.code }] });
    case SEND_ERROR_TYPES.retryable:
      return ApplicationFailure.create({
        type: error.type,
        message,
        details: [{ code: error.code }],
        ...(error.retryAtMs !== undefined &&
          error.retryAtMs > nowMs && { nextRetryDelay: error.retryAtMs - nowMs }),
      });
  }
}

function waitFailure(type: string, message: string, retryAtMs: number | undefined): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message,
    nonRetryable: true,
    details: [retryAtMs !== undefined && Number.isFinite(retryAtMs) ? { retryAtMs } : {}],
  });
}
