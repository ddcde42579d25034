import { z } from 'zod';
import { idSchema, labelSchema, liquidTextSchema } from '../common.schema';

const accountIdSchema = idSchema;

export const znsSendSchema = z.object({
  label: labelSchema,
  accountId: accountIdSchema,
  templateId: z.string().regex(/^\d{1,20}$/, 'must be the numeric template id Zalo issued'),
  /** Template param name -> Liquid expression, e.g. { customer_name: "{{ contact.name }}" }. */
  params: z.record(z.string().min(1).max(100), liquidTextSchema.max(1000)),
  /** development: delivered only to the OA's admins (for testing a template). */
  mode: z.enum(['normal', 'development']).default('normal'),
  /** Template tag 3 (promotion) counts as advertising; tags 1 and 2 as transactional / care. */
  purpose: z.enum(['transactional', 'care', 'otp', 'advertising']).default('care'),
});

const oaTextSchema = z.object({ type: z.literal('text'), text: liquidTextSchema.min(1).max(2000) });
const oaImageSchema = z.object({
  type: z.literal('image'),
  imageUrl: z.url({ message: 'must be an http(s) URL' }),
  text: liquidTextSchema.max(2000).optional(),
});
const oaRequestUserInfoSchema = z.object({
  type: z.literal('request_user_info'),
  title: liquidTextSchema.min(1).max(100),
  subtitle: liquidTextSchema.min(1).max(500),
  imageUrl: z.url({ message: 'must be an http(s) URL' }),
});
const oaButtonSchema = z.object({
  title: z.string().min(1).max(35),
  url: z.url({ message: 'must be an http(s) URL' }),
});
const oaTransactionSchema = z.object({
  type: z.literal('transaction'),
  templateType: z.enum([
    'transaction_billing',
    'transaction_order',
    'transaction_reward',
    'transaction_contract',
    'transaction_booking',
    'transaction_membership',
    'transaction_event',
    'transaction_transaction',
    'transaction_account',
    'transaction_internal',
    'transaction_partnership',
    'transaction_education',
    'transaction_rating',
  ]),
  language: z.enum(['VI', 'EN']).default('VI'),
  header: liquidTextSchema.min(1).max(100),
  text: liquidTextSchema.max(250).optional(),
  table: z
    .array(z.object({ key: z.string().min(1).max(35), value: liquidTextSchema.min(1).max(100) }))
    .min(1)
    .max(8),
  buttons: z.array(oaButtonSchema).max(4).default([]),
});

export const oaMessageSchema = z.discriminatedUnion('type', [
  oaTextSchema,
  oaImageSchema,
  oaRequestUserInfoSchema,
  oaTransactionSchema,
]);

export const oaSendSchema = z.object({
  label: labelSchema,
  accountId: accountIdSchema,
  /** consultation: user interacted in the last 7 days; transaction: in the last year; promotion: followers. */
  kind: z.enum(['consultation', 'transaction', 'promotion']),
  message: oaMessageSchema,
});

export const smsSendSchema = z.object({
  label: labelSchema,
  accountId: accountIdSchema,
  /** Registered brand name (required by Decree 91 for advertising). */
  brandName: z.string().min(1).max(11, 'brand names are at most 11 characters'),
  text: liquidTextSchema.min(1).max(1600),
  purpose: z.enum(['care', 'otp', 'advertising']),
});

export const emailAddressSchema = z.email({ message: 'must be an email address' });

export const emailSendSchema = z.object({
  label: labelSchema,
  accountId: accountIdSchema,
  from: z.object({ email: emailAddressSchema, name: z.string().max(100).optional() }),
  replyTo: emailAddressSchema.optional(),
  subject: liquidTextSchema.min(1).max(300),
  html: liquidTextSchema.min(1).max(500_000),
  text: liquidTextSchema.min(1).max(100_000),
  purpose: z.enum(['transactional', 'advertising']),
});
