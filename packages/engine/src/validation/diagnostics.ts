// TEMPORARY shim: the real validation module replaces this file when it is merged.

export type Severity = 'error' | 'warning';

export type DiagnosticCode =
  | 'GRAPH_SHAPE'
  | 'NO_TRIGGER'
  | 'MULTIPLE_TRIGGERS'
  | 'INVALID_CONFIG'
  | 'EDGE_SOURCE_MISSING'
  | 'EDGE_TARGET_MISSING'
  | 'HANDLE_NOT_OFFERED'
  | 'WAIT_EVENT_WITHOUT_TIMEOUT'
  | 'UNREACHABLE_NODE';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

export type ChannelKind = 'zns' | 'oa' | 'sms' | 'email';

export interface ValidationContext {
  accounts?: Record<string, { channel: ChannelKind; name: string; published: boolean }>;
  znsTemplates?: Record<
    string,
    { name: string; params: Array<{ name: string; required: boolean; maxLength: number }> }
  >;
  contactFields?: string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
