import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/formats';
import { CONSENT_CHANNELS } from './contact-filters';
import type { Contact } from './contact-queries';

/** The contact's own data: identifiers, attributes, Zalo identities and consent per channel. */
export function ContactDetails({ contact, timeZone }: { contact: Contact; timeZone: string }) {
  const { t } = useTranslation('audience');
  const attributes = Object.entries(contact.attributes);
  const when = (value: string) => formatDateTime(value, timeZone);

  return (
    <div className="contact-profile__details">
      <section
        className="settings-card"
        aria-labelledby="contact-fields-title"
        data-testid="contact-attributes"
      >
        <h2 id="contact-fields-title">{t('profile.attributes')}</h2>
        <dl className="contact-profile__fields">
          <dt>{t('profile.fields.externalId')}</dt>
          <dd>{contact.externalId ?? '—'}</dd>
          <dt>{t('profile.fields.phone')}</dt>
          <dd>{contact.phone ?? '—'}</dd>
          <dt>{t('profile.fields.email')}</dt>
          <dd>{contact.email ?? '—'}</dd>
          <dt>{t('profile.fields.tags')}</dt>
          <dd>{contact.tags.length ? contact.tags.join(', ') : '—'}</dd>
          <dt>{t('profile.fields.score')}</dt>
          <dd>{contact.score}</dd>
          <dt>{t('profile.fields.updatedAt')}</dt>
          <dd>{when(contact.updatedAt)}</dd>
          {attributes.map(([key, value]) => (
            <div key={key} className="contact-profile__attribute" data-attribute={key}>
              <dt>{key}</dt>
              <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
        {attributes.length === 0 && <p className="muted">{t('profile.noAttributes')}</p>}
      </section>

      <section
        className="settings-card"
        aria-labelledby="contact-consents-title"
        data-testid="contact-consents"
      >
        <h2 id="contact-consents-title">{t('profile.consents')}</h2>
        <dl className="contact-profile__fields">
          {CONSENT_CHANNELS.map((channel) => {
            const consent = contact.consents[channel];
            return (
              <div key={channel} data-consent={channel} data-state={consent?.state ?? 'unknown'}>
                <dt>{t(`channels.${channel}`)}</dt>
                <dd>
                  {consent
                    ? t('profile.consentOf', {
                        state: t(`consentStates.${consent.state}`),
                        source: consent.source,
                        when: when(consent.at),
                      })
                    : t('consentStates.unknown')}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className="settings-card" aria-labelledby="contact-identities-title">
        <h2 id="contact-identities-title">{t('profile.identities')}</h2>
        {contact.identities.length === 0 ? (
          <p className="muted">{t('profile.noIdentities')}</p>
        ) : (
          <ul className="contact-profile__identities">
            {contact.identities.map((identity) => (
              <li key={`${identity.oaId}:${identity.userId}`} data-follower={identity.follower}>
                <strong>{t('profile.oa', { oaId: identity.oaId })}</strong> · {identity.userId} ·{' '}
                {identity.follower ? t('profile.follower') : t('profile.notFollower')}
                {identity.followedAt && (
                  <> · {t('profile.followedAt', { when: when(identity.followedAt) })}</>
                )}
                {identity.lastInteractionAt && (
                  <> · {t('profile.lastInteraction', { when: when(identity.lastInteractionAt) })}</>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
