import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/formats';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';
import { useMappingTargets } from '../queries';

/** An event name: free text (events may not have arrived yet) with the names the workspace received offered. */
export function EventNamePicker(props: { a11y: InputA11y; value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const targets = useMappingTargets();
  const listId = useId();
  const events = targets.data?.events ?? [];
  const seen = events.find((event) => event.name === props.value);
  return (
    <>
      <input
        {...props.a11y}
        list={listId}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('pickers.eventPlaceholder')}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {events.map((event) => (
          <option key={event.name} value={event.name}>
            {t('pickers.eventSeen', { when: formatDateTime(event.lastSeenAt) })}
          </option>
        ))}
      </datalist>
      {props.value && targets.isSuccess && (
        <span className="config-field__hint">
          {seen ? t('pickers.eventSeen', { when: formatDateTime(seen.lastSeenAt) }) : t('pickers.eventNew')}
        </span>
      )}
    </>
  );
}
