/** The Bull queue whose jobs apply stored webhook receipts. */
export const WEBHOOK_RECEIPTS_QUEUE = 'webhook-receipts';

export interface ReceiptJob {
  receiptId: string;
}
