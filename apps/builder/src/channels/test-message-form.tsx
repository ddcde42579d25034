import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSendTestMessage, useZnsTemplates, type ChannelAccount } from './channel-queries';
import {
  testMessageBody,
  testMessageSchema,
  type TestChannel,
  type TestMessageValues,
} from './test-message-schema';

/** Sends one transactional test message from the account: ZNS with a template and its params, SMS or e-mail. */
export function TestMessageForm({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation('channels');
  const channel: TestChannel = account.kind === 'zalo_oa' ? 'zns' : account.kind === 'smtp' ? 'email' : 'sms';
  const templates = useZnsTemplates(account.id, channel === 'zns');
  const approved = (templates.data ?? []).filter((template) => template.status === 'ENABLE');
  const send = useSendTestMessage(account.id);
  const templateOf = (id: string) => approved.find((candidate) => candidate.templateId === id);
  const form = useForm<TestMessageValues>({
    defaultValues: { to: '', text: '', subject: '', templateId: '', templateData: {} },
    // The rules follow the chosen template's params.
    resolver: (values, context, options) =>
      zodResolver(testMessageSchema(channel, templateOf(values.templateId)))(values, context, options),
  });
  const template = templateOf(form.watch('templateId'));
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    await send.mutateAsync(testMessageBody(channel, values, template)).catch(() => undefined);
  });

  const fieldError = (message: string | undefined, id: string) =>
    message && (
      <span className="field__error" id={id}>
        {t(message, { defaultValue: message })}
      </span>
    );

  return (
    <section className="channel-section" aria-labelledby="test-message-title">
      <h2 id="test-message-title">{t('testMessage.title')}</h2>
      <form
        className="channel-form channel-form--inline"
        onSubmit={onSubmit}
        noValidate
        data-testid="test-message-form"
      >
        <div className="field">
          <label htmlFor="test-to">
            {channel === 'email' ? t('testMessage.toEmail') : t('testMessage.toPhone')}
          </label>
          <input
            id="test-to"
            type={channel === 'email' ? 'email' : 'tel'}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? 'test-to-error' : undefined}
            {...form.register('to')}
          />
          {fieldError(errors.to?.message, 'test-to-error')}
        </div>
        {channel === 'zns' ? (
          approved.length === 0 ? (
            <p className="muted">{t('testMessage.noTemplates')}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="test-template">{t('testMessage.template')}</label>
                <select id="test-template" {...form.register('templateId')}>
                  <option value="">{t('testMessage.chooseTemplate')}</option>
                  {approved.map((candidate) => (
                    <option key={candidate.templateId} value={candidate.templateId}>
                      {candidate.name} ({candidate.templateId})
                    </option>
                  ))}
                </select>
                {fieldError(errors.templateId?.message, 'test-template-error')}
              </div>
              {template?.params.map((param) => {
                const id = `test-param-${param.name}`;
                const message = errors.templateData?.[param.name]?.message;
                return (
                  <div className="field" key={`${template.templateId}-${param.name}`}>
                    <label htmlFor={id}>{param.name}</label>
                    <input
                      id={id}
                      maxLength={param.maxLength}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${id}-error` : undefined}
                      {...form.register(`templateData.${param.name}`)}
                    />
                    {fieldError(message, `${id}-error`)}
                  </div>
                );
              })}
            </>
          )
        ) : (
          <>
            {channel === 'email' && (
              <div className="field">
                <label htmlFor="test-subject">{t('testMessage.subject')}</label>
                <input id="test-subject" {...form.register('subject')} />
              </div>
            )}
            <div className="field">
              <label htmlFor="test-text">{t('testMessage.text')}</label>
              <textarea id="test-text" rows={2} {...form.register('text')} />
              {fieldError(errors.text?.message, 'test-text-error')}
            </div>
          </>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('testMessage.sending') : t('testMessage.send')}
          </button>
        </div>
        {send.data && (
          <p
            className={send.data.status === 'sent' ? 'notice' : 'form-error'}
            role="status"
            data-testid="test-message-result"
          >
            {t('testMessage.result', { status: send.data.status })}
            {send.data.errorMessage && ` — ${send.data.errorMessage}`}
            {send.data.reason && ` — ${send.data.reason}`}
          </p>
        )}
        {send.error && (
          <p className="form-error" role="alert">
            {t('detail.actionFailed', { detail: send.error.message })}
          </p>
        )}
      </form>
    </section>
  );
}
