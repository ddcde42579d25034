import { ruleSchema, type Rule, type RuleGroup } from '@loa/engine/browser';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldGroup, FieldShell } from './field-shell';
import { fieldLabel, joinPath } from './field-labels';
import { useConfigForm } from './form-context';
import { useMappingTargets, type MappingTargets } from './queries';
import {
  defaultRule,
  newKey,
  operatorsFor,
  RULE_KINDS,
  toCondition,
  toModel,
  type AttributeRule,
  type FieldType,
  type GroupModel,
  type RuleKind,
} from './rule-model';
import { ObjectFields } from './schema-form';
import { describeSchema, type ObjectDescriptor } from './schema-fields';
import { ComparisonRow } from './widgets/comparison-row';
import { MatchSelect } from './widgets/match-select';
import { SendStepPicker } from './widgets/send-step-picker';

/** What a rule builder offers: the kinds of rule, how deep groups nest, and what its legend and note say. */
export interface RuleBuilderOptions {
  kinds: readonly RuleKind[];
  maxDepth: number;
}

const BRANCH_OPTIONS: RuleBuilderOptions = { kinds: RULE_KINDS, maxDepth: 3 };

const ruleShapes: Map<string, ObjectDescriptor> = (() => {
  const descriptor = describeSchema(ruleSchema);
  if (descriptor.kind !== 'variants') throw new Error('the engine’s rule schema is a discriminated union');
  return new Map(descriptor.variants.map((variant) => [variant.value, variant.shape]));
})();

function asGroup(value: unknown): RuleGroup {
  const group = value as Partial<RuleGroup> | undefined;
  return {
    match: group?.match === 'any' ? 'any' : 'all',
    rules: Array.isArray(group?.rules) ? group.rules : [],
  };
}

/** The engine's condition as nested groups of rules; every edit hands back the whole condition. */
export function RuleBuilder(props: {
  value: unknown;
  path: string;
  onChange: (value: RuleGroup) => void;
  /** A branch's condition when absent. */
  options?: RuleBuilderOptions;
  legend?: string;
  note?: string;
}) {
  const { t } = useTranslation('config');
  const options = props.options ?? BRANCH_OPTIONS;
  const incoming = asGroup(props.value);
  const [model, setModel] = useState(() => toModel(incoming));
  // A change from outside (undo, another node) replaces the tree; the builder's own edits keep their row keys.
  const current = JSON.stringify(toCondition(model)) === JSON.stringify(incoming) ? model : toModel(incoming);
  if (current !== model) setModel(current);
  const change = (next: GroupModel) => {
    setModel(next);
    props.onChange(toCondition(next));
  };
  return (
    <FieldGroup legend={props.legend ?? fieldLabel(t, 'rule')} path={props.path}>
      <p className="node-config__note">{props.note ?? t('rules.yesNo')}</p>
      <GroupView group={current} path={props.path} depth={1} options={options} onChange={change} />
    </FieldGroup>
  );
}

