import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import type { CampaignDetail } from '../../campaigns/campaign-queries';
import { useFlushSave } from '../page/save-context';
import { ApprovalStatus } from './approval-status';
import { availableActions, isLive, type LifecycleAction } from './lifecycle-actions';
import { useLifecycleAction, useSoleAdmin, useWorkspace, type ActionInput } from './lifecycle-queries';
import { problemReport } from './problem-report';
import { RejectDialog } from './reject-dialog';
import { ScheduleStatus } from './schedule-status';
import { StopDialog } from './stop-dialog';

const DANGER: readonly LifecycleAction[] = ['reject', 'stop'];
const PRIMARY: readonly LifecycleAction[] = ['submit', 'publish', 'approve'];

/**
 * The editor page's header bar: the campaign's state and approval always, and the lifecycle actions the signed-in
 * role may take (none for an analyst). Each action reports its progress, then what happened or the API's reason.
 */
export function LifecycleBar({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation('lifecycle');
  const me = useMe();
  const workspace = useWorkspace();
  const soleAdmin = useSoleAdmin(me.role);
  const run = useLifecycleAction(campaign.id);
  const flushSave = useFlushSave();
  const [saving, setSaving] = useState<LifecycleAction | undefined>(undefined);
  const [dialog, setDialog] = useState<'reject' | 'stop' | null>(null);
  const [outcome, setOutcome] = useState<{ action: LifecycleAction; error?: unknown } | null>(null);

  const actions = availableActions({
    state: campaign.state,
    approvalStatus: campaign.approval?.status ?? null,
    role: me.role,
    approvalRequired: workspace.data?.approvalRequired,
    soleAdmin,
    submittedByMe:
      campaign.approval?.status === 'pending' &&
      campaign.approval.submittedBy.kind === 'user' &&
      campaign.approval.submittedBy.id === me.user.id,
  });
  const live = isLive(campaign.state);

  const start = async (input: ActionInput) => {
    setDialog(null);
    setOutcome(null);
    if (input.action === 'submit' || input.action === 'publish') {
      // What goes live is the saved draft: the last edits must be saved first.
      setSaving(input.action);
      const saved = await flushSave().finally(() => setSaving(undefined));
      if (saved !== 'saved') {
        setOutcome({ action: input.action, error: new Error(t(`unsaved.${saved}`)) });
        return;
      }
    }
    run.mutate(input, {
      onSuccess: () => setOutcome({ action: input.action }),
      onError: (error) => setOutcome({ action: input.action, error }),
    });
  };
  const onClick = (action: LifecycleAction) => {
    if (action === 'reject' || action === 'stop') setDialog(action);
    else void start({ action });
  };
  const label = (action: LifecycleAction) =>
    live && (action === 'submit' || action === 'publish')
      ? t(`actions.${action}Live`)
      : t(`actions.${action}`);
  const running = saving ?? (run.isPending ? run.variables?.action : undefined);

  return (
    <section className="lifecycle" aria-label={t('region')} data-testid="lifecycle-bar">
      <ApprovalStatus campaign={campaign} />
      <ScheduleStatus campaign={campaign} />
      {actions.length > 0 && (
        <div className="lifecycle__actions" role="group" aria-label={t('actionsLabel')}>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button button--small ${PRIMARY.includes(action) ? 'button--primary' : ''} ${
                DANGER.includes(action) ? 'button--danger' : ''
              }`}
              disabled={running !== undefined}
              aria-busy={running === action || undefined}
              onClick={() => onClick(action)}
            >
              {running === action ? t(`progress.${action}`) : label(action)}
            </button>
          ))}
        </div>
      )}
      <div className="lifecycle__feedback" aria-live="polite">
        {outcome && !outcome.error && (
          <p className="lifecycle__done" role="status">
            {t(`done.${outcome.action}`)}
          </p>
        )}
      </div>
      {outcome?.error !== undefined && (
        <ActionProblem action={outcome.action} error={outcome.error} onDismiss={() => setOutcome(null)} />
      )}
      <RejectDialog
        open={dialog === 'reject'}
        onClose={() => setDialog(null)}
        onReject={(comment) => void start({ action: 'reject', comment })}
      />
      <StopDialog
        open={dialog === 'stop'}
        onClose={() => setDialog(null)}
        onStop={() => void start({ action: 'stop' })}
      />
    </section>
  );
}

function ActionProblem({
  action,
  error,
  onDismiss,
}: {
  action: LifecycleAction;
  error: unknown;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('lifecycle');
  const report = problemReport(error);
  return (
    <div className="lifecycle__problem" role="alert">
      <p>
        <strong>{t(`failed.${action}`)}</strong>
        {': '}
        {report.invalidCount !== undefined ? t('invalid', { count: report.invalidCount }) : report.detail}
      </p>
      {report.items.length > 0 && (
        <ul>
          {report.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--subtle button--small" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
