import { Context } from '@temporalio/activity';
import type { Channel } from '../../graph/settings.schema';
import type {
  CampaignState,
  JourneyActivities,
  JourneyLogEntry,
  SendActivityInput,
  SendActivityResult,
} from '../../journey/journey-contract';
import { evaluateRuleGroup } from '../../rules/evaluate-rule';
import { readPath } from '../../rules/read-path';

export interface FakeContact {
  attributes: Record<string, unknown>;
  tags: string[];
}

/** One provider call as the fake provider saw it. */
export interface ProviderCall {
  channel: Channel;
  idempotencyKey: string;
  stepId: string;
  attempt: number;
  /** Server time (time-skipping aware) at which this attempt was scheduled. */
  atMs: number;
  runId: string;
  outcome: string;
}

/** Decides a provider call: return a result, or throw (an ApplicationFailure of a SEND_ERROR_TYPES type). */
export type ProviderBehaviour = (
  input: SendActivityInput,
  call: { attempt: number; callsForKey: number; atMs: number },
) => SendActivityResult;

/**
 * In-memory activities for journey tests, with a send ledger that behaves like the real one: an outcome recorded
 * for an idempotency key is returned again without calling the provider.
 */
export interface FakeJourneyOptions {
  contacts?: Record<string, FakeContact>;
  /** Per channel: what the provider does with a call (default: accepts it). */
  provider?: Partial<Record<Channel, ProviderBehaviour>>;
  /** What getCampaignState answers (default: active). */
  campaignState?: () => CampaignState;
}

export function fakeJourneyActivities(options: FakeJourneyOptions = {}) {
  const providerCalls: ProviderCall[] = [];
  const ledger = new Map<string, SendActivityResult>();
  const records: Array<Parameters<JourneyActivities['recordJourney']>[0]> = [];
  const updates: string[] = [];
  const stateChecks: number[] = [];
  const contactOf = (contactId: string): FakeContact =>
    options.contacts?.[contactId] ?? { attributes: {}, tags: [] };

  const send =
    (channel: Channel) =>
    async (input: SendActivityInput): Promise<SendActivityResult> => {
      const recorded = ledger.get(input.idempotencyKey);
      if (recorded) return recorded;
      const info = Context.current().info;
      const call = {
        channel,
        idempotencyKey: input.idempotencyKey,
        stepId: input.stepId,
        attempt: info.attempt,
        atMs: info.currentAttemptScheduledTimestampMs,
        runId: info.workflowExecution?.runId ?? '',
      };
      const callsForKey =
        providerCalls.filter((earlier) => earlier.idempotencyKey === input.idempotencyKey).length + 1;
      try {
        const behaviour = options.provider?.[channel];
        const result: SendActivityResult = behaviour
          ? behaviour(input, { attempt: info.attempt, callsForKey, atMs: call.atMs })
          : { status: 'sent', messageId: `msg-${input.idempotencyKey}` };
        providerCalls.push({ ...call, outcome: result.status });
        if (result.status !== 'deferred' && result.status !== 'held')
          ledger.set(input.idempotencyKey, result);
        return result;
      } catch (error) {
        providerCalls.push({
          ...call,
          outcome: `threw ${(error as { type?: string }).type ?? (error as Error).name}`,
        });
        throw error;
      }
    };

  const activities: JourneyActivities = {
    sendZns: send('zns'),
    sendOa: send('oa'),
    sendSms: send('sms'),
    sendEmail: send('email'),
    async evaluateCondition({ journey, rule }) {
      const contact = contactOf(journey.contactId);
      return evaluateRuleGroup(rule, { contact, eventSeen: () => false, sendOutcomes: {} });
    },
    async readContactAttributes({ journey, fields }) {
      const { attributes } = contactOf(journey.contactId);
      return Object.fromEntries(
        fields.flatMap((field) => {
          const value = readPath(attributes, field);
          return value === undefined ? [] : [[field, value]];
        }),
      );
    },
    async updateContact({ idempotencyKey }) {
      updates.push(idempotencyKey);
    },
    async callHttp() {
      return { success: true, status: 200 };
    },
    async recordJourney(input) {
      records.push(input);
    },
    async getCampaignState() {
      stateChecks.push(Date.now());
      return options.campaignState?.() ?? 'active';
    },
  };

  return {
    activities,
    providerCalls,
    records,
    updates,
    stateChecks,
    /** Messages that reached the provider and were accepted, one per idempotency key. */
    sent: () => providerCalls.filter((call) => call.outcome === 'sent'),
    /** Every path entry the journey recorded, in order. */
    recordedEntries: (): JourneyLogEntry[] => records.flatMap((record) => record.entries),
  };
}
