import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';
import type { FieldDescriptor } from '../schema-fields';
import { useLiquidVariables } from './liquid-variables';
import { completionAt, completionEdit, matchingVariables, type CompletionQuery } from './liquid-completion';

const LIQUID_FIELDS = new Set([
  'text',
  'html',
  'body',
  'subject',
  'header',
  'title',
  'subtitle',
  'value',
  'url',
]);

export function isLiquidField(name: string, descriptor: FieldDescriptor): boolean {
  return descriptor.kind === 'text' && LIQUID_FIELDS.has(name) && descriptor.format === undefined;
}

/**
 * A plain input or textarea (the browser's own undo keeps working) that offers the workspace's variables when
 * "{{" is typed: arrows choose, Enter or Tab inserts, Escape closes.
 */
export function LiquidText(props: {
  a11y: InputA11y;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  maxLength?: number;
  rows?: number;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const variables = useLiquidVariables();
  const element = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const listId = useId();
  const [at, setAt] = useState<CompletionQuery | undefined>();
  const [active, setActive] = useState(0);
  const matches = useMemo(() => (at ? matchingVariables(variables, at.query) : []), [at, variables]);
  const open = !readOnly && at !== undefined && matches.length > 0;

  const refresh = () => {
    const target = element.current;
    if (!target) return;
    const next = completionAt(target.value, target.selectionStart ?? target.value.length);
    setAt(next);
    if (next?.query !== at?.query) setActive(0);
  };

  const insert = (index: number) => {
    const target = element.current;
    const variable = matches[index];
    if (!target || !at || !variable) return;
    const caret = target.selectionStart ?? target.value.length;
    const edit = completionEdit(target.value, caret, at, variable);
    target.focus();
    target.setSelectionRange(edit.from, edit.to);
    // execCommand keeps the insertion in the field's own undo history; setRangeText is the fallback.
    if (!document.execCommand('insertText', false, edit.insert)) {
      target.setRangeText(edit.insert, edit.from, edit.to, 'end');
      props.onChange(target.value);
    }
    setAt(undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insert(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setAt(undefined);
    }
  };

  const shared = {
    ...props.a11y,
    ref: element,
    value: props.value,
    readOnly,
    spellCheck: false,
    maxLength: props.maxLength,
    'aria-autocomplete': 'list' as const,
    ...(open && { 'aria-controls': listId, 'aria-activedescendant': `${listId}-${active}` }),
    onChange: (event: { target: { value: string } }) => {
      props.onChange(event.target.value);
      requestAnimationFrame(refresh);
    },
    onKeyDown,
    onClick: refresh,
    onBlur: () => setTimeout(() => setAt(undefined), 150),
  };

  return (
    <div className="liquid-text">
      {props.multiline ? (
        <textarea rows={props.rows ?? 5} {...shared} />
      ) : (
        <input type="text" autoComplete="off" {...shared} />
      )}
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('liquid.suggestions')}
          className="liquid-text__suggestions"
        >
          {matches.map((variable, index) => (
            <li
              key={variable.path}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="liquid-text__suggestion"
              onMouseDown={(event) => {
                event.preventDefault();
                insert(index);
              }}
            >
              <code>{variable.path}</code>
              <span className="liquid-text__suggestion-label">
                {variable.label} · {variable.group}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
