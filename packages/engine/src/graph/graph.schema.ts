import { z } from 'zod';
import { idSchema } from './common.schema';
import { nodeCatalogue, type NodeType } from './node-catalogue';
import { campaignSettingsSchema } from './settings.schema';

export const GRAPH_SCHEMA_VERSION = 1;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** An edge from a node's out handle to another node. */
export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: z.string().min(1).max(64),
  target: idSchema,
});
export type GraphEdge = z.infer<typeof edgeSchema>;

/** A sticky note on the canvas: for people reading the campaign, never part of the compiled plan or its hash. */
export const noteSchema = z.object({
  id: idSchema,
  position: positionSchema,
  text: z.string().max(2000, 'must be at most 2,000 characters'),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'grey']).optional(),
  width: z.number().finite().min(80).max(2000).optional(),
  height: z.number().finite().min(40).max(2000).optional(),
});
export type GraphNote = z.infer<typeof noteSchema>;

function nodeSchemaOf<T extends NodeType>(type: T) {
  return z.object({
    id: idSchema,
    type: z.literal(type),
    position: positionSchema,
    data: nodeCatalogue[type].schema,
  });
}

const nodeSchemas = (Object.keys(nodeCatalogue) as NodeType[]).map((type) => nodeSchemaOf(type));

/** A node with its config validated for its type. */
export const graphNodeSchema = z.discriminatedUnion(
  'type',
  nodeSchemas as unknown as [
    ReturnType<typeof nodeSchemaOf<NodeType>>,
    ...ReturnType<typeof nodeSchemaOf<NodeType>>[],
  ],
);

export type GraphNode = {
  [T in NodeType]: {
    id: string;
    type: T;
    position: { x: number; y: number };
    data: z.output<(typeof nodeCatalogue)[T]['schema']>;
  };
}[NodeType];

export type GraphNodeInput = {
  [T in NodeType]: {
    id: string;
    type: T;
    position: { x: number; y: number };
    data: z.input<(typeof nodeCatalogue)[T]['schema']>;
  };
}[NodeType];

/** The campaign graph the builder edits and the API stores (DESIGN §3). */
export const campaignGraphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(graphNodeSchema).max(5000),
  edges: z.array(edgeSchema).max(20000),
  settings: campaignSettingsSchema.default(campaignSettingsSchema.parse({})),
  notes: z.array(noteSchema).max(500).default([]),
});

export type CampaignGraph = Omit<z.output<typeof campaignGraphSchema>, 'nodes'> & { nodes: GraphNode[] };
export type CampaignGraphInput = Omit<z.input<typeof campaignGraphSchema>, 'nodes'> & {
  nodes: GraphNodeInput[];
};

/** Parses a campaign graph, filling defaults; throws a ZodError naming the offending paths. */
export function parseCampaignGraph(value: unknown): CampaignGraph {
  return campaignGraphSchema.parse(value) as CampaignGraph;
}
