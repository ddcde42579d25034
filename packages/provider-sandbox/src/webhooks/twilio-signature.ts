import { createHmac } from 'node:crypto';

/** providers.md §5.3: Base64(HMAC-SHA1(authToken, url + Σ sorted(name + value))). */
export function twilioSignature(input: {
  authToken: string;
  url: string;
  params: Record<string, string>;
}): string {
  const data = Object.keys(input.params)
    .sort()
    .reduce((joined, name) => joined + name + input.params[name], input.url);
  return createHmac('sha1', input.authToken).update(data, 'utf8').digest('base64');
}
