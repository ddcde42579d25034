import {
  campaignSettingsSchema,
  isNodeType,
  nodeCatalogue,
  type CampaignSettingsInput,
  type Diagnostic,
  type GraphNodeInput,
  type NodeType,
} from '@loa/engine/browser';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldIssues } from './field-shell';
import { ConfigFormContext, type ConfigFormContextValue } from './form-context';
import { NodeForm } from './node-forms';
import type { Json } from './object-values';
import type { AccountChannel } from './queries';
import { ObjectFields } from './schema-form';
import { describeObjectSchema } from './schema-fields';
import { issuesAt, schemaIssues, withDiagnostics, type FieldIssue } from './validation-issues';

export interface NodeConfigPanelProps {
  node: GraphNodeInput;
  /** The engine's validateGraph diagnostics of this node (and the API's). */
  diagnostics: Diagnostic[];
  readOnly: boolean;
  /** The node's whole new data; may be called on every keystroke. */
  onChange: (data: GraphNodeInput['data']) => void;
  /** Shown below the node's settings, in the same form (e.g. where its handles lead). */
  children?: ReactNode;
}

const ACCOUNT_CHANNEL: Partial<Record<NodeType, AccountChannel>> = {
  'send.zns': 'zns',
  'send.oa': 'zalo_oa',
  'send.sms': 'sms',
  'send.email': 'email',
};

/** The side panel of the selected node: its settings, checked as they are typed. */
export function NodeConfigPanel({ node, diagnostics, readOnly, onChange, children }: NodeConfigPanelProps) {
  const { t } = useTranslation('config');
  const type = node.type;
  const data = node.data as Json;
  const context = useFormContext(
    isNodeType(type) ? nodeCatalogue[type].schema : undefined,
    data,
    diagnostics,
    'data',
    readOnly,
    ACCOUNT_CHANNEL[type],
  );
  const title = t(`nodeTitles.${type}`, {
    defaultValue: isNodeType(type) ? nodeCatalogue[type].title : type,
  });
  return (
    <PanelFrame
      title={title}
      titleShown={false}
      subtitle={node.id}
      context={context}
      testId={`node-config-${node.id}`}
      nodeType={type}
      {...(isNodeType(type) && { category: nodeCatalogue[type].category })}
    >
      {isNodeType(type) && (
        <NodeForm type={type} data={data} onChange={(next) => onChange(next as GraphNodeInput['data'])} />
      )}
      {children}
    </PanelFrame>
  );
}

const settingsDescriptor = describeObjectSchema(campaignSettingsSchema);

/** The campaign's own settings (time zone, quiet hours, caps, goal, re-entry), shown when no node is selected. */
export function CampaignSettingsPanel(props: {
  settings: CampaignSettingsInput;
  onChange: (settings: CampaignSettingsInput) => void;
  readOnly: boolean;
  /** The validator's diagnostics whose path starts with "settings". */
  diagnostics?: Diagnostic[];
  /** False when the surrounding panel already names it (the editor's side panel). */
  titleShown?: boolean;
}) {
  const { t } = useTranslation('config');
  const data = props.settings as Json;
  const context = useFormContext(
    campaignSettingsSchema,
    data,
    props.diagnostics ?? [],
    'settings',
    props.readOnly,
  );
  return (
    <PanelFrame
      title={t('settingsTitle')}
      titleShown={props.titleShown ?? true}
      subtitle={t('settingsHint')}
      context={context}
      testId="campaign-settings"
    >
      <ObjectFields
        descriptor={settingsDescriptor}
        value={data}
        path=""
        onChange={(next) => props.onChange(next as CampaignSettingsInput)}
      />
    </PanelFrame>
  );
}

function useFormContext(
  schema: Parameters<typeof schemaIssues>[0] | undefined,
  data: Json,
  diagnostics: Diagnostic[],
  prefix: 'data' | 'settings',
  readOnly: boolean,
  accountChannel?: AccountChannel,
): ConfigFormContextValue {
  const { t } = useTranslation('config');
  const required = t('required');
  return useMemo(() => {
    const own = schema ? schemaIssues(schema, data, required) : new Map<string, FieldIssue[]>();
    return {
      readOnly,
      issues: withDiagnostics(own, diagnostics, prefix),
      ...(accountChannel && { accountChannel }),
    };
  }, [schema, data, required, diagnostics, prefix, readOnly, accountChannel]);
}

function PanelFrame(props: {
  title: string;
  /** The editor's side panel already names the selected step above the panel: then the title only labels it. */
  titleShown: boolean;
  subtitle: string;
  context: ConfigFormContextValue;
  testId: string;
  nodeType?: string;
  category?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('config');
  const general = issuesAt(props.context.issues, '');
  return (
    <ConfigFormContext.Provider value={props.context}>
      <section
        className={`node-config${props.context.readOnly ? ' node-config--read-only' : ''}`}
        aria-label={props.title}
        data-testid={props.testId}
        data-node-type={props.nodeType}
      >
        <header className="node-config__head">
          {props.category && (
            <span className={`node-config__kind node-config__kind--${props.category}`}>
              {t(`categories.${props.category}`)}
            </span>
          )}
          {props.titleShown && <h2 className="node-config__title">{props.title}</h2>}
          <p className="node-config__subtitle">{props.subtitle}</p>
        </header>
        {props.context.readOnly && <p className="notice">{t('readOnly')}</p>}
        {general.length > 0 && (
          <div
            className={`node-config__problems${general.some((issue) => issue.severity === 'error') ? '' : ' node-config__problems--warning'}`}
            role="status"
          >
            <strong>{t('problems')}</strong>
            <FieldIssues issues={general} />
          </div>
        )}
        <form className="node-config__form" onSubmit={(event) => event.preventDefault()} noValidate>
          {props.children}
        </form>
      </section>
    </ConfigFormContext.Provider>
  );
}
