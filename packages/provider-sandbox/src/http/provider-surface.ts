export type Surface = 'zalo_oauth' | 'zns' | 'zalo_oa' | 'esms' | 'speedsms' | 'twilio' | 'inbox' | 'control';

const PREFIXES: [string, Surface][] = [
  ['/zalo-oauth/', 'zalo_oauth'],
  ['/zns/', 'zns'],
  ['/zalo-oa/', 'zalo_oa'],
  ['/esms/', 'esms'],
  ['/speedsms/', 'speedsms'],
  ['/twilio/', 'twilio'],
  ['/inbox/', 'inbox'],
  ['/control/', 'control'],
];

/** Which provider a request path belongs to, by its prefix. */
export function surfaceOf(url: string): Surface | undefined {
  return PREFIXES.find(([prefix]) => url.startsWith(prefix))?.[1];
}
