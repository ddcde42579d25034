import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../format/formats';
import type { Contact } from './contact-queries';

const ROW_HEIGHT = 44;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

/** Only the rows in view are in the page, so a list of 100,000 contacts scrolls as smoothly as one of 50. */
export function VirtualContactList({
  contacts,
  timeZone,
  hasMore,
  loadingMore,
  onNeedMore,
}: {
  contacts: Contact[];
  timeZone: string;
  hasMore: boolean;
  loadingMore: boolean;
  onNeedMore: () => void;
}) {
  const { t } = useTranslation('audience');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= contacts.length - PREFETCH_ROWS) onNeedMore();
  }, [hasMore, loadingMore, lastIndex, contacts.length, onNeedMore]);

  return (
    <>
      <div
        className="contact-list"
        role="table"
        aria-label={t('list.title')}
        aria-rowcount={contacts.length + 1}
      >
        <div role="rowgroup">
          <div role="row" className="contact-list__row contact-list__row--head" aria-rowindex={1}>
            {(['name', 'phone', 'email', 'tags', 'created'] as const).map((column) => (
              <span key={column} role="columnheader">
                {t(`list.columns.${column}`)}
              </span>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          className="contact-list__scroller"
          role="rowgroup"
          tabIndex={0}
          aria-label={t('list.title')}
          data-testid="contact-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const contact = contacts[row.index]!;
              return (
                <div
                  key={contact.id}
                  role="row"
                  aria-rowindex={row.index + 2}
                  className="contact-list__row"
                  data-testid="contact-row"
                  data-contact-id={contact.id}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                >
                  <span role="cell">
                    <Link to={`/contacts/${contact.id}`} className="table__primary">
                      {contact.name ?? t('list.noName')}
                    </Link>
                  </span>
                  <span role="cell">{contact.phone ?? ''}</span>
                  <span role="cell">{contact.email ?? ''}</span>
                  <span role="cell" className="contact-list__tags">
                    {contact.tags.join(', ')}
                  </span>
                  <span role="cell">{formatDate(contact.createdAt, timeZone)}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p role="status" className="muted contact-list__status">
        {loadingMore ? t('list.loadingMore') : ''}
      </p>
    </>
  );
}
