import { nodeCatalogue, type NodeCategory, type NodeType } from '../graph/node-catalogue';
import type { JsonObject } from './json';
import { nodeHeading, nodeName } from './node-label';
import type { PathSegment } from './paths';

/** One entry of graph.nodes as the checks see it. */
export class NodeInfo {
  /** ["nodes", index]: the start of every path into this node. */
  readonly path: PathSegment[];
  readonly category?: NodeCategory;
  /** data parsed by the type's schema, when it parsed. */
  config?: unknown;
  /** First node with this id: the one edges attach to. */
  primary = false;
  private cachedName?: string;
  private cachedHeading?: string;

  constructor(
    /** Position in graph.nodes. */
    readonly index: number,
    readonly raw: JsonObject,
    /** The id when it is a non-empty string (even if badly formed). */
    readonly id: string | undefined,
    /** The type when the catalogue knows it. */
    readonly type: NodeType | undefined,
    /** graph.nodes[index].data as stored. */
    readonly data: unknown,
  ) {
    this.path = ['nodes', index];
    this.category = type === undefined ? undefined : nodeCatalogue[type].category;
  }

  /** How messages name the node: “its label”, or “the catalogue title (id)”. */
  get name(): string {
    return (this.cachedName ??= nodeName(this.index, this.id, this.type, this.data));
  }

  /** How messages introduce the node: Send SMS “Nhắc thanh toán”, or Send SMS (sms-1). */
  get heading(): string {
    return (this.cachedHeading ??= nodeHeading(this.index, this.id, this.type, this.data));
  }
}

/** One entry of graph.edges whose source and target are both nodes of the graph. */
export interface Link {
  edgeIndex: number;
  from: NodeInfo;
  to: NodeInfo;
}

export interface GraphIndex {
  nodes: NodeInfo[];
  /** Primary nodes by id. */
  byId: Map<string, NodeInfo>;
  links: Link[];
}
