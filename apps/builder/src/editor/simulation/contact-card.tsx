import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyValueEditor } from './key-value-editor';
import { SegmentChoice, SegmentFacts } from './segment-memberships';
import type { FormContact } from './simulation-form';

export function contactName(contact: FormContact): string {
  if (contact.source.kind === 'workspace') {
    const { name, email, phone, id } = contact.source.contact;
    return name ?? email ?? phone ?? id;
  }
  return contact.name.trim() || contact.key;
}

/** One contact of the simulation: a sample one is typed here; a workspace one is shown as it is. */
export function ContactCard({
  contact,
  entryEvent,
  onChange,
  onRemove,
}: {
  contact: FormContact;
  entryEvent: string | undefined;
  onChange: (contact: FormContact) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('simulation');
  const id = useId();
  const text = (field: 'name' | 'phone' | 'email' | 'zaloUserId', label: string, type = 'text') => (
    <label className="field sim-field">
      <span>{label}</span>
      <input
        id={`${id}-${field}`}
        type={type}
        value={contact[field]}
        onChange={(event) => onChange({ ...contact, [field]: event.target.value })}
      />
    </label>
  );
  const source = contact.source;
  return (
    <li className="sim-contact" data-testid="sim-contact">
      <div className="sim-contact__head">
        <strong>{contactName(contact)}</strong>
        <span className="chip">
          {t(source.kind === 'workspace' ? 'contacts.fromWorkspace' : 'contacts.sample')}
        </span>
        <button
          type="button"
          className="button button--subtle button--small sim-contact__remove"
          onClick={onRemove}
          aria-label={t('contacts.remove', { name: contactName(contact) })}
        >
          {t('remove')}
        </button>
      </div>
      {source.kind === 'workspace' ? (
        <>
          <p className="muted sim-contact__facts">
            {[source.contact.phone, source.contact.email, source.contact.tags.join(', ')]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <SegmentFacts segmentIds={contact.segmentIds} />
        </>
      ) : (
        <>
          <div className="sim-contact__grid">
            {text('name', t('contacts.name'))}
            {text('phone', t('contacts.phone'), 'tel')}
            {text('email', t('contacts.email'), 'email')}
            {text('zaloUserId', t('contacts.zaloUserId'))}
          </div>
          <KeyValueEditor
            legend={t('contacts.attributes')}
            pairs={contact.attributes}
            onChange={(attributes) => onChange({ ...contact, attributes })}
          />
          <SegmentChoice
            segmentIds={contact.segmentIds}
            onChange={(segmentIds) => onChange({ ...contact, segmentIds })}
          />
        </>
      )}
      {entryEvent && (
        <KeyValueEditor
          legend={t('contacts.entryProperties', { event: entryEvent })}
          pairs={contact.entryProperties}
          onChange={(entryProperties) => onChange({ ...contact, entryProperties })}
        />
      )}
    </li>
  );
}
