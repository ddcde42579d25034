import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { previewContacts, previewName } from './preview-contacts';

/** Which sample contact the preview renders for (selecting stays possible when read only). */
export function PreviewContactSelect(props: { value: number; onChange: (index: number) => void }) {
  const { t } = useTranslation('config');
  const id = useId();
  return (
    <span className="preview-contact">
      <label htmlFor={id}>{t('zns.previewFor')}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {previewContacts.map((contact, index) => (
          <option key={contact.id} value={index}>
            {previewName(contact)}
          </option>
        ))}
      </select>
    </span>
  );
}
