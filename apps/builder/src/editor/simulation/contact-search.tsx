import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/api-client';
import type { WorkspaceContact } from './simulation-form';

/** Finds contacts of the workspace (GET /contacts?q=) to simulate as they are now, with their segments. */
export function ContactSearch({
  onPick,
  picked,
}: {
  onPick: (contact: WorkspaceContact, segmentIds: string[]) => void;
  picked: Set<string>;
}) {
  const { t } = useTranslation('simulation');
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | undefined>(undefined);
  const found = useQuery({
    queryKey: ['contacts', 'simulation-search', query],
    enabled: query !== undefined,
    queryFn: () =>
      unwrap(api.GET('/contacts', { params: { query: { ...(query && { q: query }), limit: 8 } } })),
  });
  const adding = useMutation({
    mutationFn: async (contact: WorkspaceContact) => {
      const segments = await unwrap(
        api.GET('/contacts/{id}/segments', { params: { path: { id: contact.id } } }),
      );
      return { contact, segmentIds: segments.items.map((segment) => segment.id) };
    },
    onSuccess: ({ contact, segmentIds }) => onPick(contact, segmentIds),
  });
  return (
    <div className="contact-search">
      <form
        role="search"
        className="contact-search__form"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(text.trim());
        }}
      >
        <label className="field field--inline">
          <span className="visually-hidden">{t('contacts.searchLabel')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('contacts.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--small">
          {t('contacts.search')}
        </button>
      </form>
      {found.isFetching && (
        <p className="muted" role="status">
          {t('contacts.searching')}
        </p>
      )}
      {(found.error ?? adding.error) && (
        <p className="form-error" role="alert">
          {(found.error ?? adding.error)?.message}
        </p>
      )}
      {found.data && found.data.items.length === 0 && <p className="muted">{t('contacts.noneFound')}</p>}
      {found.data && found.data.items.length > 0 && (
        <ul className="contact-search__results">
          {found.data.items.map((contact) => (
            <li key={contact.id}>
              <span className="contact-search__name">
                {contact.name ?? contact.email ?? contact.phone ?? contact.id}
                <span className="muted"> {contact.phone ?? contact.email ?? ''}</span>
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={picked.has(contact.id) || adding.isPending}
                onClick={() => adding.mutate(contact as WorkspaceContact)}
              >
                {picked.has(contact.id)
                  ? t('contacts.added')
                  : adding.isPending && adding.variables.id === contact.id
                    ? t('contacts.adding')
                    : t('contacts.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
