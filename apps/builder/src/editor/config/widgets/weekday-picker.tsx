import { useTranslation } from 'react-i18next';
import { useConfigForm } from '../form-context';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** ISO weekdays (1 = Monday) as toggle buttons, with shortcuts for every day and working days. */
export function WeekdayPicker(props: { value: number[]; onChange: (days: number[]) => void }) {
  const { t } = useTranslation('config');
  const { readOnly } = useConfigForm();
  const chosen = new Set(props.value);
  const toggle = (day: number) =>
    props.onChange(
      DAYS.filter((candidate) => (candidate === day ? !chosen.has(day) : chosen.has(candidate))),
    );
  return (
    <div className="weekday-picker">
      <div className="weekday-picker__days">
        {DAYS.map((day) => (
          <button
            key={day}
            type="button"
            className="weekday-picker__day"
            aria-pressed={chosen.has(day)}
            title={t(`weekdayNames.${day}`)}
            disabled={readOnly}
            onClick={() => toggle(day)}
          >
            <span aria-hidden="true">{t(`weekdays.${day}`)}</span>
            <span className="visually-hidden">{t(`weekdayNames.${day}`)}</span>
          </button>
        ))}
      </div>
      <div className="weekday-picker__shortcuts">
        <button
          type="button"
          className="button button--small"
          disabled={readOnly}
          onClick={() => props.onChange(DAYS)}
        >
          {t('everyDay')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={readOnly}
          onClick={() => props.onChange([1, 2, 3, 4, 5])}
        >
          {t('weekdaysOnly')}
        </button>
      </div>
    </div>
  );
}
