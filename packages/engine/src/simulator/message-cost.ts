import type { SendOutcome } from '../graph/nodes/branch-nodes.schema';
import type { Channel } from '../graph/settings.schema';
import type { PriceTable } from './simulation-input.schema';

/** Cost in VND: ZNS is billed only when delivered, SMS per segment once sent, email and OA per sent message. */
export function messageCostVnd(input: {
  channel: Channel;
  receipts: SendOutcome[];
  segments?: number;
  prices: PriceTable;
}): number {
  const { channel, receipts, prices } = input;
  if (!receipts.includes('sent')) return 0;
  switch (channel) {
    case 'zns':
      return receipts.includes('delivered') ? prices.zns : 0;
    case 'sms':
      return (input.segments ?? 1) * prices.sms;
    case 'email':
      return prices.email;
    case 'oa':
      return prices.oa;
  }
}
