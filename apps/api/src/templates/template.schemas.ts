import { z } from 'zod';
import { smsCostEstimateSchema } from './sms-pricing/sms-pricing.schemas';

const name = z.string().trim().min(1, 'is required').max(100, 'is at most 100 characters');
const liquidText = (max: number) =>
  z
    .string()
    .max(max, `is at most ${max} characters`)
    .describe('Liquid: {{ contact.name }}, {{ event.orderId }}…');

export const templateIdParamsSchema = z.object({ id: z.uuid() });

const subjectText = liquidText(500);
const htmlText = liquidText(500_000);
const plainText = liquidText(200_000).describe('Plain-text body for clients without HTML (Liquid)');
const smsText = liquidText(2000);

const emailContent = {
  subject: subjectText.min(1, 'is required'),
  preheader: liquidText(500)
    .nullable()
    .optional()
    .describe('Preview text shown beside the subject by mail clients (Liquid)'),
  html: htmlText.min(1, 'is required'),
  text: plainText.min(1, 'is required'),
};

export const createEmailTemplateBodySchema = z.object({ name, ...emailContent });
export const updateEmailTemplateBodySchema = z
  .object({
    name: name.optional(),
    subject: emailContent.subject.optional(),
    preheader: emailContent.preheader,
    html: emailContent.html.optional(),
    text: emailContent.text.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name, subject, preheader, html or text is required',
  });

export const emailTemplateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  subject: z.string(),
  preheader: z.string().nullable(),
  html: z.string(),
  text: z.string(),
  version: z.number().int().describe('Grows by one with every change of content'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const emailTemplateListSchema = z.object({ items: z.array(emailTemplateSchema) });

const smsContent = {
  text: smsText.min(1, 'is required'),
  advertising: z
    .boolean()
    .describe('Advertising SMS get the Decree 91 [QC] label at the start and the advertising send rules'),
};

export const createSmsTemplateBodySchema = z.object({ name, ...smsContent });
export const updateSmsTemplateBodySchema = z
  .object({
    name: name.optional(),
    text: smsContent.text.optional(),
    advertising: smsContent.advertising.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'name, text or advertising is required' });

export const smsTemplateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  text: z.string(),
  advertising: z.boolean(),
  version: z.number().int().describe('Grows by one with every change of content'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const smsTemplateListSchema = z.object({ items: z.array(smsTemplateSchema) });

/** Whom and what to render a preview for. */
const previewSubject = {
  contactId: z.uuid().optional().describe('Render for this contact; without it every contact field is empty'),
  event: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Sample properties of the event that started the journey ({{ event.… }})'),
};
const smsPreviewAccount = {
  accountId: z.uuid().optional().describe('SMS account whose per-segment price gives the cost estimate'),
};

export const previewEmailTemplateBodySchema = z.object(previewSubject);
export const previewSmsTemplateBodySchema = z.object({ ...previewSubject, ...smsPreviewAccount });

export const previewEmailDraftBodySchema = z.object({
  ...previewSubject,
  subject: subjectText.default(''),
  preheader: emailContent.preheader,
  html: htmlText.default(''),
  text: plainText.default(''),
});
export const previewSmsDraftBodySchema = z.object({
  ...previewSubject,
  ...smsPreviewAccount,
  text: smsText.default(''),
  advertising: smsContent.advertising.default(false),
});

const noteSchema = z.object({ field: z.string(), message: z.string() });
const previewNotes = {
  contact: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  errors: z
    .array(noteSchema)
    .describe('Texts that failed to render for this contact (such a message is not sent)'),
  warnings: z.array(noteSchema).describe('Placeholders that rendered as empty text for this contact'),
};

export const emailPreviewSchema = z.object({
  subject: z.string(),
  preheader: z.string().nullable(),
  html: z.string().describe('With the preheader as the hidden first text of the body'),
  text: z.string(),
  ...previewNotes,
});

export const smsPreviewSchema = z.object({
  text: z
    .string()
    .describe('As the gateway receives it: rendered, NFC, with the [QC] label when advertising'),
  advertising: z.boolean(),
  encoding: z.enum(['GSM-7', 'UCS-2']).describe('One Vietnamese diacritic makes the whole message UCS-2'),
  characters: z.number().int().describe('Septets for GSM-7, UTF-16 code units for UCS-2'),
  segments: z.number().int(),
  unicode: z.boolean(),
  cost: smsCostEstimateSchema.nullable().describe('segments × the account price; null without accountId'),
  ...previewNotes,
});
