import { nextVietnamHour, nextVietnamMidnight, nextVietnamMonth } from '../shared/vietnam-time';
import type { SendFailure } from './send-outcome';

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

/** A provider's table: its code (as the provider writes it) → how Loa handles it. */
export type ErrorTable = Readonly<Record<string, ErrorEntry>>;

export const retryable = (message: string, retryAfterMs?: number): ErrorEntry => ({
  rule: { class: 'retryable', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  message,
});

export const permanent = (
  scope: 'message' | 'recipient' | 'account',
  message: string,
  options: { fallbackSuggested?: boolean } = {},
): ErrorEntry => ({
  rule: { class: 'permanent', scope, ...(options.fallbackSuggested ? { fallbackSuggested: true } : {}) },
  message,
});

export function failureFromRule({
  entry,
  code,
  providerMessage,
  correlationId,
  now,
  retryAfterMs,
}: {
  entry: ErrorEntry;
  code: string;
  providerMessage?: string;
  correlationId: string;
  now: number;
  /** What the provider said about when to retry (a Retry-After header); wins over the rule's own delay. */
  retryAfterMs?: number;
}): SendFailure {
  const base = {
    status: 'failed' as const,
    code,
    message: entry.message,
    ...(providerMessage === undefined ? {} : { providerMessage }),
    correlationId,
  };
  const { rule } = entry;
  switch (rule.class) {
    case 'retryable': {
      const delay = retryAfterMs ?? rule.retryAfterMs;
      return { ...base, class: 'retryable', ...(delay === undefined ? {} : { retryAfterMs: delay }) };
    }
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

/** A code missing from the table: permanent, with the raw code and the provider's wording kept for support. */
export function unknownCodeEntry(channel: string, code: number | string): ErrorEntry {
  return permanent(
    'message',
    `${channel} answered with error ${code}, which Loa does not know; the message was not sent.`,
  );
}
