import type { NodeConfig } from '../graph/node-catalogue';
import type { RenderError } from './render-message';

type OaMessage = NodeConfig<'send.oa'>['message'];

/**
 * Zalo's length rules on a rendered OA message (providers.md §3.3, counted on NFC text), which the worker's OA
 * connector checks before sending: a text that renders empty or too long fails the send there, so it fails here.
 */
export function oaContentErrors(message: OaMessage): RenderError[] {
  switch (message.type) {
    case 'text':
      return lengthErrors([['message.text', message.text, 2000]]);
    case 'image':
      return [];
    case 'request_user_info':
      return lengthErrors([
        ['message.title', message.title, 100],
        ['message.subtitle', message.subtitle, 500],
      ]);
    case 'transaction':
      return lengthErrors([
        ['message.header', message.header, 100],
        ...(message.text ? [['message.text', message.text, 250] as const] : []),
        ...message.table.map((row, index) => [`message.table[${index}].value`, row.value, 100] as const),
      ]);
  }
}

function lengthErrors(fields: ReadonlyArray<readonly [string, string, number]>): RenderError[] {
  return fields.flatMap(([field, text, max]) => {
    const length = [...text.normalize('NFC')].length;
    if (length === 0) return [{ field, message: 'renders empty: Zalo refuses an empty value' }];
    if (length > max)
      return [{ field, message: `renders ${length} characters: Zalo accepts at most ${max}` }];
    return [];
  });
}
