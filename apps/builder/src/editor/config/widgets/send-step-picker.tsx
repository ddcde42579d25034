import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayNameOf } from '../../graph/node-summary';
import { sendStepChoices } from '../../graph/step-choices';
import { stepById } from '../../graph/step-index';
import { useEditor } from '../../store/editor-context';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';

/** The campaign's send steps by name; the rule keeps the chosen step's id. */
export function SendStepPicker(props: { a11y: InputA11y; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('config');
  const { t: editorT } = useTranslation('editor');
  const { readOnly } = useConfigForm();
  const steps = useEditor((state) => state.graph.nodes);
  const translate = useMemo(
    () => (key: string, values?: Record<string, unknown>) => editorT(key, values ?? {}),
    [editorT],
  );
  const choices = useMemo(() => sendStepChoices(steps, translate), [steps, translate]);
  const chosen = props.value === '' ? undefined : stepById(steps, props.value);
  const offered = choices.some((choice) => choice.id === props.value);
  return (
    <select
      {...props.a11y}
      value={props.value}
      disabled={readOnly}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{t('pickers.sendStepPlaceholder')}</option>
      {props.value !== '' && !offered && (
        <option value={props.value}>
          {chosen
            ? t('pickers.sendStepNotSend', { name: displayNameOf(chosen, translate) })
            : t('pickers.sendStepMissing', { id: props.value })}
        </option>
      )}
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </select>
  );
}
