import { renderForPreview, type SampleContact } from './preview-contacts';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

export type EmailField = keyof EmailContent;

/**
 * What keeps the preview from being what the contact receives: a text that does not render (a send of it fails),
 * or a variable this contact does not have (it renders as empty text).
 */
export interface EmailProblem {
  field: EmailField;
  kind: 'error' | 'missing';
  message: string;
}

export interface EmailPreviewRender {
  /** Each text as the contact receives it; empty when it does not render. */
  rendered: EmailContent;
  problems: EmailProblem[];
}

const FIELDS: EmailField[] = ['subject', 'html', 'text'];

/**
 * An e-mail step's texts rendered for a sample contact as a send renders them (the engine's personalisation,
 * lenient variables, the HTML body escaping what data inserts), each rendered once more with strict variables
 * to name the first placeholder that came out empty.
 */
export function renderEmailForPreview(content: EmailContent, contact: SampleContact): EmailPreviewRender {
  const rendered: EmailContent = { subject: '', html: '', text: '' };
  const problems: EmailProblem[] = [];
  for (const field of FIELDS) {
    const escapeHtml = field === 'html';
    const result = renderForPreview(content[field], contact, { escapeHtml });
    if (!result.ok) {
      problems.push({ field, kind: 'error', message: result.error });
      continue;
    }
    rendered[field] = result.text;
    const strict = renderForPreview(content[field], contact, { escapeHtml, strictVariables: true });
    if (!strict.ok) problems.push({ field, kind: 'missing', message: strict.error });
  }
  return { rendered, problems };
}
