import type { SmtpAccount } from './smtp.config';

/**
 * RFC 8058 one-click unsubscribe (providers.md §7): `List-Unsubscribe: <https://…>, <mailto:…>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The HTTPS URI identifies recipient and list through the
 * caller's opaque token; the mailbox provider POSTs `List-Unsubscribe=One-Click` to it.
 */
export function unsubscribeHeaders(input: {
  unsubscribe: SmtpAccount['unsubscribe'];
  token: string;
}): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  const token = encodeURIComponent(input.token);
  const uris = [`<${input.unsubscribe.urlTemplate.split('{token}').join(token)}>`];
  if (input.unsubscribe.mailto) {
    uris.push(
      `<mailto:${input.unsubscribe.mailto}?subject=${encodeURIComponent(`unsubscribe ${input.token}`)}>`,
    );
  }
  return {
    'List-Unsubscribe': uris.join(', '),
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
