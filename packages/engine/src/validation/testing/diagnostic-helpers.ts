import type { Diagnostic, DiagnosticCode } from '../diagnostics';

/** The diagnostics with this code. */
export function withCode(diagnostics: readonly Diagnostic[], code: DiagnosticCode): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** The one diagnostic with this code; fails (with the full list) when there is none or more than one. */
export function single(diagnostics: readonly Diagnostic[], code: DiagnosticCode): Diagnostic {
  const found = withCode(diagnostics, code);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one ${code}, got ${found.length} in:\n${JSON.stringify(diagnostics, null, 2)}`,
    );
  }
  return found[0];
}

export function codes(diagnostics: readonly Diagnostic[]): DiagnosticCode[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}
