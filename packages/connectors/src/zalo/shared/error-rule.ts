import type { SendFailure } from '../../contract/send-outcome';
import { nextVietnamHour, nextVietnamMidnight, nextVietnamMonth } from './vietnam-time';

/** How a provider code is handled; resolved into a SendFailure at the time of the send. */
export type ErrorRule =
  | { class: 'retryable'; retryAfterMs?: number }
  | { class: 'token_expired' }
  | { class: 'quota_exhausted'; resets: 'vietnam_midnight' | 'vietnam_month' }
  | { class: 'outside_window'; opensAtVietnamHour: number }
  | { class: 'permanent'; scope: 'message' | 'recipient' | 'account'; fallbackSuggested?: boolean };

export interface ErrorEntry {
  rule: ErrorRule;
  /** A sentence a marketer understands. */
  message: string;
}

export function failureFromRule({
  entry,
  code,
  providerMessage,
  correlationId,
  now,
}: {
  entry: ErrorEntry;
  code: string;
  providerMessage?: string;
  correlationId: string;
  now: number;
}): SendFailure {
  const base = { status: 'failed' as const, code, message: entry.message, providerMessage, correlationId };
  const { rule } = entry;
  switch (rule.class) {
    case 'retryable':
      return {
        ...base,
        class: 'retryable',
        ...(rule.retryAfterMs ? { retryAfterMs: rule.retryAfterMs } : {}),
      };
    case 'token_expired':
      return { ...base, class: 'token_expired' };
    case 'quota_exhausted':
      return {
        ...base,
        class: 'quota_exhausted',
        resetsAt: rule.resets === 'vietnam_midnight' ? nextVietnamMidnight(now) : nextVietnamMonth(now),
      };
    case 'outside_window':
      return { ...base, class: 'outside_window', opensAt: nextVietnamHour(now, rule.opensAtVietnamHour) };
    case 'permanent':
      return {
        ...base,
        class: 'permanent',
        scope: rule.scope,
        ...(rule.fallbackSuggested ? { fallbackSuggested: true } : {}),
      };
  }
}

/** A code missing from the table: permanent, with the raw code and Zalo's wording kept for support. */
export function unknownCodeEntry(channel: string, code: number): ErrorEntry {
  return {
    rule: { class: 'permanent', scope: 'message' },
    message: `${channel} answered with error ${code}, which Loa does not know; the message was not sent.`,
  };
}
