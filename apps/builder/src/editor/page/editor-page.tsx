import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { can } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { campaignKeys } from '../../campaigns/campaign-queries';
import { QueryState } from '../../shell/query-state';
import type { Diagnostic } from '@loa/engine/browser';
import { fragmentOf, serializeFragment } from '../clipboard/fragment';
import { writeClipboard } from '../clipboard/system-clipboard';
import { toEditorGraph } from '../graph/editor-graph';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { useLiveValidation } from '../validation/use-live-validation';
import { useCampaign, type CampaignDetail } from '../../campaigns/campaign-queries';
import { api, unwrap } from '../../api/api-client';
import { draftKey, useDraft, type Draft } from './editor-queries';
import { EditorLayout } from './editor-layout';
import { FlushSaveProvider } from './save-context';
import { lostOnReload } from './lost-on-reload';
import { useAutosave } from './use-autosave';

/** /campaigns/:id: the campaign's draft on a canvas, saved as it is edited. */
export function EditorPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const draft = useDraft(id);
  const queryClient = useQueryClient();
  const [loads, setLoads] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  if (!campaign.data || !draft.data)
    return (
      <QueryState
        error={campaign.error ?? draft.error}
        onRetry={() => {
          void campaign.refetch();
          void draft.refetch();
        }}
      />
    );

  const reload = async (message?: string) => {
    setNotice(message);
    await Promise.all([
      queryClient.refetchQueries({ queryKey: draftKey(id) }),
      queryClient.refetchQueries({ queryKey: campaignKeys.one(id) }),
    ]);
    setLoads((count) => count + 1);
  };

  return (
    <LoadedEditor
      // Remounted only by an explicit reload: saves and lifecycle actions keep the store and its undo history.
      key={loads}
      campaign={campaign.data}
      draft={draft.data}
      notice={notice}
      onDismissNotice={() => setNotice(undefined)}
      onReload={(message) => void reload(message)}
    />
  );
}

type ReadOnlyReason = 'pending_approval' | 'stopped' | 'archived' | 'noPermission';

function readOnlyReasonOf(campaign: CampaignDetail, mayEdit: boolean): ReadOnlyReason | undefined {
  if (!mayEdit) return 'noPermission';
  if (campaign.state === 'pending_approval' || campaign.approval?.status === 'pending')
    return 'pending_approval';
  if (campaign.state === 'stopped' || campaign.state === 'archived') return campaign.state;
  return undefined;
}

function LoadedEditor({
  campaign,
  draft,
  notice,
  onDismissNotice,
  onReload,
}: {
  campaign: CampaignDetail;
  draft: Draft;
  notice: string | undefined;
  onDismissNotice: () => void;
  onReload: (notice?: string) => void;
}) {
  const { t } = useTranslation('editor');
  const me = useMe();
  const readOnlyReason = readOnlyReasonOf(campaign, can(me.role, 'campaign.edit'));
  const [store] = useState(() =>
    createEditorStore({
      graph: toEditorGraph(draft.graph),
      readOnly: readOnlyReason !== undefined,
      savedDiagnostics: draft.diagnostics as Diagnostic[],
    }),
  );
  // A lifecycle action (submit, approve, stop…) changes whether the draft may be edited, without a reload.
  const readOnly = readOnlyReason !== undefined;
  useEffect(() => {
    store.getState().setReadOnly(readOnly);
  }, [store, readOnly]);
  useLiveValidation(store);
  const autosave = useAutosave(campaign.id, store, draft, readOnlyReason === undefined);

  const copyMine = async () => {
    const theirs = await unwrap(api.GET('/campaigns/{id}/draft', { params: { path: { id: campaign.id } } }));
    const lost = lostOnReload(toEditorGraph(theirs.graph), store.getState().graph, autosave.savedGraph());
    const copied = lost.nodeIds.length + lost.noteIds.length;
    if (copied > 0) {
      const { graph } = store.getState();
      await writeClipboard(serializeFragment(fragmentOf(graph, lost.nodeIds, lost.noteIds)));
    }
    const notices = [copied > 0 ? t('conflict.copied', { count: copied }) : t('conflict.nothingToCopy')];
    if (lost.settings.length > 0)
      notices.push(t('conflict.settingsNotCopied', { fields: lost.settings.join(', ') }));
    onReload(notices.join(' '));
  };

  return (
    <EditorProvider store={store}>
      <FlushSaveProvider value={autosave.flush}>
        <ReactFlowProvider>
          <EditorLayout
            campaign={campaign}
            readOnlyReason={readOnlyReason}
            saveStatus={autosave.status}
            onRetrySave={autosave.retry}
            notice={notice}
            onDismissNotice={onDismissNotice}
            onReload={() => onReload()}
            onCopyMine={copyMine}
          />
        </ReactFlowProvider>
      </FlushSaveProvider>
    </EditorProvider>
  );
}
