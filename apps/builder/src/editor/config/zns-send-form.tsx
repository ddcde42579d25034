import { nodeCatalogue } from '@loa/engine/browser';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../format/formats';
import { FieldGroup, FieldIssues, FieldShell } from './field-shell';
import { fieldLabel, joinPath } from './field-labels';
import { useConfigForm } from './form-context';
import { asObject, withKey, type Json } from './object-values';
import { liquidFromMapping, mappingFromLiquid, type ParamMapping } from './param-mapping';
import { PreviewContactSelect } from './preview-contact-select';
import { previewContactAt, renderForPreview } from './preview-contacts';
import { useMappingTargets, useZnsTemplates, type MappingTargets, type ZnsTemplate } from './queries';
import { ObjectFields } from './schema-form';
import { describeObjectSchema } from './schema-fields';
import { AccountPicker } from './widgets/account-picker';
import { LiquidText } from './widgets/liquid-text';

const znsDescriptor = describeObjectSchema(nodeCatalogue['send.zns'].schema);

/** Zalo's template tag says what the message is for (tag 3, promotion, is advertising). */
const PURPOSE_OF_TAG: Record<string, string> = {
  TRANSACTION: 'transactional',
  CUSTOMER_CARE: 'care',
  PROMOTION: 'advertising',
  OTP: 'otp',
};

type TemplateParam = ZnsTemplate['params'][number];

/** Zalo's own rendering of the template's layout, when its detail names one. */
function zaloPreviewUrl(template: ZnsTemplate): string | undefined {
  const url = template.detail.previewUrl;
  return typeof url === 'string' && url.startsWith('https://') ? url : undefined;
}

