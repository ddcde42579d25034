export {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_SEVERITIES,
  hasErrors,
  type ChannelKind,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
  type ValidationContext,
} from './diagnostics';
export { inspectGraph, validateGraph, type GraphInspection } from './validate-graph';
