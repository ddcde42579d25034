import { renderTemplateFields, type TemplateNote } from './render-template-fields';

export interface EmailTemplateContent {
  subject: string;
  preheader?: string | null;
  html: string;
  text: string;
}

export interface RenderedEmail {
  subject: string;
  preheader: string | null;
  /** The HTML body with the preheader placed as the hidden first text mail clients show beside the subject. */
  html: string;
  text: string;
  errors: TemplateNote[];
  warnings: TemplateNote[];
}

/** An e-mail template rendered for one contact and event: what the preview shows and what a send delivers. */
export function renderEmailTemplate(
  content: EmailTemplateContent,
  scope: object,
  timezone: string,
): RenderedEmail {
  const { values, errors, warnings } = renderTemplateFields(
    {
      subject: content.subject,
      preheader: content.preheader ?? '',
      html: content.html,
      text: content.text,
    },
    scope,
    timezone,
    ['html'],
  );
  const preheader = content.preheader == null ? null : values.preheader;
  return {
    subject: values.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    preheader,
    html: preheader ? withPreheader(values.html, preheader) : values.html,
    text: values.text,
    errors,
    warnings,
  };
}

/**
 * Puts the preheader first in the body, hidden from the reader, which is where mail clients take their preview
 * text from: right after `<body …>` when there is one, else at the very start.
 */
export function withPreheader(html: string, preheader: string): string {
  const hidden =
    '<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;">' +
    `${escapeHtml(preheader)}</div>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return hidden + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + hidden + html.slice(at);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
