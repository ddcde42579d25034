import { BlockList, isIP } from 'node:net';

/**
 * Address ranges an HTTP step must not reach unless configured: unspecified, loopback, private, shared (CGNAT),
 * link-local, benchmarking, multicast, reserved and broadcast (IPv4); unspecified, loopback, unique-local,
 * link-local, site-local and multicast (IPv6). IPv4 inside IPv6 (mapped, NAT64) is checked as IPv4.
 */
const PRIVATE_RANGES: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const privateRanges = new BlockList();
for (const [network, prefix, family] of PRIVATE_RANGES) privateRanges.addSubnet(network, prefix, family);

/** Whether `entry` is a host name, an IP address or a CIDR range (an LOA_HTTP_ALLOWED_HOSTS entry). */
export function isAllowListEntry(entry: string): boolean {
  try {
    new OutboundAddressPolicy([entry]);
    return true;
  } catch {
    return false;
  }
}

/** Which addresses HTTP steps may connect to: public ones, and private ones the configuration allows. */
export class OutboundAddressPolicy {
  private readonly allowedRanges = new BlockList();
  private readonly allowedHostNames = new Set<string>();

  /** `allowed`: host names, IP addresses and CIDR ranges (LOA_HTTP_ALLOWED_HOSTS); throws on a malformed entry. */
  constructor(allowed: readonly string[] = []) {
    for (const entry of allowed) this.allow(entry.trim().toLowerCase());
  }

  private allow(entry: string): void {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) {
      if (prefix !== undefined || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(entry))
        throw new Error(`not a host name, IP address or CIDR range: ${entry}`);
      this.allowedHostNames.add(entry);
      return;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128))
      throw new Error(`not a CIDR range: ${entry}`);
    this.allowedRanges.addSubnet(address as string, bits, type);
  }

  /** Whether a connection to `address` (an IP) reached through `hostName` is allowed. */
  permits(address: string, hostName?: string): boolean {
    if (hostName !== undefined && this.allowedHostNames.has(hostName.toLowerCase())) return true;
    const ip = comparableAddress(address);
    if (ip === undefined) return false;
    if (!privateRanges.check(ip.address, ip.type)) return true;
    return this.allowedRanges.check(ip.address, ip.type);
  }
}

/** The address as the range lists compare it: IPv4 embedded in IPv6 (mapped, NAT64) becomes IPv4. */
function comparableAddress(raw: string): { address: string; type: 'ipv4' | 'ipv6' } | undefined {
  const address = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return { address, type: 'ipv4' };
  if (family !== 6) return undefined;
  const embedded = embeddedIPv4(address);
  return embedded ? { address: embedded, type: 'ipv4' } : { address, type: 'ipv6' };
}

function embeddedIPv4(address: string): string | undefined {
  const groups = expandIPv6(address.toLowerCase());
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  const nat64 =
    groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  if (!mapped && !nat64) return undefined;
  const [high, low] = [groups[6] as number, groups[7] as number];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tail included). */
function expandIPv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = (dotted[1] as string).split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}