/** Send ZNS: the OA, one of its approved templates, each param mapped, a live preview and the price. */
export function ZnsSendForm(props: { data: Json; onChange: (data: Json) => void }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const { data, onChange } = props;
  const accountId = typeof data.accountId === 'string' ? data.accountId : '';
  const templateId = typeof data.templateId === 'string' ? data.templateId : '';
  const params = asObject(data.params) as Record<string, string>;
  const templates = useZnsTemplates(accountId || undefined);
  const choosable = (templates.data ?? []).filter(
    (template) => template.status === 'ENABLE' || template.templateId === templateId,
  );
  const template = templates.data?.find((candidate) => candidate.templateId === templateId);
  const [previewIndex, setPreviewIndex] = useState(0);

  const chooseTemplate = (id: string) => {
    const chosen = templates.data?.find((candidate) => candidate.templateId === id);
    const nextParams = Object.fromEntries(
      (chosen?.params ?? []).map((param) => [param.name, params[param.name] ?? '']),
    );
    const purpose = chosen?.tag ? PURPOSE_OF_TAG[chosen.tag] : undefined;
    onChange({ ...data, templateId: id, params: nextParams, ...(purpose && { purpose }) });
  };

  const extraParams = Object.keys(params).filter(
    (name) => !template?.params.some((param) => param.name === name),
  );

  return (
    <>
      <ObjectFields
        descriptor={znsDescriptor}
        value={data}
        path=""
        onChange={onChange}
        omit={['accountId', 'templateId', 'params', 'mode', 'purpose']}
      />
      <FieldShell label={fieldLabel(t, 'accountId')} path="accountId">
        {(a11y) => (
          <AccountPicker
            a11y={a11y}
            value={accountId}
            onChange={(id) =>
              onChange({ ...data, accountId: id, ...(id !== accountId && { templateId: '', params: {} }) })
            }
          />
        )}
      </FieldShell>
      <FieldShell
        label={t('zns.template')}
        path="templateId"
        hint={!accountId ? t('zns.chooseAccount') : undefined}
      >
        {(a11y) => (
          <select
            {...a11y}
            value={templateId}
            disabled={readOnly || !accountId}
            onChange={(e) => chooseTemplate(e.target.value)}
          >
            <option value="">{templates.isFetching ? t('loading') : t('zns.templatePlaceholder')}</option>
            {templateId && !template && <option value={templateId}>#{templateId}</option>}
            {choosable.map((candidate) => (
              <option key={candidate.templateId} value={candidate.templateId}>
                {t('zns.templateOption', {
                  name: candidate.name,
                  id: candidate.templateId,
                  price: candidate.price === null ? t('zns.priceUnknown') : formatVnd(candidate.price),
                })}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {templates.isSuccess && accountId && choosable.length === 0 && (
        <p className="config-field__hint">{t('zns.noTemplates')}</p>
      )}
      {templates.isError && (
        <p className="config-field__issues">{t('loadFailed', { detail: templates.error.message })}</p>
      )}

      {template && (
        <FieldGroup legend={t('zns.paramsTitle')} path="params">
          <ol className="param-list">
            {template.params.map((param) => (
              <li key={param.name}>
                <ParamRow
                  param={param}
                  value={params[param.name] ?? ''}
                  onChange={(liquid) => onChange({ ...data, params: withKey(params, param.name, liquid) })}
                />
              </li>
            ))}
            {extraParams.map((name) => (
              <li key={name} className="param-row param-row--extra">
                <span>{t('zns.unmappedParam', { name })}</span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={readOnly}
                  onClick={() => onChange({ ...data, params: withKey(params, name, undefined) })}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ol>
        </FieldGroup>
      )}

      {template && (
        <section className="zns-preview" aria-label={t('zns.preview')}>
          <header className="zns-preview__head">
            <h3>{t('zns.preview')}</h3>
            <PreviewContactSelect value={previewIndex} onChange={setPreviewIndex} />
          </header>
          <div className="zns-preview__card">
            <p className="zns-preview__title">{template.name}</p>
            <dl className="zns-preview__params">
              {template.params.map((param) => (
                <PreviewParam
                  key={param.name}
                  param={param}
                  liquid={params[param.name] ?? ''}
                  contactIndex={previewIndex}
                />
              ))}
            </dl>
          </div>
          <p className="zns-preview__cost">
            {t('zns.cost')}:{' '}
            <strong>{template.price === null ? t('zns.priceUnknown') : formatVnd(template.price)}</strong>
          </p>
          {zaloPreviewUrl(template) && (
            <a className="zns-preview__link" href={zaloPreviewUrl(template)} target="_blank" rel="noreferrer">
              {t('zns.zaloPreview')}
            </a>
          )}
        </section>
      )}

      <ObjectFields
        descriptor={znsDescriptor}
        value={data}
        path=""
        onChange={onChange}
        omit={['label', 'accountId', 'templateId', 'params']}
      />
    </>
  );
}

function PreviewParam(props: { param: TemplateParam; liquid: string; contactIndex: number }) {
  const { t } = useTranslation('config');
  const contact = previewContactAt(props.contactIndex);
  const rendered = renderForPreview(props.liquid, contact);
  const text = rendered.ok ? rendered.text : '';
  const tooLong = rendered.ok && text.length > props.param.maxLength;
  return (
    <div className={`zns-preview__param${tooLong || !rendered.ok ? ' zns-preview__param--bad' : ''}`}>
      <dt>{props.param.name}</dt>
      <dd>
        {rendered.ok ? text || <span className="muted">{t('zns.empty')}</span> : rendered.error}
        {tooLong && (
          <span className="zns-preview__warning">
            {' '}
            {t('zns.tooLong', { length: text.length, max: props.param.maxLength })}
          </span>
        )}
      </dd>
    </div>
  );
}

interface TargetOption {
  value: string;
  label: string;
}

function targetGroups(targets: MappingTargets | undefined, t: TFunction) {
  if (!targets) return [];
  const option = (target: { path: string; label: string; key: string }): TargetOption => ({
    value: target.path,
    label: target.label === target.key ? target.key : `${target.label} (${target.key})`,
  });
  return [
    { label: t('zns.groups.contact'), options: targets.contact.map(option) },
    { label: t('zns.groups.attributes'), options: targets.attributes.map(option) },
    ...targets.events.map((event) => ({
      label: t('zns.groups.event', { name: event.name }),
      options: event.properties.map(option),
    })),
    { label: t('zns.groups.campaign'), options: targets.campaign.map(option) },
  ].filter((group) => group.options.length > 0);
}

/** One template param: where its value comes from, and the text or expression when it is not a field. */
function ParamRow(props: { param: TemplateParam; value: string; onChange: (liquid: string) => void }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const targets = useMappingTargets();
  const groups = useMemo(() => targetGroups(targets.data, t), [targets.data, t]);
  const knownPaths = useMemo(
    () => new Set(groups.flatMap((group) => group.options.map((option) => option.value))),
    [groups],
  );
  // An expression that is plain text or a single field reads back as such; while the marketer writes one, the
  // expression editor stays.
  const [asExpression, setAsExpression] = useState(false);
  const stored = mappingFromLiquid(props.value, knownPaths);
  const mapping: ParamMapping =
    asExpression && stored.kind !== 'liquid' ? { kind: 'liquid', expression: props.value } : stored;
  const selectValue = mapping.kind === 'field' ? `field:${mapping.path}` : mapping.kind;
  const path = joinPath('params', props.param.name);
  const change = (next: ParamMapping) => props.onChange(liquidFromMapping(next));
  const onSource = (value: string) => {
    setAsExpression(value === 'liquid');
    if (value.startsWith('field:')) change({ kind: 'field', path: value.slice('field:'.length) });
    else if (value === 'literal')
      change({ kind: 'literal', text: mapping.kind === 'literal' ? mapping.text : '' });
    else if (mapping.kind === 'field') change({ kind: 'liquid', expression: props.value });
  };
  const details = [
    props.param.require ? t('zns.paramRequired') : t('optional'),
    t('zns.maxLength', { max: props.param.maxLength }),
    props.param.type,
  ].join(' · ');
  return (
    <div className="param-row" data-param={props.param.name}>
      <FieldShell label={props.param.name} path={path} hint={details}>
        {(a11y) => (
          <select
            {...a11y}
            value={selectValue}
            disabled={readOnly}
            onChange={(e) => onSource(e.target.value)}
          >
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={`field:${option.value}`}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
            <optgroup label={t('zns.groups.other')}>
              <option value="literal">{t('zns.literal')}</option>
              <option value="liquid">{t('zns.liquid')}</option>
            </optgroup>
          </select>
        )}
      </FieldShell>
      {props.param.require && props.value.trim() === '' && (
        <FieldIssues issues={[{ message: t('required'), severity: 'error' }]} />
      )}
      {mapping.kind === 'literal' && (
        <FieldShell label={t('zns.literalValue', { name: props.param.name })} path={`${path}.literal`}>
          {(a11y) => (
            <input
              {...a11y}
              value={mapping.text}
              maxLength={props.param.maxLength}
              readOnly={readOnly}
              onChange={(e) => change({ kind: 'literal', text: e.target.value })}
            />
          )}
        </FieldShell>
      )}
      {mapping.kind === 'liquid' && (
        <FieldShell
          label={t('zns.liquidValue', { name: props.param.name })}
          path={`${path}.liquid`}
          hint={t('liquid.hint')}
        >
          {(a11y) => (
            <LiquidText
              a11y={a11y}
              value={mapping.expression}
              onChange={(expression) => change({ kind: 'liquid', expression })}
            />
          )}
        </FieldShell>
      )}
    </div>
  );
}
