/** What one send attempt came to, as a value: connectors never throw for an expected provider answer. */
export type SendOutcome = SendSuccess | SendFailure;

export interface SendSuccess {
  status: 'sent';
  /**
   * The provider's own id for the message (ZNS `msg_id`, eSMS `SMSID`, Twilio `sid`, SMTP Message-ID). Absent when
   * the provider said it accepted the message but its id could not be read: the send is still a success.
   */
  providerMessageId?: string;
  /** The id Loa gave the provider, derived from the idempotency key (ZNS tracking_id, eSMS RequestId, ...). */
  correlationId: string;
  /** Sends left today on this account, when the provider says. */
  quotaRemaining?: number;
  /** What the message costs in VND, when the provider or the template says. */
  costVnd?: number;
  /** What the message costs in another currency (Twilio answers in USD), when the provider says. */
  cost?: { amount: number; currency: string };
  /** SMS parts billed: the provider's count when it gives one, else Loa's GSM-7/UCS-2 count. */
  segments?: number;
  /**
   * The provider recognised the correlation id from an earlier attempt that it had accepted (eSMS 124) and sent
   * nothing this time. `providerMessageId` is then the correlation id, because the provider does not repeat its own.
   */
  deduplicated?: true;
  /** When the provider accepted the message (ISO 8601). */
  acceptedAt: string;
}

export type FailureClass =
  'retryable' | 'token_expired' | 'quota_exhausted' | 'outside_window' | 'outcome_unknown' | 'permanent';

interface FailureBase {
  status: 'failed';
  /** The provider's code as a string (`-118`, `103`, `21211`, `ECONNREFUSED`, `http_503`, or Loa's own `loa_*`). */
  code: string;
  /** A sentence a marketer understands. */
  message: string;
  /** The provider's own wording, for logs and support. */
  providerMessage?: string;
  correlationId: string;
}

export type SendFailure =
  | (FailureBase & { class: 'retryable'; retryAfterMs?: number })
  | (FailureBase & { class: 'token_expired' })
  | (FailureBase & { class: 'quota_exhausted'; resetsAt: string })
  | (FailureBase & { class: 'outside_window'; opensAt: string })
  /**
   * The provider answered, but not in a way that says whether it accepted the message (a 200 whose body is not the
   * provider's envelope), or no answer came to a request that may have reached it (the connection was reset or closed
   * after the request was written, the answer timed out). The message may have gone out, and the provider cannot
   * recognise a resend, so this is not retryable: the sender resolves it like a send interrupted by a crash (by the
   * message's purpose), never by sending blindly again.
   */
  | (FailureBase & { class: 'outcome_unknown' })
  | (FailureBase & {
      class: 'permanent';
      /**
       * What is wrong: this message (bad param, template not approved), this recipient (not on Zalo, opted out,
       * invalid phone) or the account (bad credentials, no balance, missing permission: every send will fail).
       */
      scope: 'message' | 'recipient' | 'account';
      /** The recipient cannot be reached on this channel; another channel (SMS after ZNS -118) may work. */
      fallbackSuggested?: boolean;
    });

export function isSent(outcome: SendOutcome): outcome is SendSuccess {
  return outcome.status === 'sent';
}
