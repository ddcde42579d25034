import type { Diagnostic, GraphNodeInput } from '@loa/engine/browser';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface NodeConfigPanelProps {
  node: GraphNodeInput;
  diagnostics: Diagnostic[];
  readOnly: boolean;
  onChange: (data: GraphNodeInput['data']) => void;
}

/** The smallest config panel: the step's name, and its settings as JSON (the full forms replace it). */
export function NodeConfigPanel({ node, diagnostics, readOnly, onChange }: NodeConfigPanelProps) {
  const { t } = useTranslation('editor');
  const labelId = useId();
  return (
    <div className="config-panel">
      <label htmlFor={labelId} className="field__label">
        {t('config.label')}
      </label>
      <input
        id={labelId}
        className="field__input"
        value={typeof node.data.label === 'string' ? node.data.label : ''}
        readOnly={readOnly}
        maxLength={120}
        placeholder={t(`types.${node.type}`)}
        onChange={(event) => onChange({ ...node.data, label: event.target.value } as GraphNodeInput['data'])}
      />
      {diagnostics.length > 0 && (
        <ul className="config-panel__problems">
          {diagnostics.map((diagnostic, index) => (
            <li key={index} className={`config-panel__problem config-panel__problem--${diagnostic.severity}`}>
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
      <p className="field__label">{t('config.data')}</p>
      <pre className="config-panel__json">{JSON.stringify(node.data, null, 2)}</pre>
    </div>
  );
}
