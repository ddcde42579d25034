import type { Diagnostic } from '@loa/engine/browser';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../config/field-labels';
import { useEditor } from '../store/editor-context';
import { diagnosticMessage } from './diagnostic-messages';

/** Says a diagnostic of the open campaign in the interface's language, naming steps as the canvas does. */
export function useDiagnosticMessage(): (diagnostic: Diagnostic) => string {
  const { t } = useTranslation('diagnostics');
  const { t: tConfig } = useTranslation('config');
  const { t: tEditor } = useTranslation('editor');
  const nodes = useEditor((state) => state.graph.nodes);
  return useCallback(
    (diagnostic: Diagnostic) =>
      diagnosticMessage(t, diagnostic, {
        step: (id) => {
          const node = nodes.find((candidate) => candidate.id === id);
          if (!node) return undefined;
          const label = typeof node.data['label'] === 'string' ? node.data['label'].trim() : '';
          return label ? `“${label}”` : `${tEditor(`types.${node.type}`)} (${node.id})`;
        },
        field: (name) => fieldLabel(tConfig, name),
      }),
    [t, tConfig, tEditor, nodes],
  );
}

/** The diagnostics with their message in the interface's language. */
export function useLocalisedDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const messageOf = useDiagnosticMessage();
  return useMemo(
    () => diagnostics.map((diagnostic) => ({ ...diagnostic, message: messageOf(diagnostic) })),
    [diagnostics, messageOf],
  );
}
