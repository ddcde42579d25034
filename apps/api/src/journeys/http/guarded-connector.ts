import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import type { OutboundAddressPolicy } from './outbound-address-policy';

/** A connection the address policy refused: never retried, the step takes its failure handle. */
export class RefusedAddressError extends Error {
  constructor(hostName: string) {
    super(
      `refused: ${hostName} is a private, loopback, link-local or multicast address (LOA_HTTP_ALLOWED_HOSTS)`,
    );
    this.name = 'RefusedAddressError';
  }
}

/**
 * An undici connector that resolves the host itself, keeps only the addresses the policy permits, and connects to
 * one of those: what is checked is what is connected to, so DNS answers cannot change between check and use.
 */
export function guardedConnector(
  policy: OutboundAddressPolicy,
  options: { connectTimeoutMs: number },
): buildConnector.connector {
  const connect = buildConnector({ timeout: options.connectTimeoutMs });
  return (target, callback) => {
    const hostName = target.hostname.replace(/^\[|\]$/g, '');
    permittedAddress(policy, hostName).then(
      (address) => connect({ ...target, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
}

async function permittedAddress(policy: OutboundAddressPolicy, hostName: string): Promise<string> {
  const addresses = isIP(hostName)
    ? [hostName]
    : (await lookup(hostName, { all: true })).map((a) => a.address);
  const permitted = addresses.find((address) => policy.permits(address, hostName));
  if (permitted === undefined) throw new RefusedAddressError(hostName);
  return permitted;
}
