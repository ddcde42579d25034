import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CHANNELS,
  CONSENT_STATES,
  type ConsentChannel,
  type ConsentState,
  type ContactFilters,
  type YesNo,
} from './contact-filters';

const YES_NO_FILTERS = ['hasPhone', 'hasEmail', 'doNotContact'] as const;

/** Search (on submit) and filters (on change) of the contact list. */
export function ContactFilterForm({
  filters,
  onChange,
}: {
  filters: ContactFilters;
  onChange: (next: ContactFilters) => void;
}) {
  const { t } = useTranslation('audience');
  const [search, setSearch] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');

  return (
    <form
      className="filters contact-filters"
      role="search"
      aria-label={t('list.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, q: search.trim() || undefined, tag: tag.trim() || undefined });
      }}
    >
      <label className="field field--inline">
        <span className="visually-hidden">{t('list.searchLabel')}</span>
        <input
          type="search"
          value={search}
          placeholder={t('list.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label className="field field--inline">
        <span>{t('list.tag')}</span>
        <input type="text" value={tag} size={10} onChange={(event) => setTag(event.target.value)} />
      </label>
      <button type="submit" className="button">
        {t('list.search')}
      </button>
      {YES_NO_FILTERS.map((key) => (
        <label key={key} className="field field--inline">
          <span>{t(`list.${key}`)}</span>
          <select
            value={filters[key] ?? ''}
            onChange={(event) => onChange({ ...filters, [key]: (event.target.value || undefined) as YesNo })}
          >
            <option value="">{t('list.any')}</option>
            <option value="true">{t('list.yes')}</option>
            <option value="false">{t('list.no')}</option>
          </select>
        </label>
      ))}
      <fieldset className="contact-filters__consent">
        <legend>{t('list.consent')}</legend>
        <label className="field field--inline">
          <span className="visually-hidden">{t('list.consentChannel')}</span>
          <select
            value={filters.consentChannel ?? ''}
            onChange={(event) => {
              const channel = (event.target.value || undefined) as ConsentChannel | undefined;
              onChange({
                ...filters,
                consentChannel: channel,
                consentState: channel ? (filters.consentState ?? 'granted') : undefined,
              });
            }}
          >
            <option value="">{t('list.anyChannel')}</option>
            {CONSENT_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channels.${channel}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="visually-hidden">{t('list.consentState')}</span>
          <select
            value={filters.consentState ?? ''}
            disabled={!filters.consentChannel}
            onChange={(event) => onChange({ ...filters, consentState: event.target.value as ConsentState })}
          >
            {!filters.consentChannel && <option value="">{t('list.any')}</option>}
            {CONSENT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`consentStates.${state}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}
