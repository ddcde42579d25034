import { useTranslation } from 'react-i18next';
import type { GraphDiff, NodeChangeKind } from './graph-diff';

const KINDS: NodeChangeKind[] = ['added', 'changed', 'removed'];

/** The legend of the diff's colours, then every change in words. */
export function DiffSummary({
  diff,
  nameOf,
  fromLabel,
  toLabel,
}: {
  diff: GraphDiff;
  nameOf: (nodeId: string) => string;
  fromLabel: string;
  toLabel: string;
}) {
  const { t } = useTranslation('versions');
  const count = (kind: NodeChangeKind) => diff.changes.filter((entry) => entry.kind === kind).length;
  const nothing = diff.changes.length === 0 && diff.settingsChanged.length === 0;
  return (
    <section className="diff" aria-labelledby="diff-title" data-testid="diff-summary">
      <h2 id="diff-title" className="diff__title">
        {t('diff.title', { from: fromLabel, to: toLabel })}
      </h2>
      <ul className="diff__legend" aria-label={t('diff.legend')}>
        {KINDS.map((kind) => (
          <li key={kind} className={`diff__key diff__key--${kind}`}>
            <span className="diff__swatch" aria-hidden="true" />
            {t(`diff.kinds.${kind}`)} <strong>{count(kind)}</strong>
          </li>
        ))}
      </ul>
      {nothing && <p className="muted">{t('diff.none')}</p>}
      <ul className="diff__changes">
        {diff.changes.map((entry) => (
          <li key={`${entry.kind}:${entry.nodeId}`} className={`diff__change diff__change--${entry.kind}`}>
            <span className={`diff__tag diff__tag--${entry.kind}`}>{t(`diff.kinds.${entry.kind}`)}</span>
            <span className="diff__node">{nameOf(entry.nodeId)}</span>
            {entry.fields.length > 0 && (
              <span className="diff__fields">{t('diff.fields', { fields: entry.fields.join(', ') })}</span>
            )}
            {entry.connectionsAdded.map((connection) => (
              <span key={`+${connection.sourceHandle}${connection.target}`} className="diff__connection">
                {t('diff.connectionAdded', {
                  handle: connection.sourceHandle,
                  target: nameOf(connection.target),
                })}
              </span>
            ))}
            {entry.connectionsRemoved.map((connection) => (
              <span key={`-${connection.sourceHandle}${connection.target}`} className="diff__connection">
                {t('diff.connectionRemoved', {
                  handle: connection.sourceHandle,
                  target: nameOf(connection.target),
                })}
              </span>
            ))}
          </li>
        ))}
        {diff.settingsChanged.length > 0 && (
          <li className="diff__change diff__change--changed">
            <span className="diff__tag diff__tag--changed">{t('diff.kinds.changed')}</span>
            <span className="diff__node">{t('diff.settings')}</span>
            <span className="diff__fields">
              {t('diff.fields', { fields: diff.settingsChanged.join(', ') })}
            </span>
          </li>
        )}
      </ul>
      {diff.moved.length > 0 && (
        <p className="muted diff__moved">{t('diff.moved', { count: diff.moved.length })}</p>
      )}
    </section>
  );
}
