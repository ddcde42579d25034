import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../format/formats';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';
import { useSegments } from '../queries';

/** The workspace's segments by name, with their member counts. */
export function SegmentPicker(props: { a11y: InputA11y; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('config');
  const { readOnly, segmentId } = useConfigForm();
  const segments = useSegments();
  const list = (segments.data ?? [])
    .filter((segment) => segment.id !== segmentId)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const known = list.some((segment) => segment.id === props.value);
  return (
    <>
      <select
        {...props.a11y}
        value={props.value}
        disabled={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{segments.isPending ? t('loading') : t('pickers.segmentPlaceholder')}</option>
        {!known && props.value && (
          <option value={props.value}>{t('pickers.segmentUnknown', { id: props.value })}</option>
        )}
        {list.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {t('pickers.segmentMembers', {
              name: segment.name,
              count: formatCount(segment.memberCount) as never,
            })}
          </option>
        ))}
      </select>
      {segments.isError && (
        <span className="config-field__issues">{t('loadFailed', { detail: segments.error.message })}</span>
      )}
    </>
  );
}
