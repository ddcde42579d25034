import { useTranslation } from 'react-i18next';
import { useSegments } from '../config/queries';

/** A sample contact's segments, chosen from the workspace's segments (segment conditions read them). */
export function SegmentChoice({
  segmentIds,
  onChange,
}: {
  segmentIds: string[];
  onChange: (segmentIds: string[]) => void;
}) {
  const { t } = useTranslation('simulation');
  const segments = useSegments();
  const toggle = (id: string, member: boolean) =>
    onChange(member ? [...segmentIds, id] : segmentIds.filter((other) => other !== id));
  return (
    <fieldset className="kv sim-segments">
      <legend className="kv__legend">{t('contacts.segments')}</legend>
      {segments.error && (
        <p className="form-error">{t('contacts.segmentsFailed', { detail: segments.error.message })}</p>
      )}
      {segments.data?.length === 0 && <p className="muted">{t('contacts.noSegments')}</p>}
      {segments.data?.map((segment) => (
        <label key={segment.id} className="sim-segments__choice">
          <input
            type="checkbox"
            checked={segmentIds.includes(segment.id)}
            onChange={(event) => toggle(segment.id, event.target.checked)}
          />
          {segment.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The segments a workspace contact is a member of now, by name. */
export function SegmentFacts({ segmentIds }: { segmentIds: string[] }) {
  const { t } = useTranslation('simulation');
  const segments = useSegments();
  if (segmentIds.length === 0) return <p className="muted sim-contact__facts">{t('contacts.inNoSegment')}</p>;
  const names = segmentIds.map((id) => segments.data?.find((segment) => segment.id === id)?.name ?? id);
  return (
    <p className="muted sim-contact__facts" data-testid="sim-contact-segments">
      {t('contacts.memberOf', { names: names.join(', ') })}
    </p>
  );
}
