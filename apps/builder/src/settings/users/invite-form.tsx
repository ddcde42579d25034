import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldError, SERVER_ERROR } from '../field-error';
import { formErrorsOf } from '../field-errors';
import { OneTimeSecret } from '../one-time-secret';
import { ROLES } from '../roles';
import { useInvite } from './user-queries';

const inviteSchema = z.object({
  email: z.email({ message: 'users.invite.emailInvalid' }),
  role: z.enum(ROLES),
});
type InviteForm = z.infer<typeof inviteSchema>;

/** The address of the accept page for an invitation token (apps/builder/src/auth/invitation-accept-page.tsx). */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitations/accept?${new URLSearchParams({ token }).toString()}`;
}

/** Invite someone by e-mail with a role; the link with the invitation token the API answers is shown once. */
export function InviteForm() {
  const { t } = useTranslation('settings');
  const invite = useInvite();
  const id = useId();
  const [sent, setSent] = useState<{ email: string; token: string }>();
  const form = useForm<InviteForm>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: '', role: 'marketer' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const invitation = await invite.mutateAsync(values);
      setSent({ email: invitation.email, token: invitation.token });
      form.reset();
    } catch (error) {
      const { fields, root } = formErrorsOf(error, (field) => field === 'email' || field === 'role');
      for (const { field, message } of fields)
        form.setError(field as keyof InviteForm, { type: SERVER_ERROR, message });
      if (root) form.setError('root', { message: root });
    }
  });

  return (
    <section className="settings-card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('users.invite.title')}</h2>
      {sent && (
        <OneTimeSecret
          title={t('users.invite.sentTitle', { email: sent.email })}
          hint={t('users.invite.linkHint')}
          secret={invitationLink(window.location.origin, sent.token)}
          onDismiss={() => setSent(undefined)}
        />
      )}
      <form className="settings-form settings-form--row" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span>{t('users.invite.email')}</span>
          <input type="email" aria-invalid={errors.email ? true : undefined} {...form.register('email')} />
          <FieldError error={errors.email} />
        </label>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('users.invite.role')}</label>
          <select id={`${id}-role`} {...form.register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`, { ns: 'common' })}
              </option>
            ))}
          </select>
          <FieldError error={errors.role} />
        </div>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('users.invite.submit')}
        </button>
      </form>
      {errors.root?.message && (
        <p className="form-error" role="alert">
          {errors.root.message}
        </p>
      )}
    </section>
  );
}
