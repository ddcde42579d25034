import type { SimulatedContact, SimulationResult } from '@loa/engine/browser';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDateTime, formatVnd } from '../../format/formats';
import { formatOffset, messagePreview, timelineOf, type TimelineRow } from './simulation-view';

const OUTCOMES = new Set([
  'entered',
  'waiting',
  'elapsed',
  'matched',
  'timeout',
  'yes',
  'no',
  'sent',
  'failed',
  'blocked',
  'deferred',
  'held',
  'converted',
  'updated',
  'success',
  'failure',
]);

function useOutcomeText() {
  const { t } = useTranslation('simulation');
  return (outcome: string) => {
    if (outcome.startsWith('exit:')) return t('outcome.exit', { reason: outcome.slice(5) });
    if (outcome.startsWith('variant:')) return t('outcome.variant', { variant: outcome.slice(8) });
    return OUTCOMES.has(outcome) ? t(`outcome.${outcome}` as 'outcome.sent') : outcome;
  };
}

/** Totals, the contact whose path the canvas shows, its timeline and the messages it would get. */
export function SimulationResults({
  result,
  names,
  selected,
  onSelect,
  timezone,
}: {
  result: SimulationResult;
  names: Map<string, string>;
  selected: string | undefined;
  onSelect: (contactId: string) => void;
  timezone: string;
}) {
  const { t } = useTranslation('simulation');
  const groupId = useId();
  const contact = result.contacts.find((candidate) => candidate.contactId === selected);
  return (
    <section className="sim-results" aria-labelledby={`${groupId}-title`} data-testid="sim-results">
      <h3 id={`${groupId}-title`}>{t('results.title')}</h3>
      <dl className="sim-totals">
        <div>
          <dt>{t('results.entered')}</dt>
          <dd>{formatCount(result.totals.entered)}</dd>
        </div>
        <div>
          <dt>{t('results.messages')}</dt>
          <dd>{formatCount(result.totals.messages)}</dd>
        </div>
        <div>
          <dt>{t('results.converted')}</dt>
          <dd>{formatCount(result.totals.converted)}</dd>
        </div>
        <div>
          <dt>{t('results.cost')}</dt>
          <dd data-testid="sim-total-cost">{formatVnd(result.totals.costVnd)}</dd>
        </div>
      </dl>
      <fieldset className="sim-picker">
        <legend>{t('results.showPathOf')}</legend>
        {result.contacts.map((entry) => (
          <label key={entry.contactId} className="sim-picker__option">
            <input
              type="radio"
              name={`${groupId}-contact`}
              checked={entry.contactId === selected}
              onChange={() => onSelect(entry.contactId)}
            />
            <span className="sim-picker__name">{names.get(entry.contactId) ?? entry.contactId}</span>
            <span className="muted">{contactSummary(entry, t)}</span>
          </label>
        ))}
      </fieldset>
      {contact && <ContactRun contact={contact} timezone={timezone} />}
    </section>
  );
}

function contactSummary(contact: SimulatedContact, t: TFunction<'simulation'>): string {
  if (!contact.entered) return t('results.notEntered');
  const parts = [
    contact.exitReason === null
      ? t('results.stillWaiting')
      : t('results.exited', { reason: contact.exitReason }),
    t('results.messageCount', { count: contact.messages.length }),
    formatVnd(contact.costVnd),
  ];
  if (contact.converted) parts.unshift(t('results.convertedShort'));
  return parts.join(' · ');
}

function ContactRun({ contact, timezone }: { contact: SimulatedContact; timezone: string }) {
  const { t } = useTranslation('simulation');
  const outcomeText = useOutcomeText();
  if (!contact.entered)
    return (
      <p className="notice" data-testid="sim-not-entered">
        {t('results.notEnteredBecause', { reason: contact.notEnteredReason ?? '' })}
      </p>
    );
  const rows = timelineOf(contact);
  return (
    <div className="sim-run">
      <table className="table sim-timeline" data-testid="sim-timeline">
        <caption className="visually-hidden">{t('results.timeline')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.when')}</th>
            <th scope="col">{t('results.step')}</th>
            <th scope="col">{t('results.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`sim-timeline__row sim-timeline__row--${row.tone}`}>
              <td>
                <span className="sim-timeline__offset">{formatOffset(row.sinceEntryMs)}</span>
                <span className="muted sim-timeline__at">{formatDateTime(row.at, timezone)}</span>
              </td>
              <td>{row.label}</td>
              <td>
                <span className={`sim-outcome-tag sim-outcome-tag--${row.tone}`}>
                  {outcomeText(row.outcome)}
                </span>
                {row.message?.error && <span className="sim-timeline__detail">{row.message.error}</span>}
                {row.deferredBy && (
                  <span className="sim-timeline__detail">
                    {t('results.deferredBy', { reasons: row.deferredBy.join(', ') })}
                  </span>
                )}
                {row.detail && !row.message?.error && (
                  <span className="sim-timeline__detail muted">{row.detail}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="sim-run__heading">{t('results.renderedMessages')}</h4>
      {contact.messages.length === 0 && <p className="muted">{t('results.noMessages')}</p>}
      <ul className="sim-messages">
        {rows
          .flatMap((row) => (row.message ? [row] : []))
          .map((row) => (
            <MessageCard key={row.key} row={row} timezone={timezone} />
          ))}
      </ul>
    </div>
  );
}

function MessageCard({ row, timezone }: { row: TimelineRow; timezone: string }) {
  const { t } = useTranslation('simulation');
  const message = row.message!;
  const preview = messagePreview(message);
  return (
    <li className={`sim-message sim-message--${message.outcome}`} data-testid="sim-message">
      <div className="sim-message__head">
        <span className="chip">{message.channel.toUpperCase()}</span>
        <strong>{message.label}</strong>
        <span className="sim-message__cost">{formatVnd(message.costVnd)}</span>
      </div>
      {preview.title && <p className="sim-message__title">{preview.title}</p>}
      <pre className="sim-message__body">{preview.body}</pre>
      <p className="muted sim-message__meta">
        {t(`results.messageOutcome.${message.outcome}`)} · {formatDateTime(message.at, timezone)}
        {message.segments !== undefined && ` · ${t('results.segments', { count: message.segments })}`}
        {message.error && ` · ${message.error}`}
      </p>
      {message.renderErrors.length > 0 && (
        <ul className="form-error">
          {message.renderErrors.map((error) => (
            <li key={error.field}>
              {error.field}: {error.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
