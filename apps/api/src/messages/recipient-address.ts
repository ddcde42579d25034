import { normalizeVietnamesePhone } from '@loa/connectors';
import type { MessageChannel } from '../channels/channel-kinds';

/**
 * An address as the ledger records it, normalised the way contacts store theirs (84… phones, lower-case e-mail), so
 * that a frequency cap finds every message to one phone number or address however the caller wrote it.
 */
export function ledgerAddress(channel: MessageChannel, to: string | undefined): string | undefined {
  if (to === undefined) return undefined;
  const address = to.trim();
  if (channel === 'email') return address.toLowerCase();
  if (channel === 'sms' || channel === 'zns') {
    const phone = normalizeVietnamesePhone(address);
    return phone.ok ? phone.phone : address;
  }
  return address;
}
