import type { NodeType } from '@loa/engine/browser';
import { useTranslation } from 'react-i18next';
import { Icon } from '../canvas/icons';
import { searchPalette } from './palette-search';

export const DRAG_TYPE = 'application/x-loa-step-type';

/** Step types grouped by category, filtered by `query`; each can be dragged (to the canvas) or picked. */
export function StepTypeList({
  query,
  onPick,
  draggable,
  withTriggers = true,
}: {
  query: string;
  onPick: (type: NodeType) => void;
  draggable: boolean;
  withTriggers?: boolean;
}) {
  const { t } = useTranslation('editor');
  const groups = searchPalette(query).filter((group) => withTriggers || group.category !== 'trigger');
  if (groups.length === 0) return <p className="palette__empty">{t('palette.empty')}</p>;
  return (
    <div className="palette__groups">
      {groups.map((group) => (
        <section
          key={group.category}
          className="palette__group"
          aria-label={t(`categories.${group.category}`)}
        >
          <h3 className="palette__category">{t(`categories.${group.category}`)}</h3>
          <ul className="palette__items">
            {group.types.map((type) => (
              <li key={type}>
                <button
                  type="button"
                  className={`palette__item palette__item--${group.category}`}
                  draggable={draggable}
                  data-step-type={type}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(DRAG_TYPE, type);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => onPick(type)}
                >
                  <span className="palette__icon">
                    <Icon name={group.category} size={15} />
                  </span>
                  {t(`types.${type}`)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
