import { z } from 'zod';

export const MAX_ENROLL_PER_REQUEST = 1000;
export const MAX_CSV_ROWS = 10_000;

const identitySchema = z.union([
  z.strictObject({ phone: z.string().min(1).max(40) }),
  z.strictObject({ email: z.string().min(1).max(254) }),
  z.strictObject({ externalId: z.string().min(1).max(200) }),
]);

export const enrollBodySchema = z
  .strictObject({
    contactIds: z.array(z.uuid()).max(MAX_ENROLL_PER_REQUEST).default([]),
    contacts: z
      .array(identitySchema)
      .max(MAX_ENROLL_PER_REQUEST)
      .default([])
      .meta({ description: 'Contacts by one identity each: {"phone"}, {"email"} or {"externalId"}' }),
  })
  .refine((body) => body.contactIds.length + body.contacts.length > 0, {
    message: 'name at least one contact in contactIds or contacts',
    path: ['contactIds'],
  })
  .refine((body) => body.contactIds.length + body.contacts.length <= MAX_ENROLL_PER_REQUEST, {
    message: `at most ${MAX_ENROLL_PER_REQUEST} contacts per request`,
    path: ['contacts'],
  });

export const enrollCsvBodySchema = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .meta({
      description: `CSV text with a header row and one identity column: phone, email, externalId or contactId (≤ ${MAX_CSV_ROWS} rows)`,
    }),
});

const referenceSchema = z.union([
  z.object({ contactId: z.string() }),
  z.object({ phone: z.string() }),
  z.object({ email: z.string() }),
  z.object({ externalId: z.string() }),
]);

export const enrollResultSchema = z.object({
  started: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      ref: referenceSchema,
      contactId: z.string().nullable(),
      status: z.enum(['started', 'skipped']),
      reason: z
        .enum(['already_enrolled', 'enrollment_limit_reached', 'contact_not_found', 'duplicate'])
        .optional(),
      workflowId: z.string().optional(),
    }),
  ),
});

export type EnrollResult = z.infer<typeof enrollResultSchema>;
