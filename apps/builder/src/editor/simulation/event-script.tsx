import { useTranslation } from 'react-i18next';
import { contactName } from './contact-card';
import { KeyValueEditor } from './key-value-editor';
import type { FormContact, FormEvent, TimeUnit } from './simulation-form';

const UNITS: TimeUnit[] = ['minutes', 'hours', 'days'];

/** Events the contacts produce after they enter: which contact, which event, when, with which properties. */
export function EventScript({
  events,
  contacts,
  eventNames,
  onChange,
}: {
  events: FormEvent[];
  contacts: FormContact[];
  eventNames: string[];
  onChange: (events: FormEvent[]) => void;
}) {
  const { t } = useTranslation('simulation');
  const update = (index: number, change: Partial<FormEvent>) =>
    onChange(events.map((event, at) => (at === index ? { ...event, ...change } : event)));
  const first = contacts[0];
  return (
    <div className="sim-events">
      <datalist id="sim-event-names">
        {eventNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {events.length === 0 && <p className="muted">{t('events.none')}</p>}
      <ol className="sim-events__list">
        {events.map((event, index) => (
          <li key={index} className="sim-event" data-testid="sim-event">
            <div className="sim-event__row">
              <label className="field sim-field">
                <span>{t('events.contact')}</span>
                <select
                  value={event.contactKey}
                  onChange={(change) => update(index, { contactKey: change.target.value })}
                >
                  {contacts.map((contact) => (
                    <option key={contact.key} value={contact.key}>
                      {contactName(contact)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field sim-field">
                <span>{t('events.name')}</span>
                <input
                  list="sim-event-names"
                  value={event.name}
                  placeholder="order.paid"
                  onChange={(change) => update(index, { name: change.target.value })}
                />
              </label>
            </div>
            <div className="sim-event__row">
              <label className="field sim-field sim-field--narrow">
                <span>{t('events.after')}</span>
                <input
                  type="number"
                  min={0}
                  value={event.after}
                  onChange={(change) => update(index, { after: Number(change.target.value) })}
                />
              </label>
              <label className="field sim-field">
                <span>{t('events.unit')}</span>
                <select
                  value={event.unit}
                  onChange={(change) => update(index, { unit: change.target.value as TimeUnit })}
                >
                  {UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`units.${unit}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button--subtle button--small sim-event__remove"
                aria-label={t('events.remove', { row: index + 1 })}
                onClick={() => onChange(events.filter((_, at) => at !== index))}
              >
                {t('remove')}
              </button>
            </div>
            <KeyValueEditor
              legend={t('events.properties')}
              pairs={event.properties}
              onChange={(properties) => update(index, { properties })}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        disabled={!first}
        onClick={() =>
          first &&
          onChange([
            ...events,
            { contactKey: first.key, name: eventNames[0] ?? '', properties: [], after: 1, unit: 'hours' },
          ])
        }
      >
        {t('events.add')}
      </button>
    </div>
  );
}
