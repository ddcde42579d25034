import type { MessagePurpose, PropertyFilter } from '../graph/common.schema';
import type { NodeConfig } from '../graph/node-catalogue';
import type { RuleGroup } from '../graph/nodes/branch-nodes.schema';
import type { CampaignSettings, Channel } from '../graph/settings.schema';

export const PLAN_VERSION = 1 as const;

/** Step ids are node ids; synthetic exits for unconnected handles start with "$" (never a node id). */
export type StepId = string;
export const EXIT_COMPLETED: StepId = '$exit:completed';
export const EXIT_FAILED: StepId = '$exit:failed';

export type WaitUntilSpec = NodeConfig<'wait.until'>['until'];

export type TriggerSpec =
  | { type: 'trigger.event'; event: string; filter?: PropertyFilter; entryKey?: string }
  | { type: 'trigger.segment'; segmentId: string }
  | { type: 'trigger.schedule'; config: Omit<NodeConfig<'trigger.schedule'>, 'label'> }
  | {
      type: 'trigger.date';
      attribute: string;
      offsetDays: number;
      timeOfDay: string;
      recurring: 'yearly' | 'once';
    }
  | { type: 'trigger.manual' };

export type SendMessage =
  | { channel: 'zns'; templateId: string; params: Record<string, string>; mode: 'normal' | 'development' }
  | { channel: 'oa'; kind: NodeConfig<'send.oa'>['kind']; message: NodeConfig<'send.oa'>['message'] }
  | { channel: 'sms'; brandName: string; text: string }
  | {
      channel: 'email';
      from: { email: string; name?: string };
      replyTo?: string;
      subject: string;
      html: string;
      text: string;
    };

export interface DelayStep {
  kind: 'delay';
  durationMs: number;
  next: StepId;
}

export interface WaitUntilStep {
  kind: 'wait_until';
  until: WaitUntilSpec;
  next: StepId;
}

export interface WaitEventStep {
  kind: 'wait_event';
  event: string;
  filter?: PropertyFilter;
  /** Property of the awaited event that must equal the journey's entry key. */
  matchEntryKey?: string;
  timeoutMs: number;
  onMatched: StepId;
  onTimeout: StepId;
}

export interface ConditionStep {
  kind: 'condition';
  rule: RuleGroup;
  onYes: StepId;
  onNo: StepId;
}

export interface SplitStep {
  kind: 'split';
  variants: Array<{ id: string; weight: number; holdout: boolean; next: StepId }>;
}

export interface SendStep {
  kind: 'send';
  channel: Channel;
  accountId: string;
  purpose: MessagePurpose;
  message: SendMessage;
  onSuccess: StepId;
  onFailure: StepId;
}

export interface UpdateContactStep {
  kind: 'update_contact';
  set: Record<string, string | number | boolean | null>;
  addTags: string[];
  removeTags: string[];
  scoreDelta: number;
  doNotContact?: 'add' | 'remove';
  next: StepId;
}

export interface HttpStep {
  kind: 'http';
  request: Omit<NodeConfig<'http.request'>, 'label'>;
  onSuccess: StepId;
  onFailure: StepId;
}

export interface ExitStep {
  kind: 'exit';
  reason: string;
}

/** A closed union: every consumer switches over `kind` exhaustively. */
export type Step =
  | DelayStep
  | WaitUntilStep
  | WaitEventStep
  | ConditionStep
  | SplitStep
  | SendStep
  | UpdateContactStep
  | HttpStep
  | ExitStep;

export type StepKind = Step['kind'];

/** What Temporal executes: immutable, canonical, content-addressed (DESIGN §5). */
export interface Plan {
  planVersion: typeof PLAN_VERSION;
  campaignId: string;
  versionId: string;
  /** sha256 of the canonical JSON of trigger, entry, steps and settings; ids, labels and positions excluded. */
  hash: string;
  trigger: TriggerSpec;
  entryStepId: StepId;
  steps: Record<StepId, Step>;
  settings: CampaignSettings;
}
