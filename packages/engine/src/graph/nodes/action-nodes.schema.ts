import { z } from 'zod';
import { fieldPathSchema, labelSchema, liquidTextSchema, scalarSchema } from '../common.schema';
import { EXIT_REASONS } from '../../journey/journey-vocabulary';
import { MAX_HTTP_TIMEOUT_SECONDS } from './http-limits';

export const contactUpdateSchema = z
  .object({
    label: labelSchema,
    /** Attribute -> value; strings may use Liquid. */
    set: z.record(fieldPathSchema, scalarSchema).default({}),
    addTags: z.array(z.string().min(1).max(100)).max(50).default([]),
    removeTags: z.array(z.string().min(1).max(100)).max(50).default([]),
    scoreDelta: z.number().int().min(-100_000).max(100_000).default(0),
    doNotContact: z.enum(['add', 'remove']).optional(),
  })
  .refine(
    (update) =>
      Object.keys(update.set).length > 0 ||
      update.addTags.length > 0 ||
      update.removeTags.length > 0 ||
      update.scoreDelta !== 0 ||
      update.doNotContact !== undefined,
    { message: 'change at least one thing: an attribute, a tag, the score or do-not-contact' },
  );

const headerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), name: z.string().min(1).max(100), value: liquidTextSchema.max(4000) }),
  /** The value comes from the workspace's secret store at run time and never appears in plans or logs. */
  z.object({
    kind: z.literal('secret'),
    name: z.string().min(1).max(100),
    secretRef: z.string().min(1).max(100),
  }),
]);

export const httpRequestSchema = z.object({
  label: labelSchema,
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: liquidTextSchema
    .min(1)
    .max(2000)
    .regex(/^https?:\/\//, 'must start with http:// or https://'),
  headers: z.array(headerSchema).max(30).default([]),
  body: liquidTextSchema.max(100_000).optional(),
  timeoutSeconds: z.number().int().min(1).max(MAX_HTTP_TIMEOUT_SECONDS).default(10),
  /** Contact attribute <- dotted path into the JSON response. */
  responseMapping: z.record(fieldPathSchema, fieldPathSchema).default({}),
});

export const exitSchema = z.object({
  label: labelSchema,
  reason: z.string().min(1).max(100).default(EXIT_REASONS.completed),
});
