import { useTranslation } from 'react-i18next';
import { FieldShell } from '../field-shell';
import { useConfigForm } from '../form-context';

/** All or any: how a group's conditions combine. */
export function MatchSelect(props: {
  value: 'all' | 'any';
  path: string;
  onChange: (match: 'all' | 'any') => void;
}) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  return (
    <FieldShell label={t('rules.matchLabel')} path={props.path} inline hideLabel>
      {(a11y) => (
        <select
          {...a11y}
          value={props.value}
          disabled={readOnly}
          onChange={(e) => props.onChange(e.target.value as 'all' | 'any')}
        >
          <option value="all">{t('rules.matchAll')}</option>
          <option value="any">{t('rules.matchAny')}</option>
        </select>
      )}
    </FieldShell>
  );
}
