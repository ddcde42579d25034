import { z } from 'zod';
import { campaignGraphSchema } from './graph.schema';

/** JSON Schema (draft 2020-12) of a campaign graph, for editors and people who keep campaigns as files. */
export function campaignGraphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(campaignGraphSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
