import { ruleSchema } from '@loa/engine/browser';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContact } from '../audience/contact-queries';
import { useSegments } from '../editor/config/queries';
import { QueryState } from '../shell/query-state';
import { explainLeaf } from './explain-words';
import { useContactSearch, useSegmentExplanation, type SegmentExplanation } from './segment-queries';

type ExplainedRule = SegmentExplanation['tree'];

/** Pick a contact; each rule of the saved segment says whether it held for it, and what it saw. */
export function SegmentExplain(props: {
  segmentId: string;
  /** The form has unsaved changes: the explanation is of the saved rule. */
  unsaved: boolean;
  contactId: string | undefined;
  onContact: (contactId: string) => void;
}) {
  const { t } = useTranslation('segments');
  const [q, setQ] = useState('');
  const search = useContactSearch(q);
  const explanation = useSegmentExplanation(props.segmentId, props.contactId);
  const searchId = useId();
  return (
    <section className="settings-card segment-explain" aria-labelledby="segment-explain-title">
      <h2 id="segment-explain-title">{t('explain.title')}</h2>
      <p className="muted">{t('explain.intro')}</p>
      {props.unsaved && <p className="notice">{t('explain.unsaved')}</p>}
      <div className="field">
        <label htmlFor={searchId}>{t('explain.search')}</label>
        <input
          id={searchId}
          type="search"
          value={q}
          placeholder={t('explain.searchPlaceholder')}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      {q.trim() !== '' && search.data && (
        <ul className="segment-explain__results" aria-label={t('explain.results')}>
          {search.data.length === 0 && <li className="muted">{t('explain.noResults')}</li>}
          {search.data.map((contact) => {
            const name = displayName(contact);
            return (
              <li key={contact.id}>
                <button
                  type="button"
                  className="button button--small"
                  aria-pressed={contact.id === props.contactId}
                  onClick={() => {
                    props.onContact(contact.id);
                    setQ('');
                  }}
                >
                  {name}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {props.contactId &&
        (explanation.isPending || explanation.isError ? (
          <QueryState error={explanation.error} onRetry={() => void explanation.refetch()} />
        ) : (
          <Verdict explanation={explanation.data} />
        ))}
    </section>
  );
}

function Verdict({ explanation }: { explanation: SegmentExplanation }) {
  const { t } = useTranslation('segments');
  const contact = useContact(explanation.contactId).data;
  const name = contact ? displayName(contact) : '…';
  return (
    <div
      className="segment-explain__verdict"
      data-testid="explanation"
      data-matches={explanation.matches}
      aria-live="polite"
    >
      <p className={`segment-explain__answer segment-explain__answer--${explanation.matches ? 'in' : 'out'}`}>
        <Link to={`/contacts/${explanation.contactId}`}>
          {t(explanation.matches ? 'explain.in' : 'explain.notIn', { name })}
        </Link>
      </p>
      {explanation.excluded && <p className="notice">{t(`explain.excluded.${explanation.excluded}`)}</p>}
      {explanation.member !== explanation.matches && <p className="muted">{t('explain.memberPending')}</p>}
      <ExplainedNode node={explanation.tree} />
    </div>
  );
}

function ExplainedNode({ node }: { node: ExplainedRule }) {
  const { t } = useTranslation('segments');
  const { t: tc } = useTranslation('config');
  const segments = useSegments();
  const outcome = (
    <span className={`badge badge--${node.passed ? 'up' : 'down'}`}>
      {node.passed ? t('explain.holds') : t('explain.fails')}
    </span>
  );
  if (node.rules) {
    const held = node.rules.filter((rule) => rule.passed).length;
    return (
      <div className="segment-explain__group" data-path={node.path} data-passed={node.passed}>
        <p className="segment-explain__line">
          {outcome}{' '}
          {t(node.match === 'any' ? 'explain.groupAny' : 'explain.groupAll', {
            held,
            total: node.rules.length,
          })}
        </p>
        <ol className="segment-explain__rules">
          {node.rules.map((child) => (
            <li key={child.path}>
              <ExplainedNode node={child} />
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const parsed = ruleSchema.safeParse(node.rule);
  const kind = parsed.data?.kind;
  const name = (id: string) => segments.data?.find((segment) => segment.id === id)?.name;
  return (
    <p
      className="segment-explain__line"
      data-testid="explained-rule"
      data-path={node.path}
      data-passed={node.passed}
    >
      {outcome} {kind && <strong>{tc(`rules.kinds.${kind}`)}: </strong>}
      {parsed.success ? (
        explainLeaf(parsed.data, node.observed, (key, values) => t(key, values ?? {}), name)
      ) : (
        <span lang="en">{node.explanation}</span>
      )}
    </p>
  );
}

function displayName(contact: {
  id: string;
  name: string | null;
  externalId: string | null;
  phone: string | null;
  email: string | null;
}): string {
  return contact.name ?? contact.externalId ?? contact.phone ?? contact.email ?? contact.id;
}
