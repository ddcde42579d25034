import { prepareSmsText, type SmsEncoding, type SmsPurpose } from '@loa/sms-text';
import { renderTemplateFields, type TemplateNote } from './render-template-fields';

export interface SmsTemplateContent {
  text: string;
  /** Advertising SMS carry the Decree 91 `[QC]` label (and the advertising rules of the send guards). */
  advertising: boolean;
}

export interface RenderedSms {
  /** The text as the gateway receives it: rendered, NFC, labelled `[QC]` when advertising. */
  text: string;
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  characters: number;
  segments: number;
  unicode: boolean;
  errors: TemplateNote[];
  warnings: TemplateNote[];
}

/** An SMS text rendered for one contact and event and prepared the way every gateway receives it. */
export function renderSmsTemplate(content: SmsTemplateContent, scope: object, timezone: string): RenderedSms {
  const { values, errors, warnings } = renderTemplateFields({ text: content.text }, scope, timezone);
  const prepared = prepareSmsText({ text: values.text, purpose: smsPurposeOf(content) });
  return {
    text: prepared.text,
    encoding: prepared.encoding,
    characters: prepared.characters,
    segments: prepared.segments,
    unicode: prepared.unicode,
    errors,
    warnings,
  };
}

export function smsPurposeOf(content: Pick<SmsTemplateContent, 'advertising'>): SmsPurpose {
  return content.advertising ? 'advertising' : 'care';
}
