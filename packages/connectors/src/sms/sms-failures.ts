import type { SendFailure } from '../contract/send-outcome';
import { sendNetworkFailure } from '../contract/transport-failure';

/** Who the SMS failures name when the gateway could not be reached or answered without its envelope. */
export const SMS_GATEWAY = 'The SMS gateway';

/**
 * A send request that got no answer (refused, reset, timed out): retryable when it cannot have reached the gateway
 * or the gateway recognises a resend (`resendRecognised`, eSMS RequestId); otherwise `outcome_unknown`.
 */
export function smsNetworkFailure(
  error: unknown,
  correlationId: string,
  options: { resendRecognised?: boolean } = {},
): SendFailure {
  return sendNetworkFailure({ service: SMS_GATEWAY, error, correlationId, ...options });
}

export function invalidPhoneFailure(input: { phone: string; correlationId: string }): SendFailure {
  return {
    status: 'failed',
    class: 'permanent',
    scope: 'recipient',
    code: 'loa_invalid_phone',
    message: `The phone number "${input.phone}" is not a valid mobile number for this SMS provider.`,
    correlationId: input.correlationId,
  };
}

/** Parses a JSON body, or undefined when it is not JSON (a proxy's HTML error page, an empty body). */
export function parseJsonBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
