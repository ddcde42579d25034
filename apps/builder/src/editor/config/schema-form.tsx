import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup, FieldIssues, FieldShell } from './field-shell';
import { fieldLabel, joinPath, optionLabel } from './field-labels';
import { ConfigFormContext, useConfigForm } from './form-context';
import { issuesAt } from './validation-issues';
import {
  asObject,
  freeKey,
  initialFieldValue,
  initialObject,
  initialValue,
  renameKey,
  withKey,
} from './object-values';
import { RuleBuilder } from './rule-builder';
import type { FieldDescriptor, ObjectDescriptor, ObjectField } from './schema-fields';
import { WeightsEditor } from './weights-editor';
import { AccountPicker } from './widgets/account-picker';
import { DurationInput, isDuration } from './widgets/duration-input';
import { EventNamePicker } from './widgets/event-name-picker';
import { EventPropertyInput, FieldPathInput } from './widgets/field-path-input';
import { isLiquidField, LiquidText } from './widgets/liquid-text';
import { PropertyFilterEditor, isPropertyFilter } from './widgets/property-filter';
import { ScalarInput } from './widgets/scalar-input';
import { SegmentPicker } from './widgets/segment-picker';
import { TimezoneInput } from './widgets/timezone-input';
import { WeekdayPicker } from './widgets/weekday-picker';

const TIME_OF_DAY_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
const LOCAL_DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$';
const FIELD_PATH_NAMES = new Set(['field', 'attribute', 'entryKey', 'matchEntryKey']);
const MULTILINE_NAMES = new Set(['text', 'html', 'body']);
const SCALAR_KINDS: ReadonlySet<string> = new Set(['text', 'number', 'enum', 'scalar']);

interface FieldProps {
  field: ObjectField;
  value: unknown;
  path: string;
  onChange: (value: unknown) => void;
}

/** The fields of an object schema, each with the widget its name and type call for. */
export function ObjectFields(props: {
  descriptor: ObjectDescriptor;
  value: unknown;
  path: string;
  onChange: (value: Record<string, unknown>) => void;
  omit?: readonly string[];
}) {
  const object = asObject(props.value);
  const context = useConfigForm();
  const eventName = typeof object.event === 'string' && object.event !== '' ? object.event : undefined;
  const scoped = useMemo(() => ({ ...context, ...(eventName && { eventName }) }), [context, eventName]);
  return (
    <ConfigFormContext.Provider value={scoped}>
      {props.descriptor.fields
        .filter((field) => !props.omit?.includes(field.name) && field.descriptor.kind !== 'literal')
        .map((field) => (
          <SchemaField
            key={field.name}
            field={field}
            value={object[field.name]}
            path={joinPath(props.path, field.name)}
            onChange={(value) => props.onChange(withKey(object, field.name, value))}
          />
        ))}
    </ConfigFormContext.Provider>
  );
}

export function SchemaField(props: FieldProps) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { field, value, path, onChange } = props;
  const { descriptor, name } = field;
  const label = fieldLabel(t, name);

  if (descriptor.kind === 'ruleGroup') return <RuleBuilder value={value} path={path} onChange={onChange} />;
  if (name === 'variants' && descriptor.kind === 'array')
    return <WeightsEditor value={value} path={path} onChange={onChange} />;
  if (descriptor.kind === 'object' && !field.required && value === undefined && field.default === undefined)
    return (
      <div className="config-field config-field--absent" data-path={path}>
        <span className="config-field__label">{label}</span>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly}
          aria-label={t('addItem', { name: label.toLowerCase() })}
          onClick={() => onChange(initialFieldValue(name, descriptor))}
        >
          + {t('add')}
        </button>
      </div>
    );
  if (descriptor.kind === 'object')
    return <ObjectField {...props} value={value ?? field.default} descriptor={descriptor} label={label} />;
  if (descriptor.kind === 'variants') return <VariantsField {...props} label={label} />;
  if (descriptor.kind === 'array') return <ArrayField {...props} label={label} />;
  if (descriptor.kind === 'record') return <RecordField {...props} label={label} />;
  if (descriptor.kind === 'boolean')
    return (
      <CheckboxField
        label={label}
        path={path}
        checked={value === undefined ? field.default === true : value === true}
        onChange={onChange}
      />
    );
  return (
    <FieldShell
      label={label}
      path={path}
      required={field.required || field.default !== undefined}
      hint={descriptor.kind === 'enum' ? undefined : hintOf(t, field)}
    >
      {(a11y) => <ScalarWidget {...props} a11y={a11y} label={label} />}
    </FieldShell>
  );
}

/** A checkbox with its label beside it, and the messages for its path. */
export function CheckboxField(props: {
  label: string;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { readOnly, issues } = useConfigForm();
  return (
    <div className="config-check" data-path={props.path}>
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          disabled={readOnly}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.label}
      </label>
      <FieldIssues issues={issuesAt(issues, props.path)} />
    </div>
  );
}

