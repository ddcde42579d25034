import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfigForm } from './form-context';
import { issuesAt, type FieldIssue } from './validation-issues';

export interface InputA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled input with its hint and the schema's and the validator's messages for its path. */
export function FieldShell(props: {
  label: string;
  path: string;
  required?: boolean;
  hint?: ReactNode;
  inline?: boolean;
  /** The label is read by screen readers only (the control says what it is). */
  hideLabel?: boolean;
  children: (a11y: InputA11y) => ReactNode;
}) {
  const { t } = useTranslation('config');
  const { issues } = useConfigForm();
  const id = useId();
  const messages = issuesAt(issues, props.path);
  const describedBy = [props.hint ? `${id}-hint` : '', messages.length ? `${id}-issues` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`config-field${props.inline ? ' config-field--inline' : ''}`} data-path={props.path}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : 'config-field__label'}>
        {props.label}
        {props.required === false && <span className="config-field__optional"> ({t('optional')})</span>}
      </label>
      {props.children({
        id,
        ...(describedBy && { 'aria-describedby': describedBy }),
        ...(messages.some((issue) => issue.severity === 'error') && { 'aria-invalid': true as const }),
      })}
      {props.hint && (
        <span id={`${id}-hint`} className="config-field__hint">
          {props.hint}
        </span>
      )}
      <FieldIssues id={`${id}-issues`} issues={messages} />
    </div>
  );
}

export function FieldIssues({ id, issues }: { id?: string; issues: FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="config-field__issues">
      {issues.map((issue) => (
        <li key={issue.message} className={`config-field__issue config-field__issue--${issue.severity}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** A group of fields (an object, a list) under a legend, with the messages addressed to the whole group. */
export function FieldGroup(props: {
  legend: string;
  path: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { issues } = useConfigForm();
  return (
    <fieldset className="config-group" data-path={props.path}>
      <legend className="config-group__legend">{props.legend}</legend>
      {props.actions && <div className="config-group__actions">{props.actions}</div>}
      <FieldIssues issues={issuesAt(issues, props.path)} />
      {props.children}
    </fieldset>
  );
}
