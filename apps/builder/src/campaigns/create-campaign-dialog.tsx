import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { useCreateCampaign } from './campaign-queries';
import { BLANK_GRAPH, FLOW_TEMPLATES } from './flow-templates';

const createSchema = z.object({
  name: z.string().trim().min(1, { message: 'create.nameRequired' }).max(200),
  template: z.string(),
});
type CreateForm = z.infer<typeof createSchema>;

/** Name the campaign and start it from a blank canvas or a flow template; opens the editor once created. */
export function CreateCampaignDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('campaigns');
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const form = useForm<CreateForm>({
    resolver: zodResolver(createSchema),
    defaultValues: { name: '', template: 'blank' },
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const onSubmit = form.handleSubmit(async ({ name, template }) => {
    const graph = FLOW_TEMPLATES.find((candidate) => candidate.id === template)?.graph ?? BLANK_GRAPH;
    try {
      const campaign = await create.mutateAsync({ name, graph });
      form.reset();
      onClose();
      await navigate(`/campaigns/${campaign.id}`);
    } catch (error) {
      form.setError('root', { message: error instanceof Error ? error.message : String(error) });
    }
  });

  return (
    <dialog ref={dialog} className="dialog dialog--wide" onClose={onClose} aria-labelledby="create-title">
      <form onSubmit={onSubmit} noValidate>
        <h2 id="create-title">{t('create.title')}</h2>
        <label className="field">
          <span>{t('create.name')}</span>
          <input autoFocus aria-invalid={errors.name ? true : undefined} {...form.register('name')} />
          {errors.name?.message && <span className="field__error">{t(errors.name.message)}</span>}
        </label>
        <fieldset className="gallery">
          <legend>{t('create.startFrom')}</legend>
          <label className="gallery__card">
            <input type="radio" value="blank" {...form.register('template')} />
            <span className="gallery__name">{t('create.blank')}</span>
            <span className="gallery__description">{t('create.blankDescription')}</span>
          </label>
          {FLOW_TEMPLATES.map((template) => (
            <label key={template.id} className="gallery__card" data-testid={`template-${template.id}`}>
              <input type="radio" value={template.id} {...form.register('template')} />
              <span className="gallery__name">{t(`templates.${template.id}.name`)}</span>
              <span className="gallery__description">{t(`templates.${template.id}.description`)}</span>
              <span className="gallery__channels">
                {template.channels.map((channel) => (
                  <span key={channel} className="chip">
                    {t(`channels.${channel}`)}
                  </span>
                ))}
              </span>
            </label>
          ))}
        </fieldset>
        {errors.root?.message && (
          <p className="form-error" role="alert">
            {errors.root.message}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('create.creating') : t('create.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
