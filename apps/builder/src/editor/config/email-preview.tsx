import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderEmailForPreview, type EmailContent } from './email-preview-render';
import { PreviewContactSelect } from './preview-contact-select';
import { previewContactAt, previewName } from './preview-contacts';

type Version = 'html' | 'text';

/**
 * The e-mail as the chosen sample contact receives it: the subject, and the HTML body in a sandboxed frame (no
 * scripts, no access to the builder) or the plain-text body; what does not render for this contact is listed.
 */
export function EmailPreview({ content }: { content: EmailContent }) {
  const { t } = useTranslation('config');
  const [contactIndex, setContactIndex] = useState(0);
  const [version, setVersion] = useState<Version>('html');
  const contact = previewContactAt(contactIndex);
  const { rendered, problems } = renderEmailForPreview(content, contact);
  const versionButton = (value: Version, label: string) => (
    <button
      type="button"
      className="button button--small"
      aria-pressed={version === value}
      onClick={() => setVersion(value)}
    >
      {label}
    </button>
  );
  return (
    <section className="sms-preview" aria-label={t('email.preview')}>
      <header className="zns-preview__head">
        <h3>{t('email.preview')}</h3>
        <PreviewContactSelect value={contactIndex} onChange={setContactIndex} />
      </header>
      <p className="email-preview__subject">
        <span className="muted">{t('email.subject')}: </span>
        <strong data-testid="email-preview-subject">
          {rendered.subject ||
            (problems.some((problem) => problem.field === 'subject' && problem.kind === 'error')
              ? t('email.subjectDoesNotRender')
              : t('email.noSubject'))}
        </strong>
      </p>
      <div className="email-preview__versions" role="group" aria-label={t('email.version')}>
        {versionButton('html', t('email.html'))}
        {versionButton('text', t('email.plainText'))}
      </div>
      {version === 'html' ? (
        <iframe
          className="email-preview__frame"
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={rendered.html}
          title={t('email.frame', { name: previewName(contact) })}
        />
      ) : (
        <pre className="email-preview__text" data-testid="email-preview-text">
          {rendered.text}
        </pre>
      )}
      {problems.length > 0 && (
        <ul className="config-field__issues" aria-label={t('email.problems')}>
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.kind}`}>
              {t(problem.kind === 'error' ? 'email.renderError' : 'email.missing', {
                field: t(`email.fields.${problem.field}`),
                error: problem.message,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
