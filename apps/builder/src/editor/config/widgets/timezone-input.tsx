import { useId, useMemo } from 'react';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';

/** An IANA time zone, with the browser's list offered (Asia/Ho_Chi_Minh first). */
export function TimezoneInput(props: { a11y: InputA11y; value: string; onChange: (zone: string) => void }) {
  const { readOnly } = useConfigForm();
  const listId = useId();
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return ['Asia/Ho_Chi_Minh', ...all.filter((zone) => zone !== 'Asia/Ho_Chi_Minh')];
  }, []);
  return (
    <>
      <input
        {...props.a11y}
        list={listId}
        value={props.value}
        placeholder="Asia/Ho_Chi_Minh"
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
