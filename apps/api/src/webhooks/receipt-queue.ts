/** The Bull queue whose jobs apply stored webhook receipts. */
export const WEBHOOK_RECEIPTS_QUEUE = 'webhook-receipts';

/** Receipts to apply, by id; applying skips those already applied. */
export interface ReceiptJob {
  receiptIds: string[];
}
