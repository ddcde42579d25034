/** Query parameters that carry credentials in some provider's API; their values never reach the logs. */
const SECRET_PARAMS = new Set([
  'access_token',
  'refresh_token',
  'secret_key',
  'code',
  'code_verifier',
  'apikey',
  'secretkey',
  'password',
  'token',
]);

/** The URL with secret query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const name of [...params.keys()]) {
    if (SECRET_PARAMS.has(name.toLowerCase())) params.set(name, '[redacted]');
  }
  return `${url.slice(0, query)}?${params.toString()}`;
}
