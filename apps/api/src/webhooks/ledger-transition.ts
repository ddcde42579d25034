import type { DeliveryUpdate } from './receipt-action';

/** The part of a ledger row (`messages`) a receipt can change. */
export interface LedgerState {
  status: string;
  sentAt: Date | null;
  deliveredAt: Date | null;
  seenAt: Date | null;
  failedAt: Date | null;
  errorCode: string | null;
}

const RECEIVABLE = new Set(['sending', 'sent', 'unknown', 'failed', 'delivered', 'seen']);

function earliest(current: Date | null, at: Date): Date {
  return current === null || at < current ? at : current;
}

/**
 * The row after a receipt, or null when the receipt changes nothing. Status only moves forward,
 * sending < sent < delivered < seen, whatever order receipts arrive in:
 * - delivered and seen move the row up (a late `delivered` after `seen` only fills in `deliveredAt`); seen implies
 *   delivered, so it also sets `deliveredAt` when none is known yet (the real delivery time replaces it later if
 *   earlier);
 * - a delivery or seen receipt beats a failure: the message reached the phone, whatever said otherwise first;
 * - failed applies only to a row not yet delivered (sending, sent, unknown); after delivered or seen it is ignored;
 * - rows a guard stopped (blocked, deferred) never went out, so receipts do not touch them.
 * Times keep the earliest report, so a repeated receipt is a no-op.
 */
export function applyDeliveryUpdate(
  row: LedgerState,
  update: Pick<DeliveryUpdate, 'status' | 'at' | 'errorCode'>,
): LedgerState | null {
  if (!RECEIVABLE.has(row.status)) return null;
  const next: LedgerState = { ...row };
  switch (update.status) {
    case 'delivered':
      next.deliveredAt = earliest(row.deliveredAt, update.at);
      if (row.status !== 'seen') next.status = 'delivered';
      break;
    case 'seen':
      next.seenAt = earliest(row.seenAt, update.at);
      next.deliveredAt = earliest(row.deliveredAt, update.at);
      next.status = 'seen';
      break;
    case 'failed':
      if (row.status === 'delivered' || row.status === 'seen') return null;
      next.status = 'failed';
      next.failedAt = earliest(row.failedAt, update.at);
      next.errorCode = update.errorCode ?? row.errorCode;
      break;
  }
  // Any receipt shows the provider accepted the message, even when a crash left the row `sending`.
  if (next.sentAt === null) next.sentAt = update.at;
  return sameState(row, next) ? null : next;
}

/** Whether the row has just become billable: the message reached the phone for the first time. */
export function justDelivered(before: LedgerState, after: LedgerState): boolean {
  const reached = (state: LedgerState) => state.status === 'delivered' || state.status === 'seen';
  return reached(after) && !reached(before);
}

function sameState(a: LedgerState, b: LedgerState): boolean {
  const time = (value: Date | null) => value?.getTime() ?? null;
  return (
    a.status === b.status &&
    time(a.sentAt) === time(b.sentAt) &&
    time(a.deliveredAt) === time(b.deliveredAt) &&
    time(a.seenAt) === time(b.seenAt) &&
    time(a.failedAt) === time(b.failedAt) &&
    a.errorCode === b.errorCode
  );
}
