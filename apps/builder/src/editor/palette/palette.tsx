import type { NodeType } from '@loa/engine/browser';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepTypeList } from './step-type-list';

/** The searchable list of steps on the left; drag one onto the canvas, or click to add it in view. */
export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const { t } = useTranslation('editor');
  const [query, setQuery] = useState('');
  const searchId = useId();
  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <h2 className="palette__title">{t('palette.title')}</h2>
      <label className="visually-hidden" htmlFor={searchId}>
        {t('palette.search')}
      </label>
      <input
        id={searchId}
        type="search"
        className="palette__search"
        placeholder={t('palette.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="palette__hint">{t('palette.hint')}</p>
      <StepTypeList query={query} onPick={onAdd} draggable />
    </aside>
  );
}
