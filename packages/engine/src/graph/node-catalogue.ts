import type { z } from 'zod';
import { conditionSchema, splitSchema } from './nodes/branch-nodes.schema';
import { contactUpdateSchema, exitSchema, httpRequestSchema } from './nodes/action-nodes.schema';
import { emailSendSchema, oaSendSchema, smsSendSchema, znsSendSchema } from './nodes/send-nodes.schema';
import {
  dateTriggerSchema,
  eventTriggerSchema,
  manualTriggerSchema,
  scheduleTriggerSchema,
  segmentTriggerSchema,
} from './nodes/trigger-nodes.schema';
import { delaySchema, waitEventSchema, waitUntilSchema } from './nodes/wait-nodes.schema';

export type NodeCategory = 'trigger' | 'wait' | 'branch' | 'send' | 'action' | 'exit';

interface CatalogueEntry<S extends z.ZodType> {
  category: NodeCategory;
  /** What the builder's palette calls it. */
  title: string;
  schema: S;
  /** The out handles a node of this type offers, given its (valid) config. */
  handles: (config: z.output<S>) => string[];
}

const next = () => ['next'];
const successFailure = () => ['success', 'failure'];

function entry<S extends z.ZodType>(value: CatalogueEntry<S>): CatalogueEntry<S> {
  return value;
}

/** Every node type Loa knows: its config schema and the handles it offers (DESIGN §3). */
export const nodeCatalogue = {
  'trigger.event': entry({
    category: 'trigger',
    title: 'When an event happens',
    schema: eventTriggerSchema,
    handles: next,
  }),
  'trigger.segment': entry({
    category: 'trigger',
    title: 'When a contact joins a segment',
    schema: segmentTriggerSchema,
    handles: next,
  }),
  'trigger.schedule': entry({
    category: 'trigger',
    title: 'On a schedule',
    schema: scheduleTriggerSchema,
    handles: next,
  }),
  'trigger.date': entry({
    category: 'trigger',
    title: 'On a contact date',
    schema: dateTriggerSchema,
    handles: next,
  }),
  'trigger.manual': entry({
    category: 'trigger',
    title: 'Added by API or CSV',
    schema: manualTriggerSchema,
    handles: next,
  }),
  'wait.delay': entry({ category: 'wait', title: 'Wait for a while', schema: delaySchema, handles: next }),
  'wait.until': entry({
    category: 'wait',
    title: 'Wait until a time',
    schema: waitUntilSchema,
    handles: next,
  }),
  'wait.event': entry({
    category: 'wait',
    title: 'Wait for an event',
    schema: waitEventSchema,
    handles: () => ['matched', 'timeout'],
  }),
  'branch.condition': entry({
    category: 'branch',
    title: 'If / else',
    schema: conditionSchema,
    handles: () => ['yes', 'no'],
  }),
  'branch.split': entry({
    category: 'branch',
    title: 'A/B split',
    schema: splitSchema,
    handles: (config) => config.variants.map((variant) => variant.id),
  }),
  'send.zns': entry({
    category: 'send',
    title: 'Send Zalo ZNS',
    schema: znsSendSchema,
    handles: successFailure,
  }),
  'send.oa': entry({
    category: 'send',
    title: 'Send Zalo OA message',
    schema: oaSendSchema,
    handles: successFailure,
  }),
  'send.sms': entry({ category: 'send', title: 'Send SMS', schema: smsSendSchema, handles: successFailure }),
  'send.email': entry({
    category: 'send',
    title: 'Send email',
    schema: emailSendSchema,
    handles: successFailure,
  }),
  'contact.update': entry({
    category: 'action',
    title: 'Update contact',
    schema: contactUpdateSchema,
    handles: next,
  }),
  'http.request': entry({
    category: 'action',
    title: 'Call a webhook',
    schema: httpRequestSchema,
    handles: successFailure,
  }),
  'flow.exit': entry({ category: 'exit', title: 'Exit', schema: exitSchema, handles: () => [] }),
} as const;

export type NodeType = keyof typeof nodeCatalogue;
export type NodeConfig<T extends NodeType> = z.output<(typeof nodeCatalogue)[T]['schema']>;
export const nodeTypes = Object.keys(nodeCatalogue) as NodeType[];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(nodeCatalogue, value);
}

export function handlesOf<T extends NodeType>(type: T, config: NodeConfig<T>): string[] {
  const { handles } = nodeCatalogue[type] as unknown as CatalogueEntry<z.ZodType<NodeConfig<T>>>;
  return handles(config);
}
