import { createHash } from 'node:crypto';
import { compileGraph, validateGraph, type CompileResult, type Diagnostic } from '@loa/engine';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../http/problem';
import { loadValidationContext } from './campaign-validation-context';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** validateGraph in the context of the workspace. */
export async function diagnose(
  manager: EntityManager,
  workspaceId: string,
  graph: unknown,
): Promise<Diagnostic[]> {
  return validateGraph(graph, await loadValidationContext(manager, workspaceId));
}

/** The engine's compiler in the context of the workspace; a graph with errors is a 422 listing them. */
export async function compileInWorkspace(
  manager: EntityManager,
  input: { workspaceId: string; campaignId: string; versionId: string; graph: unknown },
): Promise<Extract<CompileResult, { ok: true }>> {
  const context = await loadValidationContext(manager, input.workspaceId);
  const result = compileGraph(
    input.graph,
    { campaignId: input.campaignId, versionId: input.versionId },
    context,
    { sha256Hex },
  );
  if (!result.ok) throw invalidCampaign(result.diagnostics);
  return result;
}

/** 422 naming each error diagnostic (its path, or its code when it has none). */
export function invalidCampaign(diagnostics: Diagnostic[]): ProblemException {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const shown = errors.slice(0, 3).map((error) => `${error.code}: ${error.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return new ProblemException(422, `The campaign has errors: ${shown.join(' ')}${more}`, {
    type: 'urn:loa:problem:campaign-invalid',
    errors: errors.map((error) => ({
      in: 'body' as const,
      field: error.path ?? error.code,
      message: error.message,
    })),
    diagnostics,
  });
}

export function hasErrorDiagnostics(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
