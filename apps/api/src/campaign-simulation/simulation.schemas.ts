import { z } from 'zod';

const MAX_REAL_CONTACTS = 200;

/** A contact of the workspace, loaded as it is now (attributes, tags, identities, consents, segments). */
export const realContactRefSchema = z.object({
  contactId: z.uuid(),
  entryEvent: z
    .object({
      name: z.string().min(1),
      properties: z.record(z.string(), z.unknown()).optional(),
      occurredAt: z.string().optional(),
    })
    .optional()
    .describe('The event that enrols the contact (event-triggered campaigns)'),
});

export const simulateBodySchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Simulate this published version instead of the draft'),
    contacts: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .max(10_000)
      .describe(
        `Each item either names a real contact ({contactId, entryEvent?}; at most ${MAX_REAL_CONTACTS}) or is a ` +
          'typed sample contact as the simulator takes it ({id, attributes, tags, phone, email, zaloUserId, ' +
          'doNotContact, consents, segments, entryEvent})',
      ),
    events: z.array(z.unknown()).optional().describe('Scripted events: {contactId, name, properties, at}'),
    outcomes: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Provider outcomes per node id: success, failure, {failure: "zns:-118"}, or per contact'),
    prices: z
      .record(z.string(), z.number())
      .optional()
      .describe('VND per ZNS, SMS segment, email, OA message'),
    startAt: z.string().optional().describe('Where the virtual clock starts (ISO); now when absent'),
    until: z.string().optional().describe('Where the clock stops (ISO or an offset such as +30d)'),
  })
  .refine((body) => body.contacts.filter((item) => 'contactId' in item).length <= MAX_REAL_CONTACTS, {
    path: ['contacts'],
    message: `names at most ${MAX_REAL_CONTACTS} real contacts`,
  });
export type SimulateBody = z.infer<typeof simulateBodySchema>;

export const simulationResultSchema = z
  .object({
    ok: z.literal(true),
    diagnostics: z.array(z.record(z.string(), z.unknown())),
    planHash: z.string().optional(),
    startAt: z.string().optional(),
    contacts: z.array(z.record(z.string(), z.unknown())),
    nodeCounts: z.record(z.string(), z.record(z.string(), z.unknown())),
    totals: z.record(z.string(), z.unknown()),
  })
  .meta({
    description:
      'The simulator’s answer: per contact its path, rendered messages and costs; counts per node and totals. ' +
      'Nothing is sent.',
  });
