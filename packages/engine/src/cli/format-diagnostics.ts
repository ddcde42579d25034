import type { Diagnostic } from '../validation/diagnostics';

/** `loa validate --json`: every diagnostic with all six fields, null where a field does not apply. */
export function diagnosticsReport(diagnostics: Diagnostic[]): { ok: boolean; diagnostics: object[] } {
  return {
    ok: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    diagnostics: diagnostics.map(({ severity, code, message, nodeId, edgeId, path }) => ({
      severity,
      code,
      message,
      nodeId: nodeId ?? null,
      edgeId: edgeId ?? null,
      path: path ?? null,
    })),
  };
}

/** One line per diagnostic, compiler style: "campaign.json: error INVALID_CONFIG node zns at nodes[1]…: message". */
export function diagnosticLines(file: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => {
    const where = [
      diagnostic.nodeId && `node ${diagnostic.nodeId}`,
      diagnostic.edgeId && `edge ${diagnostic.edgeId}`,
      diagnostic.path && `at ${diagnostic.path}`,
    ]
      .filter(Boolean)
      .join(' ');
    return `${file}: ${diagnostic.severity} ${diagnostic.code}${where ? ` ${where}` : ''}: ${diagnostic.message}`;
  });
}

/** "campaign.json: valid (1 warning)" or "campaign.json: 2 errors, 1 warning". */
export function diagnosticsSummary(file: string, diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const warningText = `${warnings} warning${warnings === 1 ? '' : 's'}`;
  return errors === 0
    ? `${file}: valid${warnings > 0 ? ` (${warningText})` : ''}`
    : `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warningText}`;
}
