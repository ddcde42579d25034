import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../../contacts/attributes/attribute-definition';

export const mappingTargetsQuerySchema = z.object({
  eventName: z.string().min(1).max(200).optional().describe('Only the properties of this event'),
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(30)
    .describe('How many days back to look for event properties (at most 90)'),
});

const target = {
  path: z.string().describe('What a Liquid text reads, e.g. contact.city or event.orderId'),
  liquid: z.string().describe('The placeholder to put in a template param, e.g. {{ contact.city }}'),
  label: z.string(),
};

export const mappingTargetsSchema = z.object({
  contact: z
    .array(z.object({ ...target, key: z.string(), type: z.enum(['string', 'number', 'tags']) }))
    .describe('Fields every contact has'),
  attributes: z
    .array(
      z.object({
        ...target,
        key: z.string(),
        type: z.enum(ATTRIBUTE_TYPES),
        enumValues: z.array(z.string()).nullable(),
      }),
    )
    .describe("The workspace's contact attribute definitions"),
  events: z
    .array(
      z.object({
        name: z.string(),
        lastSeenAt: z.string(),
        properties: z.array(
          z.object({
            ...target,
            key: z.string(),
            types: z
              .array(z.string())
              .describe('JSON types seen: string, number, boolean, object, array, null'),
            seen: z.number().int().describe('How many of the sampled events carried it'),
          }),
        ),
      }),
    )
    .describe('Properties of track events received recently, per event name (newest first; bounded samples)'),
  campaign: z
    .array(z.object({ ...target, key: z.string() }))
    .describe('The campaign the message is sent from'),
});
