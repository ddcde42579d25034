/** What validateGraph reports: stable codes the builder and the API can rely on (DESIGN §4). */

export type Severity = 'error' | 'warning';

/** Every code validateGraph can report, with its severity. Codes are stable; messages may change. */
export const DIAGNOSTIC_SEVERITIES = {
  GRAPH_NOT_OBJECT: 'error',
  SCHEMA_VERSION_UNSUPPORTED: 'error',
  GRAPH_SHAPE: 'error',
  SETTINGS_INVALID: 'error',
  NO_TRIGGER: 'error',
  MULTIPLE_TRIGGERS: 'error',
  NODE_ID_MISSING: 'error',
  NODE_ID_INVALID: 'error',
  DUPLICATE_NODE_ID: 'error',
  UNKNOWN_NODE_TYPE: 'error',
  INVALID_CONFIG: 'error',
  EDGE_INVALID: 'error',
  DUPLICATE_EDGE_ID: 'error',
  EDGE_SOURCE_MISSING: 'error',
  EDGE_TARGET_MISSING: 'error',
  EDGE_INTO_TRIGGER: 'error',
  HANDLE_NOT_OFFERED: 'error',
  HANDLE_CONNECTED_TWICE: 'error',
  UNREACHABLE_NODE: 'warning',
  CYCLE_WITHOUT_WAIT: 'error',
  SPLIT_WEIGHTS_NOT_100: 'error',
  DUPLICATE_VARIANT_ID: 'error',
  WAIT_EVENT_WITHOUT_TIMEOUT: 'error',
  GOAL_SHADOWS_WAIT: 'warning',
  LIQUID_SYNTAX: 'error',
  UNKNOWN_CONTACT_FIELD: 'warning',
  TEMPLATE_UNKNOWN: 'error',
  TEMPLATE_PARAM_MISSING: 'error',
  TEMPLATE_PARAM_UNKNOWN: 'warning',
  TEMPLATE_PARAM_TOO_LONG: 'error',
  ACCOUNT_MISSING: 'error',
  ACCOUNT_UNPUBLISHED: 'error',
  ACCOUNT_WRONG_CHANNEL: 'error',
  ACCOUNT_PURPOSE_UNSUPPORTED: 'error',
  SEND_OUTCOME_NODE_INVALID: 'error',
  INVALID_CRON: 'error',
  SEGMENT_UNKNOWN: 'error',
  EVENT_NEVER_SEEN: 'warning',
  /** A check failed unexpectedly (e.g. input nested too deeply); the graph was not fully checked. */
  VALIDATION_INCOMPLETE: 'error',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITIES;

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_SEVERITIES) as DiagnosticCode[];

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** For a marketer: names the step by its label. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path into the graph, e.g. "nodes[3].data.params.customer_name" or "settings.timezone". */
  path?: string;
  /**
   * The values the message names that its target does not (an event name, a template parameter, a length…), so the
   * builder can say it in the marketer's language. Keys are stable per code.
   */
  params?: DiagnosticParams;
}

export type DiagnosticParams = Record<string, string | number>;

export type ChannelKind = 'zns' | 'oa' | 'sms' | 'email';

export interface ValidationContext {
  /**
   * Channel accounts of the workspace, by id, with the channel (or channels: a Zalo OA sends ZNS and OA messages)
   * they send on. Absent = don't check accounts.
   */
  accounts?: Record<
    string,
    {
      channel: ChannelKind | readonly ChannelKind[];
      name: string;
      published: boolean;
      /**
       * The message purposes a journey can send through the account, one contact at a time, each with why others
       * cannot (e.g. an eSMS advertising account needs 30 numbers per request); `inBroadcasts`, those a broadcast
       * (trigger.schedule, trigger.date: its contacts go in batches) can send too. Absent = every purpose.
       */
      purposes?: { allowed: readonly string[]; inBroadcasts?: readonly string[]; why: string };
    }
  >;
  /** Synced ZNS templates by template id. Absent = don't check templates. */
  znsTemplates?: Record<
    string,
    { name: string; params: Array<{ name: string; required: boolean; maxLength: number }> }
  >;
  /**
   * Known contact fields (e.g. ['name', 'birthday', 'attributes.city']); absent = don't check. The built-in fields
   * (id, phone, email, tags, zaloUserId) are always known.
   */
  contactFields?: string[];
  /** Ids of the workspace's segments. Absent = don't check segment references. */
  segmentIds?: string[];
  /** Event names the workspace has received. Absent = don't check event names. */
  eventNames?: string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

export interface DiagnosticTarget {
  nodeId?: string;
  edgeId?: string;
  path?: string;
  params?: DiagnosticParams;
}

/** Collects diagnostics in the order the checks find them. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  add(code: DiagnosticCode, message: string, target: DiagnosticTarget = {}): void {
    const diagnostic: Diagnostic = { severity: DIAGNOSTIC_SEVERITIES[code], code, message };
    if (target.nodeId !== undefined) diagnostic.nodeId = target.nodeId;
    if (target.edgeId !== undefined) diagnostic.edgeId = target.edgeId;
    if (target.path !== undefined) diagnostic.path = target.path;
    if (target.params !== undefined) diagnostic.params = target.params;
    this.items.push(diagnostic);
  }
}