function GroupView(props: {
  group: GroupModel;
  path: string;
  depth: number;
  options: RuleBuilderOptions;
  onChange: (group: GroupModel) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { group, path, onChange } = props;
  const replaceAt = (index: number, entry: GroupModel['rules'][number] | null) =>
    onChange({
      ...group,
      rules: entry
        ? group.rules.map((old, i) => (i === index ? entry : old))
        : group.rules.filter((_, i) => i !== index),
    });
  return (
    <div className={`rule-group rule-group--depth-${props.depth}`} data-match={group.match}>
      <div className="rule-group__head">
        <MatchSelect
          value={group.match}
          path={joinPath(path, 'match')}
          onChange={(match) => onChange({ ...group, match })}
        />
        {props.onRemove && (
          <button type="button" className="button button--small" disabled={readOnly} onClick={props.onRemove}>
            {t('rules.removeGroup')}
          </button>
        )}
      </div>
      <ol className="rule-group__rules">
        {group.rules.map((entry, index) => (
          <li key={entry.key} className="rule-group__entry">
            {entry.type === 'group' ? (
              <GroupView
                group={entry.group}
                path={joinPath(path, `rules.${index}`)}
                depth={props.depth + 1}
                options={props.options}
                onChange={(next) => replaceAt(index, { ...entry, group: next })}
                onRemove={() => replaceAt(index, null)}
              />
            ) : (
              <RuleView
                rule={entry.rule}
                kinds={props.options.kinds}
                path={joinPath(path, `rules.${index}`)}
                onChange={(rule) => replaceAt(index, { ...entry, rule })}
                onRemove={() => replaceAt(index, null)}
              />
            )}
          </li>
        ))}
      </ol>
      <div className="rule-group__actions">
        <button
          type="button"
          className="button button--small"
          disabled={readOnly}
          onClick={() =>
            onChange({
              ...group,
              rules: [...group.rules, { key: newKey(), type: 'rule', rule: defaultRule('attribute') }],
            })
          }
        >
          + {t('rules.addRule')}
        </button>
        {props.depth < props.options.maxDepth && (
          <button
            type="button"
            className="button button--small"
            disabled={readOnly}
            onClick={() =>
              onChange({
                ...group,
                rules: [
                  ...group.rules,
                  {
                    key: newKey(),
                    type: 'group',
                    group: {
                      key: newKey(),
                      match: group.match === 'all' ? 'any' : 'all',
                      rules: [{ key: newKey(), type: 'rule', rule: defaultRule('attribute') }],
                    },
                  },
                ],
              })
            }
          >
            + {t('rules.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}

function fieldTypeOf(
  targets: MappingTargets | undefined,
  field: string,
): { type: FieldType; enumValues?: string[] | null } {
  const key = field.replace(/^attributes\./, '');
  const attribute = targets?.attributes.find((candidate) => candidate.key === key);
  if (attribute) return { type: attribute.type, enumValues: attribute.enumValues };
  const contact = targets?.contact.find((candidate) => candidate.key === key);
  if (contact) return { type: contact.type };
  return { type: 'unknown' };
}

function RuleView(props: {
  rule: Rule;
  kinds: readonly RuleKind[];
  path: string;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const targets = useMappingTargets();
  const { rule, path, onChange } = props;
  const fieldType = useMemo(
    () => (rule.kind === 'attribute' ? fieldTypeOf(targets.data, rule.field) : { type: 'unknown' as const }),
    [rule, targets.data],
  );
  return (
    <div className="rule-row" data-kind={rule.kind}>
      <div className="rule-row__head">
        <FieldShell label={t('rules.ruleKind')} path={joinPath(path, 'kind')} inline hideLabel>
          {(a11y) => (
            <select
              {...a11y}
              value={rule.kind}
              disabled={readOnly}
              onChange={(e) => onChange(defaultRule(e.target.value as RuleKind))}
            >
              {props.kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`rules.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <button
          type="button"
          className="button button--small rule-row__remove"
          disabled={readOnly}
          aria-label={t('rules.removeRule')}
          title={t('rules.removeRule')}
          onClick={props.onRemove}
        >
          ×
        </button>
      </div>
      {rule.kind === 'attribute' ? (
        <ComparisonRow<AttributeRule>
          value={rule}
          path={path}
          operators={operatorsFor(fieldType.type)}
          fieldType={fieldType.type}
          enumValues={'enumValues' in fieldType ? fieldType.enumValues : undefined}
          onChange={onChange}
        />
      ) : (
        <>
          {rule.kind === 'send_outcome' && (
            <FieldShell label={fieldLabel(t, 'nodeId')} path={joinPath(path, 'nodeId')} required>
              {(a11y) => (
                <SendStepPicker
                  a11y={a11y}
                  value={rule.nodeId}
                  onChange={(nodeId) => onChange({ ...rule, nodeId })}
                />
              )}
            </FieldShell>
          )}
          <ObjectFields
            descriptor={ruleShapes.get(rule.kind) ?? { kind: 'object', fields: [] }}
            value={rule}
            path={path}
            omit={['kind', 'nodeId']}
            onChange={(next) => onChange({ ...next, kind: rule.kind } as Rule)}
          />
        </>
      )}
    </div>
  );
}
