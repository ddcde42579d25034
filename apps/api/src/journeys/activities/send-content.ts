import { renderLiquid, type SendMessage } from '@loa/engine';
import type { MessageContent } from '../../messages/send-message.types';

/** A step's message with every Liquid text rendered for one contact, or why it cannot be sent. */
export type RenderedContent =
  { ok: true; content: MessageContent } | { ok: false; errorCode: string; errorMessage: string };

/**
 * The send service's content for a plan's message: texts rendered with the engine's personalisation (lenient
 * variables, as the simulator and template previews render them; e-mail HTML escapes what data inserts).
 */
export function renderContent(message: SendMessage, scope: object, timezone: string): RenderedContent {
  const errors: string[] = [];
  const render = (field: string, text: string, escapeHtml = false): string => {
    const result = renderLiquid(text, scope, { timezone, escapeHtml });
    if (result.ok) return result.text;
    errors.push(`${field}: ${result.error}`);
    return text;
  };
  const content = contentOf(message, render);
  if ('unsupported' in content)
    return { ok: false, errorCode: content.unsupported, errorMessage: content.message };
  if (errors.length > 0)
    return {
      ok: false,
      errorCode: 'loa_render_failed',
      errorMessage: `The message does not render: ${errors.join('; ')}`,
    };
  return { ok: true, content };
}

type Render = (field: string, text: string, escapeHtml?: boolean) => string;
type Unsupported = { unsupported: string; message: string };

function contentOf(message: SendMessage, render: Render): MessageContent | Unsupported {
  switch (message.channel) {
    case 'zns':
      // Development mode reaches only the OA's admins; sending it as a normal message would reach customers.
      if (message.mode === 'development')
        return {
          unsupported: 'loa_zns_development_mode_unsupported',
          message: 'ZNS development mode is not supported by the send service',
        };
      return {
        channel: 'zns',
        templateId: message.templateId,
        templateData: Object.fromEntries(
          Object.entries(message.params).map(([name, text]) => [name, render(`params.${name}`, text)]),
        ),
      };
    case 'sms':
      return { channel: 'sms', text: render('text', message.text) };
    case 'email':
      return {
        channel: 'email',
        subject: render('subject', message.subject),
        html: render('html', message.html, true),
        text: render('text', message.text),
      };
    case 'oa': {
      const oa = message.message;
      if (oa.type === 'text') return { channel: 'zalo_oa', text: render('message.text', oa.text) };
      if (oa.type === 'transaction')
        return {
          channel: 'zalo_oa',
          transaction: {
            templateType: oa.templateType,
            language: oa.language,
            header: render('message.header', oa.header),
            ...(oa.text !== undefined && { text: render('message.text', oa.text) }),
            table: oa.table.map((row, index) => ({
              key: row.key,
              value: render(`message.table.${index}.value`, row.value),
            })),
            buttons: oa.buttons.map(({ title, url }) => ({ title, url })),
          },
        };
      return {
        unsupported: 'loa_oa_message_unsupported',
        message: `OA ${oa.type} messages are not supported by the send service; only text and transaction`,
      };
    }
  }
}
