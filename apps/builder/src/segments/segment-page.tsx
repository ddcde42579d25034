import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isProblem } from '../api/api-problem';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { ConfigFormContext } from '../editor/config/form-context';
import { RuleBuilder, type RuleBuilderOptions } from '../editor/config/rule-builder';
import { RULE_KINDS } from '../editor/config/rule-model';
import { formatCount, formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { DeleteSegmentButton } from './delete-segment-button';
import { SegmentExplain } from './segment-explain';
import {
  emptySegmentForm,
  formFieldOfApiError,
  ruleIssues,
  segmentBody,
  segmentFormSchema,
  segmentFormValues,
  type SegmentFormValues,
} from './segment-form';
import { SegmentPreview } from './segment-preview';
import { useSaveSegment, useSegment, type Segment } from './segment-queries';

/** The API's segment rules: every kind but `send_outcome` (no journey to look at), groups six deep. */
const SEGMENT_RULES: RuleBuilderOptions = {
  kinds: RULE_KINDS.filter((kind) => kind !== 'send_outcome'),
  maxDepth: 6,
};

/** `/segments/new` and `/segments/{id}`: the rule builder with a live count, and why a contact is in or not. */
export function SegmentPage() {
  const { id } = useParams();
  const { t } = useTranslation('segments');
  const me = useMe();
  if (id === undefined) {
    if (!can(me.role, 'segments.edit'))
      return (
        <section className="page" aria-labelledby="segment-title">
          <h1 id="segment-title">{t('page.newTitle')}</h1>
          <p className="notice">{t('page.forbidden')}</p>
        </section>
      );
    return <SegmentEditor />;
  }
  return <StoredSegment id={id} />;
}

function StoredSegment({ id }: { id: string }) {
  const segment = useSegment(id);
  if (segment.isError && isProblem(segment.error, 404))
    return (
      <section className="page">
        <p className="empty-state">{segment.error.message}</p>
      </section>
    );
  if (segment.isPending || segment.isError)
    return <QueryState error={segment.error} onRetry={() => void segment.refetch()} />;
  return <SegmentEditor key={segment.data.id} segment={segment.data} />;
}

function SegmentEditor({ segment }: { segment?: Segment }) {
  const { t } = useTranslation('segments');
  const me = useMe();
  const navigate = useNavigate();
  const readOnly = !can(me.role, 'segments.edit');
  const form = useForm<SegmentFormValues>({
    resolver: zodResolver(segmentFormSchema),
    defaultValues: segment ? segmentFormValues(segment) : emptySegmentForm(),
  });
  const { errors, isSubmitting, isDirty, isSubmitted } = form.formState;
  const save = useSaveSegment(segment?.id);
  const [saved, setSaved] = useState(false);
  // The contact being explained is in the address (`?explain=`), so that a profile can link to why it is in.
  const [searchParams, setSearchParams] = useSearchParams();
  const explained = searchParams.get('explain') ?? undefined;
  const explain = (contactId: string) => setSearchParams({ explain: contactId }, { replace: true });
  const rule = form.watch('rule');
  const issues = ruleIssues(errors, form.getValues(), t('config:required'));
  const segmentId = segment?.id;
  const context = useMemo(
    () => ({ readOnly, issues, ...(segmentId && { segmentId }) }),
    [readOnly, issues, segmentId],
  );

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const stored = await save.mutateAsync(segmentBody(values));
      if (!segment) {
        await navigate(`/segments/${stored.id}`, { replace: true });
        return;
      }
      form.reset(segmentFormValues(stored));
      setSaved(true);
    } catch (error) {
      showApiErrors(form, error);
    }
  });

  const timeZone = me.workspace.timezone;
  return (
    <section className="page segment-page" aria-labelledby="segment-title">
      <Link to="/segments" className="contact-profile__back">
        {t('page.back')}
      </Link>
      <div className="page__header">
        <h1 id="segment-title">{segment ? segment.name : t('page.newTitle')}</h1>
        {segment && (
          <span className="muted" data-testid="stored-member-count" data-count={segment.memberCount}>
            {segment.refreshedAt
              ? t('page.stored', {
                  count: formatCount(segment.memberCount) as never,
                  when: formatDateTime(segment.refreshedAt, timeZone),
                })
              : t('page.storedPending', { count: formatCount(segment.memberCount) as never })}
          </span>
        )}
      </div>
      {readOnly && <p className="notice">{t('page.readOnly')}</p>}
      <div className="segment-page__grid">
        <form className="segment-form" onSubmit={onSubmit} noValidate data-testid="segment-form">
          <div className="field">
            <label htmlFor="segment-name">{t('page.name')}</label>
            <input
              id="segment-name"
              readOnly={readOnly}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? 'segment-name-error' : undefined}
              {...form.register('name')}
            />
            {errors.name?.message && (
              <span className="field__error" id="segment-name-error">
                {t(errors.name.message, { defaultValue: errors.name.message })}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="segment-description">{t('page.description')}</label>
            <textarea
              id="segment-description"
              rows={2}
              readOnly={readOnly}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? 'segment-description-error' : undefined}
              {...form.register('description')}
            />
            {errors.description?.message && (
              <span className="field__error" id="segment-description-error">
                {t(errors.description.message, { defaultValue: errors.description.message })}
              </span>
            )}
          </div>
          <ConfigFormContext.Provider value={context}>
            <div className={`node-config segment-rules${readOnly ? ' node-config--read-only' : ''}`}>
              <RuleBuilder
                value={rule}
                path="rule"
                legend={t('page.rule')}
                note={t('page.ruleNote')}
                options={SEGMENT_RULES}
                onChange={(next) =>
                  form.setValue('rule', next, { shouldDirty: true, shouldValidate: isSubmitted })
                }
              />
            </div>
          </ConfigFormContext.Provider>
          {errors.root?.message && (
            <p className="form-error" role="alert">
              {errors.root.message}
            </p>
          )}
          {saved && !isDirty && (
            <p className="notice" role="status">
              {t('page.saved')}
            </p>
          )}
          {!readOnly && (
            <div className="dialog__actions segment-form__actions">
              {segment && <DeleteSegmentButton segment={segment} />}
              <button type="submit" className="button button--primary" disabled={isSubmitting}>
                {isSubmitting ? t('page.saving') : t('page.save')}
              </button>
            </div>
          )}
        </form>
        <div className="segment-page__side">
          <SegmentPreview rule={rule} {...(segment && !isDirty && { onExplain: explain })} />
          {segment && (
            <SegmentExplain
              segmentId={segment.id}
              unsaved={isDirty}
              contactId={explained}
              onContact={explain}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/** Puts the fields an API problem names on the form (the name, a place in the rule), and the rest on the form. */
function showApiErrors(form: UseFormReturn<SegmentFormValues>, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!isProblem(error) || error.fieldErrors.length === 0) {
    form.setError('root', { message });
    return;
  }
  let unplaced = false;
  for (const problem of error.fieldErrors) {
    const field = formFieldOfApiError(problem.field);
    if (field === 'root') unplaced = true;
    else form.setError(field as 'name', { message: problem.message });
  }
  if (unplaced) form.setError('root', { message });
}