function hintOf(t: TFunction, field: ObjectField): string | undefined {
  const hint = t(`hints.${field.name}`, { defaultValue: '' });
  if (hint) return hint;
  if (field.default === undefined || typeof field.default === 'object') return undefined;
  return t('defaultValue', { value: String(field.default) });
}

function ScalarWidget(
  props: FieldProps & {
    a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
    label: string;
  },
) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { field, value, onChange, a11y } = props;
  const { descriptor, name } = field;
  const emptyIs = (text: string) => (text === '' && !field.required ? undefined : text);

  if (descriptor.kind === 'text') {
    const text = typeof value === 'string' ? value : '';
    if (name === 'accountId') return <AccountPicker a11y={a11y} value={text} onChange={onChange} />;
    if (name === 'segmentId') return <SegmentPicker a11y={a11y} value={text} onChange={onChange} />;
    if (name === 'event') return <EventNamePicker a11y={a11y} value={text} onChange={onChange} />;
    if (name === 'timezone')
      return <TimezoneInput a11y={a11y} value={text} onChange={(v) => onChange(emptyIs(v))} />;
    if (name === 'entryKey' || name === 'matchEntryKey')
      return <EventPropertyInput a11y={a11y} value={text} onChange={(v) => onChange(emptyIs(v))} />;
    if (FIELD_PATH_NAMES.has(name))
      return <FieldPathInput a11y={a11y} value={text} onChange={(v) => onChange(emptyIs(v))} />;
    if (descriptor.pattern === TIME_OF_DAY_PATTERN)
      return (
        <input
          type="time"
          {...a11y}
          value={text}
          readOnly={readOnly}
          onChange={(e) => onChange(emptyIs(e.target.value))}
        />
      );
    if (descriptor.pattern === LOCAL_DATE_TIME_PATTERN)
      return (
        <input
          type="datetime-local"
          {...a11y}
          value={text}
          readOnly={readOnly}
          onChange={(e) => onChange(emptyIs(e.target.value))}
        />
      );
    if (isLiquidField(name, descriptor))
      return (
        <LiquidText
          a11y={a11y}
          value={text}
          maxLength={descriptor.maxLength}
          multiline={MULTILINE_NAMES.has(name) || (descriptor.maxLength ?? 0) > 2000}
          onChange={(v) => onChange(emptyIs(v))}
        />
      );
    return (
      <input
        type={descriptor.format === 'email' ? 'email' : descriptor.format === 'uri' ? 'url' : 'text'}
        {...a11y}
        value={text}
        maxLength={descriptor.maxLength}
        readOnly={readOnly}
        onChange={(e) => onChange(emptyIs(e.target.value))}
      />
    );
  }
  if (descriptor.kind === 'number')
    return (
      <input
        type="number"
        inputMode={descriptor.integer ? 'numeric' : 'decimal'}
        {...a11y}
        value={typeof value === 'number' ? value : ''}
        min={descriptor.minimum}
        max={descriptor.maximum}
        step={descriptor.integer ? 1 : 'any'}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  if (descriptor.kind === 'enum') {
    const current =
      typeof value === 'string' ? value : typeof field.default === 'string' ? field.default : '';
    return (
      <select
        {...a11y}
        value={current}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {(!field.required || current === '') && field.default === undefined && (
          <option value="">{t('none')}</option>
        )}
        {descriptor.options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(t, option)}
          </option>
        ))}
      </select>
    );
  }
  return <ScalarInput a11y={a11y} value={value} onChange={onChange} />;
}

function OptionalRemove(props: { field: ObjectField; label: string; onRemove: () => void }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  if (props.field.required || props.field.default !== undefined) return null;
  return (
    <button type="button" className="button button--small" disabled={readOnly} onClick={props.onRemove}>
      {t('removeNamed', { name: props.label.toLowerCase() })}
    </button>
  );
}

function ObjectField(props: FieldProps & { descriptor: ObjectDescriptor; label: string }) {
  const { field, value, path, onChange, label, descriptor } = props;
  const actions = <OptionalRemove field={field} label={label} onRemove={() => onChange(undefined)} />;
  if (isDuration(descriptor))
    return (
      <FieldGroup legend={label} path={path} actions={actions}>
        <DurationInput value={value} path={path} onChange={onChange} />
      </FieldGroup>
    );
  if (isPropertyFilter(descriptor))
    return (
      <FieldGroup legend={label} path={path} actions={actions}>
        <PropertyFilterEditor value={value} path={path} onChange={onChange} />
      </FieldGroup>
    );
  return (
    <FieldGroup legend={label} path={path} actions={actions}>
      <ObjectFields descriptor={descriptor} value={value} path={path} onChange={onChange} />
    </FieldGroup>
  );
}

