import { createHmac, timingSafeEqual } from 'node:crypto';

export type TwilioParams = URLSearchParams | Record<string, string | readonly string[] | undefined>;

/**
 * Twilio's `X-Twilio-Signature` (providers.md §5.3): Base64(HMAC-SHA1(authToken, url + every parameter's name and
 * value, sorted by name)). `url` is the full URL Twilio called, query string included, exactly as configured.
 * The comparison takes the same time whatever the header holds.
 */
export function verifyTwilioSignature(input: {
  url: string;
  params: TwilioParams;
  header: string | undefined;
  authToken: string;
}): boolean {
  if (!input.header) return false;
  const expected = Buffer.from(twilioSignature(input), 'utf8');
  const given = Buffer.from(input.header, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function twilioSignature(input: { url: string; params: TwilioParams; authToken: string }): string {
  const pairs = paramPairs(input.params).sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  const data = input.url + pairs.map(([name, value]) => name + value).join('');
  return createHmac('sha1', input.authToken).update(data, 'utf8').digest('base64');
}

function paramPairs(params: TwilioParams): Array<[string, string]> {
  if (params instanceof URLSearchParams) return [...params.entries()];
  return Object.entries(params).flatMap(([name, value]) =>
    value === undefined
      ? []
      : typeof value === 'string'
        ? [[name, value] as [string, string]]
        : value.map((v) => [name, v] as [string, string]),
  );
}

/** Code-unit order, as Twilio's own helpers sort (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
