import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../graph/node-summary';
import { connectionChoices, unofferedTarget } from '../graph/step-choices';
import { useEditor } from '../store/editor-context';
import { FieldGroup, FieldShell } from './field-shell';
import { useConfigForm } from './form-context';

/**
 * Where each out handle of the step leads, chosen from a list: connects steps without dragging (from the keyboard),
 * through the same store action and rules as a connection drawn on the canvas.
 */
export function ConnectionsSection({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('config');
  const { t: editorT } = useTranslation('editor');
  const { readOnly } = useConfigForm();
  const graph = useEditor((state) => state.graph);
  const connect = useEditor((state) => state.connect);
  const disconnect = useEditor((state) => state.disconnect);
  const translate = useCallback<Translate>((key, values) => editorT(key, values ?? {}), [editorT]);
  const { handles, targets } = useMemo(
    () => connectionChoices(graph, nodeId, translate),
    [graph, nodeId, translate],
  );
  if (handles.length === 0) return null;
  const unofferedLabel = (target: string) => {
    const why = unofferedTarget(graph, target, translate);
    return why.kind === 'notAllowed'
      ? t('connections.notAllowed', { name: why.name })
      : t('connections.missing', { id: target });
  };
  return (
    <FieldGroup legend={t('connections.title')} path="connections">
      {handles.map(({ handle, label, target }) => (
        <FieldShell
          key={handle.id}
          label={t('connections.goesTo', { handle: label })}
          path={`connections.${handle.id}`}
        >
          {(a11y) => (
            <select
              {...a11y}
              value={target ?? ''}
              disabled={readOnly}
              onChange={(event) => {
                const chosen = event.target.value;
                if (chosen === '') disconnect({ source: nodeId, sourceHandle: handle.id });
                else connect({ source: nodeId, sourceHandle: handle.id, target: chosen });
              }}
            >
              <option value="">{t('connections.none')}</option>
              {target !== undefined && !targets.some((choice) => choice.id === target) && (
                <option value={target}>{unofferedLabel(target)}</option>
              )}
              {targets.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      ))}
    </FieldGroup>
  );
}
