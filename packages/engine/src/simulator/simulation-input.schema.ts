import { z } from 'zod';
import { consentStateSchema, contactChannelSchema } from '../graph/nodes/branch-nodes.schema';
import { isIsoTime, isTimeSpec } from './virtual-time';

const timeSpecSchema = z
  .string()
  .refine(isTimeSpec, { message: 'must be an ISO date-time or an offset such as +2d3h' });

const propertiesSchema = z.record(z.string(), z.unknown());

export const sampleContactSchema = z.object({
  id: z.string().min(1),
  attributes: propertiesSchema.default({}),
  tags: z.array(z.string()).default([]),
  phone: z.string().optional(),
  email: z.string().optional(),
  zaloUserId: z.string().optional(),
  /** On the do-not-contact list: every send is blocked. */
  doNotContact: z.boolean().default(false),
  /** Consent per channel for consent and reachable rules; a channel not listed is `unknown`. */
  consents: z.partialRecord(contactChannelSchema, consentStateSchema).default({}),
  /** Ids of the segments the contact belongs to, for segment rules. */
  segments: z.array(z.string().min(1)).default([]),
  /** The event that enrolls the contact (trigger.event); occurredAt is ISO or an offset from startAt. */
  entryEvent: z
    .object({
      name: z.string().min(1),
      properties: propertiesSchema.default({}),
      occurredAt: timeSpecSchema.optional(),
    })
    .optional(),
});
export type SampleContact = z.output<typeof sampleContactSchema>;
export type SampleContactInput = z.input<typeof sampleContactSchema>;

/** An event the contact produces during the simulation; `at` is ISO or an offset from the contact's entry. */
export const scriptedEventSchema = z.object({
  contactId: z.string().min(1),
  name: z.string().min(1),
  properties: propertiesSchema.default({}),
  at: timeSpecSchema,
});
export type ScriptedEvent = z.output<typeof scriptedEventSchema>;
export type ScriptedEventInput = z.input<typeof scriptedEventSchema>;

/**
 * What the provider (or the webhook) answers: success (sent and delivered unless receipts say otherwise), failure,
 * or failure with the provider's error code, e.g. { failure: "zns:-118" } for a phone without Zalo.
 */
export const scriptedOutcomeSchema = z.union([
  z.enum(['success', 'failure']),
  z.object({ failure: z.string().min(1) }).strict(),
  z
    .object({
      success: z.literal(true),
      receipts: z.array(z.enum(['delivered', 'seen'])).default(['delivered']),
    })
    .strict(),
]);
export type ScriptedOutcome = z.output<typeof scriptedOutcomeSchema>;

/** Per node id: one outcome for everyone, or outcomes per contact id with an optional default. */
export const nodeOutcomeScriptSchema = z.union([
  scriptedOutcomeSchema,
  z
    .object({
      default: scriptedOutcomeSchema.optional(),
      contacts: z.record(z.string(), scriptedOutcomeSchema),
    })
    .strict(),
]);
export type NodeOutcomeScript = z.output<typeof nodeOutcomeScriptSchema>;

/** VND per delivered ZNS, per SMS segment, per email and per OA message. */
export const priceTableSchema = z.object({
  zns: z.number().min(0).default(300),
  sms: z.number().min(0).default(520),
  email: z.number().min(0).default(0),
  oa: z.number().min(0).default(0),
});
export type PriceTable = z.output<typeof priceTableSchema>;

export const simulationOptionsSchema = z.object({
  contacts: z.array(sampleContactSchema).max(10_000),
  events: z.array(scriptedEventSchema).max(100_000).default([]),
  outcomes: z.record(z.string(), nodeOutcomeScriptSchema).default({}),
  prices: priceTableSchema.default(priceTableSchema.parse({})),
  /** Where the virtual clock starts (ISO); now when absent. */
  startAt: z.string().refine(isIsoTime, { message: 'must be an ISO date-time' }).optional(),
  /** Stop the clock here (ISO, or an offset from startAt such as +30d); contacts still in a wait are "waiting". */
  until: timeSpecSchema.optional(),
});
export type SimulationOptions = z.output<typeof simulationOptionsSchema>;
