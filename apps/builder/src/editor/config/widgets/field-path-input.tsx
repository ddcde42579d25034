import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';
import { useMappingTargets } from '../queries';

/** A property of the event being edited (its entry key, a filter's field), with the properties seen offered. */
export function EventPropertyInput(props: {
  a11y: InputA11y;
  value: string;
  onChange: (path: string) => void;
}) {
  const suggestions = useEventProperties();
  return <FieldPathInput {...props} suggestions={suggestions} />;
}

/** The properties recent events of this name carried (none when the event is unknown or not set). */
export function useEventProperties(): Array<{ key: string; label: string }> {
  const { eventName } = useConfigForm();
  const targets = useMappingTargets();
  const event = targets.data?.events.find((candidate) => candidate.name === eventName);
  return (event?.properties ?? []).map((property) => ({
    key: property.key,
    label: `${property.label} (${property.types.join(', ')})`,
  }));
}

/** A contact field or attribute name, with the workspace's attributes offered. */
export function FieldPathInput(props: {
  a11y: InputA11y;
  value: string;
  onChange: (path: string) => void;
  /** Offer these names instead of the contact's (e.g. an event's properties). */
  suggestions?: Array<{ key: string; label: string }>;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const targets = useMappingTargets();
  const listId = useId();
  const options =
    props.suggestions ??
    [...(targets.data?.attributes ?? []), ...(targets.data?.contact ?? [])].map((target) => ({
      key: target.key,
      label: target.label,
    }));
  return (
    <>
      <input
        {...props.a11y}
        list={listId}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        placeholder={props.suggestions ? undefined : t('rules.fieldPlaceholder')}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.label}
          </option>
        ))}
      </datalist>
    </>
  );
}
