import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { isProblem } from '../api/api-problem';
import { acceptInvitation, SESSION_KEY } from './session';

const acceptSchema = z.object({
  name: z.string().trim().min(1, { message: 'invitation.nameRequired' }).max(200),
  password: z.string().min(10, { message: 'invitation.passwordTooShort' }).max(200),
});
type AcceptForm = z.infer<typeof acceptSchema>;

/** The page an invitation link opens: the invitee picks a name and password, joins, and is signed in. */
export function InvitationAcceptPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<AcceptForm>({
    resolver: zodResolver(acceptSchema),
    defaultValues: { name: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ name, password }) => {
    try {
      const me = await acceptInvitation(token, name, password);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, me);
      await navigate('/', { replace: true });
    } catch (error) {
      const field = isProblem(error) ? error.fieldErrors[0] : undefined;
      if (field?.field === 'password') form.setError('password', { message: field.message });
      else if (field?.field === 'name') form.setError('name', { message: field.message });
      else
        form.setError('root', {
          message:
            field?.field === 'token'
              ? t('invitation.invalidToken')
              : t('invitation.failed', { detail: error instanceof Error ? error.message : String(error) }),
        });
    }
  });

  return (
    <main className="login">
      <form className="login__card" onSubmit={onSubmit} noValidate aria-labelledby="invitation-title">
        <div className="login__brand">Loa</div>
        <h1 id="invitation-title">{t('invitation.title')}</h1>
        {token ? (
          <>
            <p>{t('invitation.intro')}</p>
            <label className="field">
              <span>{t('invitation.name')}</span>
              <input
                type="text"
                autoComplete="name"
                autoFocus
                aria-invalid={errors.name ? true : undefined}
                {...form.register('name')}
              />
              {errors.name?.message && <span className="field__error">{t(errors.name.message)}</span>}
            </label>
            <label className="field">
              <span>{t('invitation.password')}</span>
              <input
                type="password"
                autoComplete="new-password"
                aria-invalid={errors.password ? true : undefined}
                aria-describedby="invitation-password-hint"
                {...form.register('password')}
              />
              <span id="invitation-password-hint" className="field__hint">
                {t('invitation.passwordHint')}
              </span>
              {errors.password?.message && <span className="field__error">{t(errors.password.message)}</span>}
            </label>
            {errors.root?.message && (
              <p className="form-error" role="alert">
                {errors.root.message}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t('invitation.submitting') : t('invitation.submit')}
            </button>
          </>
        ) : (
          <p className="form-error" role="alert">
            {t('invitation.missingToken')}
          </p>
        )}
      </form>
    </main>
  );
}
