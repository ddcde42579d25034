import type { NodeConfig } from '../graph/node-catalogue';
import type { SendMessage } from '../plan/plan.types';
import { renderLiquid } from '../personalisation/render-liquid';
import { oaContentErrors } from './oa-content-limits';

type OaMessage = NodeConfig<'send.oa'>['message'];

/** A message as the contact would receive it: every Liquid text rendered. */
export type RenderedMessage = SendMessage;

export interface RenderError {
  field: string;
  message: string;
}

export interface MessageRendering {
  rendered: RenderedMessage;
  errors: RenderError[];
}

/**
 * Renders every Liquid text of a message; a text that fails keeps its template and adds an error, and so does an
 * OA text outside Zalo's lengths (the connector refuses it).
 */
export function renderMessage(message: SendMessage, scope: object, timezone: string): MessageRendering {
  const errors: RenderError[] = [];
  const render = (field: string, text: string): string => {
    const result = renderLiquid(text, scope, { timezone });
    if (result.ok) return result.text;
    errors.push({ field, message: result.error });
    return text;
  };
  const rendered = renderWith(message, render);
  if (rendered.channel === 'oa') errors.push(...oaContentErrors(rendered.message));
  return { rendered, errors };
}

type Render = (field: string, text: string) => string;

function renderWith(message: SendMessage, render: Render): RenderedMessage {
  switch (message.channel) {
    case 'zns':
      return {
        ...message,
        params: Object.fromEntries(
          Object.entries(message.params).map(([name, text]) => [name, render(`params.${name}`, text)]),
        ),
      };
    case 'sms':
      return { ...message, text: render('text', message.text) };
    case 'email':
      return {
        ...message,
        subject: render('subject', message.subject),
        text: render('text', message.text),
        html: render('html', message.html),
      };
    case 'oa':
      return { ...message, message: renderOaMessage(message.message, render) };
  }
}

function renderOaMessage(message: OaMessage, render: Render): OaMessage {
  switch (message.type) {
    case 'text':
      return { ...message, text: render('message.text', message.text) };
    case 'image':
      return message.text === undefined
        ? message
        : { ...message, text: render('message.text', message.text) };
    case 'request_user_info':
      return {
        ...message,
        title: render('message.title', message.title),
        subtitle: render('message.subtitle', message.subtitle),
      };
    case 'transaction':
      return {
        ...message,
        header: render('message.header', message.header),
        ...(message.text !== undefined && { text: render('message.text', message.text) }),
        table: message.table.map((row, index) => ({
          ...row,
          value: render(`message.table[${index}].value`, row.value),
        })),
      };
  }
}
