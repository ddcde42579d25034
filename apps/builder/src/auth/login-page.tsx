import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { isProblem } from '../api/api-problem';
import { safeNext } from './safe-next';
import { SESSION_KEY, signIn, useSession } from './session';

const loginSchema = z.object({
  email: z.email({ message: 'invalidEmail' }),
  password: z.string().min(1, { message: 'passwordRequired' }),
});
type LoginForm = z.infer<typeof loginSchema>;

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const next = safeNext(params.get('next'));
  const form = useForm<LoginForm>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  if (session.data) return <Navigate to={next} replace />;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    try {
      const me = await signIn(email, password);
      queryClient.setQueryData(SESSION_KEY, me);
      await navigate(next, { replace: true });
    } catch (error) {
      const message = isProblem(error, 401)
        ? t('wrongCredentials')
        : isProblem(error, 429)
          ? t('tooManyAttempts')
          : t('failed', { detail: error instanceof Error ? error.message : String(error) });
      form.setError('root', { message });
    }
  });

  const notice = params.get('reason');
  return (
    <main className="login">
      <form className="login__card" onSubmit={onSubmit} noValidate aria-labelledby="login-title">
        <div className="login__brand">Loa</div>
        <h1 id="login-title">{t('title')}</h1>
        {notice === 'signed-out' && <p className="notice">{t('signedOut')}</p>}
        {notice === 'expired' && <p className="notice">{t('sessionExpired')}</p>}
        <label className="field">
          <span>{t('email')}</span>
          <input
            type="email"
            autoComplete="username"
            autoFocus
            aria-invalid={errors.email ? true : undefined}
            {...form.register('email')}
          />
          {errors.email?.message && <span className="field__error">{t(errors.email.message)}</span>}
        </label>
        <label className="field">
          <span>{t('password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            {...form.register('password')}
          />
          {errors.password?.message && <span className="field__error">{t(errors.password.message)}</span>}
        </label>
        {errors.root?.message && (
          <p className="form-error" role="alert">
            {errors.root.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('submitting') : t('submit')}
        </button>
      </form>
    </main>
  );
}
