import type { ZaloOAuthFailure, ZaloTokenCallFailure } from '@loa/connectors';

/** One line for an admin saying why a Zalo call gave no answer (never a token or secret). */
export function describeZaloFailure(
  failure: ZaloTokenCallFailure | ZaloOAuthFailure | { ok: false; message: string },
): string {
  if ('message' in failure) return failure.message;
  switch (failure.kind) {
    case 'provider':
      return `Zalo answered error ${failure.code}${failure.providerMessage ? `: ${failure.providerMessage}` : ''}`;
    case 'http':
      return `Zalo answered HTTP ${failure.status}`;
    case 'network':
      return `Zalo could not be reached (${failure.code})`;
    case 'invalid_response':
      return `Zalo answered something unexpected (${failure.detail})`;
  }
}
