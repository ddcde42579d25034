import { z } from 'zod';
import { requireStorableText } from '../http/unstorable-text';
import { isStorableInstant } from './event-timestamps';

const isoTime = z.iso
  .datetime({ offset: true })
  .refine((text) => isStorableInstant(new Date(text)), { message: 'must be between the years 1 and 9999' });
const jsonObject = z.record(z.string(), z.unknown());
const identifier = z.string().trim().min(1).max(200);

/** Fields every Segment call may carry; unknown fields (`channel`, `version`…) are accepted and kept. */
const commonFields = {
  messageId: z.string().min(1).max(100),
  userId: identifier.optional(),
  anonymousId: identifier.optional(),
  context: jsonObject.optional(),
  integrations: jsonObject.optional(),
  timestamp: isoTime.optional(),
  originalTimestamp: isoTime.optional(),
  sentAt: isoTime.optional(),
};

function requireIdentity(event: { userId?: string; anonymousId?: string }, context: z.RefinementCtx): void {
  if (event.userId === undefined && event.anonymousId === undefined) {
    context.addIssue({ code: 'custom', path: ['userId'], message: 'userId or anonymousId is required' });
  }
}

export const trackEventSchema = z
  .looseObject({
    ...commonFields,
    type: z.literal('track').optional(),
    event: z.string().trim().min(1).max(200),
    properties: jsonObject.optional(),
  })
  .superRefine(requireIdentity)
  .superRefine(requireStorableText);

export const identifyEventSchema = z
  .looseObject({
    ...commonFields,
    type: z.literal('identify').optional(),
    traits: jsonObject.optional(),
  })
  .superRefine(requireIdentity)
  .superRefine(requireStorableText);

export type TrackEvent = z.infer<typeof trackEventSchema>;
export type IdentifyEvent = z.infer<typeof identifyEventSchema>;
export type SegmentEvent = ({ type: 'track' } & TrackEvent) | ({ type: 'identify' } & IdentifyEvent);

/** A batch is read leniently: each event is checked on its own, so one bad event rejects only itself. */
export const batchRequestSchema = z.looseObject({
  batch: z.array(z.unknown()).min(1),
  sentAt: isoTime.optional(),
  context: jsonObject.optional(),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

export const ingestAnswerSchema = z.object({ success: z.literal(true) });

export const batchRejectionSchema = z.object({
  index: z.number().int().min(0),
  messageId: z.string().optional(),
  reason: z.string(),
  field: z.string().optional(),
});
export type BatchRejection = z.infer<typeof batchRejectionSchema>;

export const batchAnswerSchema = z.object({
  success: z.literal(true),
  accepted: z.array(z.string()).describe('messageIds stored (or already stored by an earlier attempt)'),
  rejected: z.array(batchRejectionSchema),
});
export type BatchAnswer = z.infer<typeof batchAnswerSchema>;