function VariantsField(props: FieldProps & { label: string }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { field, value, path, onChange, label } = props;
  if (field.descriptor.kind !== 'variants') return null;
  const { discriminator, variants } = field.descriptor;
  const object = asObject(value);
  const chosen = variants.find((variant) => variant.value === object[discriminator]) ?? variants[0];
  if (!chosen) return null;
  return (
    <FieldGroup legend={label} path={path}>
      <FieldShell label={fieldLabel(t, discriminator)} path={joinPath(path, discriminator)}>
        {(a11y) => (
          <select
            {...a11y}
            value={chosen.value}
            disabled={readOnly}
            onChange={(e) => {
              const next = variants.find((variant) => variant.value === e.target.value);
              if (next) onChange(initialObject(next.shape));
            }}
          >
            {variants.map((variant) => (
              <option key={variant.value} value={variant.value}>
                {optionLabel(t, variant.value)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <ObjectFields
        descriptor={chosen.shape}
        value={{ ...object, [discriminator]: chosen.value }}
        path={path}
        onChange={onChange}
        omit={[discriminator]}
      />
    </FieldGroup>
  );
}

function ArrayField(props: FieldProps & { label: string }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { field, value, path, onChange, label } = props;
  if (field.descriptor.kind !== 'array') return null;
  const { item, maxItems } = field.descriptor;
  const items = Array.isArray(value) ? value : [];
  if (field.name === 'weekdays')
    return (
      <FieldGroup legend={label} path={path}>
        <WeekdayPicker value={items as number[]} onChange={onChange} />
      </FieldGroup>
    );
  const itemField: ObjectField = { name: singular(field.name), required: true, descriptor: item };
  const itemLabel = fieldLabel(t, itemField.name);
  const replace = (index: number, next: unknown) =>
    onChange(items.map((old, i) => (i === index ? next : old)));
  return (
    <FieldGroup legend={label} path={path}>
      <ol className="config-list">
        {items.map((entry, index) => (
          <li
            key={index}
            className={`config-list__item${SCALAR_KINDS.has(item.kind) ? ' config-list__item--inline' : ''}`}
          >
            <SchemaField
              field={itemField}
              value={entry}
              path={joinPath(path, index)}
              onChange={(next) => replace(index, next)}
            />
            <button
              type="button"
              className="button button--small config-list__remove"
              disabled={readOnly}
              aria-label={t('removeNamed', { name: `${itemLabel} ${index + 1}` })}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        disabled={readOnly || (maxItems !== undefined && items.length >= maxItems)}
        aria-label={t('addItem', { name: label.toLowerCase() })}
        onClick={() => onChange([...items, initialValue(item)])}
      >
        + {t('add')}
      </button>
    </FieldGroup>
  );
}

function singular(name: string): string {
  if (name === 'addTags' || name === 'removeTags') return 'tag';
  if (name === 'table') return 'row';
  if (name === 'headers') return 'httpHeader';
  if (name === 'conditions') return 'conditions';
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

function RecordField(props: FieldProps & { label: string }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { field, value, path, onChange, label } = props;
  if (field.descriptor.kind !== 'record') return null;
  const valueDescriptor: FieldDescriptor = field.descriptor.value;
  const record = asObject(value);
  const keyIsPath = field.descriptor.key.kind === 'text' && field.descriptor.key.pattern !== undefined;
  return (
    <FieldGroup legend={label} path={path}>
      <ol className="config-list">
        {Object.entries(record).map(([key, entry], index) => (
          <li key={index} className="config-list__item config-list__item--pair">
            <FieldShell label={t('key')} path={joinPath(path, key)}>
              {(a11y) =>
                field.name === 'sendRateLimits' ? (
                  <AccountPicker
                    a11y={a11y}
                    value={key}
                    onChange={(next) => onChange(renameKey(record, key, next))}
                  />
                ) : keyIsPath ? (
                  <FieldPathInput
                    a11y={a11y}
                    value={key}
                    onChange={(next) => onChange(renameKey(record, key, next))}
                  />
                ) : (
                  <input
                    {...a11y}
                    value={key}
                    readOnly={readOnly}
                    onChange={(e) => onChange(renameKey(record, key, e.target.value))}
                  />
                )
              }
            </FieldShell>
            <SchemaField
              field={{ name: 'value', required: true, descriptor: valueDescriptor }}
              value={entry}
              path={joinPath(path, key)}
              onChange={(next) => onChange(withKey(record, key, next ?? ''))}
            />
            <button
              type="button"
              className="button button--small config-list__remove"
              disabled={readOnly}
              aria-label={t('removeNamed', { name: key })}
              onClick={() => onChange(withKey(record, key, undefined))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        disabled={readOnly}
        aria-label={t('addItem', { name: label.toLowerCase() })}
        onClick={() => onChange({ ...record, [freeKey(record, 'field_')]: initialValue(valueDescriptor) })}
      >
        + {t('add')}
      </button>
    </FieldGroup>
  );
}
