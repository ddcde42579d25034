import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../shell/query-state';
import { useSetSmsPrice, useSmsPrice, type SmsPrice } from './channel-queries';
import { smsPriceBody, smsPriceFormSchema, type SmsPriceFormValues } from './sms-price-schema';

/** The account's price per SMS segment, which cost estimates and the ledger use. */
export function SmsPriceForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation('channels');
  const price = useSmsPrice(accountId, true);
  return (
    <section className="channel-section" aria-labelledby="sms-price-title">
      <h2 id="sms-price-title">{t('pricing.title')}</h2>
      {price.isPending || price.isError ? (
        <QueryState error={price.error} onRetry={() => void price.refetch()} />
      ) : (
        <PriceForm accountId={accountId} price={price.data} />
      )}
    </section>
  );
}

function PriceForm({ accountId, price }: { accountId: string; price: SmsPrice }) {
  const { t } = useTranslation('channels');
  const save = useSetSmsPrice(accountId);
  const form = useForm<SmsPriceFormValues>({
    resolver: zodResolver(smsPriceFormSchema),
    defaultValues: { currency: price.currency, perSegment: String(price.perSegment) },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    await save.mutateAsync(smsPriceBody(values)).catch(() => undefined);
  });
  return (
    <form
      className="channel-form channel-form--row"
      onSubmit={onSubmit}
      noValidate
      data-testid="sms-price-form"
    >
      <div className="field">
        <label htmlFor="sms-price-per-segment">{t('pricing.perSegment')}</label>
        <input
          id="sms-price-per-segment"
          inputMode="decimal"
          aria-invalid={errors.perSegment ? true : undefined}
          aria-describedby={errors.perSegment ? 'sms-price-per-segment-error' : undefined}
          {...form.register('perSegment')}
        />
        {errors.perSegment?.message && (
          <span className="field__error" id="sms-price-per-segment-error">
            {t(errors.perSegment.message)}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="sms-price-currency">{t('pricing.currency')}</label>
        <input
          id="sms-price-currency"
          maxLength={3}
          aria-invalid={errors.currency ? true : undefined}
          aria-describedby={errors.currency ? 'sms-price-currency-error' : undefined}
          {...form.register('currency')}
        />
        {errors.currency?.message && (
          <span className="field__error" id="sms-price-currency-error">
            {t(errors.currency.message)}
          </span>
        )}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('pricing.save')}
      </button>
      <p className="muted" role="status">
        {save.isSuccess ? t('pricing.saved') : t(`pricing.source.${price.source}`)}
      </p>
      {save.error && (
        <p className="form-error" role="alert">
          {t('detail.actionFailed', { detail: save.error.message })}
        </p>
      )}
    </form>
  );
}
