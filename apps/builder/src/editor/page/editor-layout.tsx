import type { NodeType } from '@loa/engine/browser';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EditorCanvas } from '../canvas/editor-canvas';
import { LifecycleBar } from '../lifecycle/lifecycle-bar';
import { EditorSimulation } from '../simulation/editor-simulation';
import { EditorToolbar } from '../canvas/editor-toolbar';
import { ShortcutsDialog } from '../canvas/shortcuts-dialog';
import { useEditorActions } from '../canvas/use-editor-actions';
import { useKeyboardShortcuts } from '../canvas/use-keyboard-shortcuts';
import { Palette } from '../palette/palette';
import { StepPicker } from '../palette/step-picker';
import { useEditor, useEditorStore } from '../store/editor-context';
import { ProblemsPanel } from '../validation/problems-panel';
import type { SaveStatus } from './autosave';
import { ConflictDialog } from './conflict-dialog';
import type { CampaignDetail } from '../../campaigns/campaign-queries';
import { SaveStatusView } from './save-status';
import { SidePanel } from './side-panel';

export function EditorLayout({
  campaign,
  readOnlyReason,
  saveStatus,
  onRetrySave,
  notice,
  onDismissNotice,
  onReload,
  onCopyMine,
}: {
  campaign: CampaignDetail;
  readOnlyReason: string | undefined;
  saveStatus: SaveStatus;
  onRetrySave: () => void;
  notice: string | undefined;
  onDismissNotice: () => void;
  onReload: () => void;
  onCopyMine: () => Promise<void>;
}) {
  const { t } = useTranslation('editor');
  const store = useEditorStore();
  const flow = useReactFlow();
  const readOnly = useEditor((state) => state.readOnly);
  const [pasteSkipped, setPasteSkipped] = useState(0);
  const actions = useEditorActions(setPasteSkipped);
  const [boxSelect, setBoxSelect] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [simulating, setSimulating] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useKeyboardShortcuts(actions, openHelp);

  const addInView = (type: NodeType) => {
    const bounds = document.querySelector('.editor-canvas')?.getBoundingClientRect();
    if (!bounds) return;
    const at = flow.screenToFlowPosition({
      x: bounds.left + bounds.width / 2,
      y: bounds.top + bounds.height / 3,
    });
    store.getState().addNode(type, { x: at.x - 130, y: at.y });
  };

  return (
    <div className="editor" data-testid="editor">
      <header className="editor__header">
        <Link to="/campaigns" className="editor__back">
          ← {t('back')}
        </Link>
        <h1 className="editor__name">{campaign.name}</h1>
        <LifecycleBar campaign={campaign} />
        {!readOnly && <SaveStatusView status={saveStatus} onRetry={onRetrySave} />}
        <EditorToolbar
          actions={actions}
          boxSelect={boxSelect}
          onToggleBoxSelect={() => setBoxSelect(!boxSelect)}
          onShowShortcuts={openHelp}
        />
        <button
          type="button"
          className="button button--small"
          aria-pressed={simulating}
          onClick={() => setSimulating(!simulating)}
        >
          {t('simulation:open')}
        </button>
      </header>
      {readOnlyReason && (
        <p className="editor__read-only" role="note" data-testid="read-only">
          {t(`readOnly.${readOnlyReason}`)}
        </p>
      )}
      {notice && (
        <div className="editor__notice" role="status" data-testid="editor-notice">
          <span>{notice}</span>
          <button type="button" className="button button--quiet button--small" onClick={onDismissNotice}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {pasteSkipped > 0 && (
        <div className="editor__notice" role="status" data-testid="paste-skipped">
          <span>{t('pasteSkipped', { count: pasteSkipped })}</span>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setPasteSkipped(0)}
          >
            {t('dismiss')}
          </button>
        </div>
      )}
      <div
        className={`editor__body${readOnly ? ' editor__body--read-only' : ''}${simulating ? ' editor__body--simulating' : ''}`}
      >
        {!readOnly && <Palette onAdd={addInView} />}
        <div className="editor__center">
          <EditorCanvas boxSelect={boxSelect} />
          <ProblemsPanel />
        </div>
        {simulating ? <EditorSimulation onClose={() => setSimulating(false)} /> : <SidePanel />}
      </div>
      <StepPicker />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      {saveStatus.kind === 'conflict' && (
        <ConflictDialog conflict={saveStatus.conflict} onReload={onReload} onCopyMine={onCopyMine} />
      )}
    </div>
  );
}
