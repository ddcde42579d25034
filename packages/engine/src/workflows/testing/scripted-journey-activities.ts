import { Context } from '@temporalio/activity';
import type { SendOutcome } from '../../graph/nodes/branch-nodes.schema';
import type { JourneyActivities, JourneyLogEntry, SendActivityResult } from '../../journey/journey-contract';
import { SEND_BLOCK_REASONS, type SendBlockReason } from '../../journey/journey-vocabulary';
import type { Plan } from '../../plan/plan.types';
import { evaluateRuleGroup } from '../../rules/evaluate-rule';
import { readPath } from '../../rules/read-path';
import { applyContactUpdate } from '../../simulator/apply-contact-update';
import type { ContactTimeline } from '../../simulator/contact-timeline';
import { liquidScope, type SimulatedContactState } from '../../simulator/liquid-scope';
import { simulateHttp } from '../../simulator/simulate-http';
import { simulateSend } from '../../simulator/simulate-send';
import {
  priceTableSchema,
  type NodeOutcomeScript,
  type SampleContact,
} from '../../simulator/simulation-input.schema';

/**
 * Journey activities that answer exactly what a simulation script says, for one sample contact: sends and webhooks
 * through the simulator's own send and webhook steps (do-not-contact, address, rendering, scripted provider
 * outcome), conditions and contact updates on the same contact data and events. The provider boundary is the only
 * thing replaced; the workflow under test is the real one.
 */
export function scriptedJourneyActivities(script: {
  plan: Plan;
  contact: SampleContact;
  entryProperties: Record<string, unknown>;
  timeline: ContactTimeline;
  outcomes: Record<string, NodeOutcomeScript>;
}) {
  const { plan, timeline, outcomes } = script;
  const { timezone } = plan.settings;
  const { id, attributes, tags, phone, email, zaloUserId, doNotContact } = script.contact;
  let contact: SimulatedContactState = {
    id,
    attributes: structuredClone(attributes),
    tags: [...tags],
    phone,
    email,
    zaloUserId,
    doNotContact,
  };
  const sendOutcomes: Record<string, SendOutcome[]> = {};
  const records: Array<Parameters<JourneyActivities['recordJourney']>[0]> = [];
  const scope = () => liquidScope(contact, script.entryProperties);
  /** Server time of the running activity (time-skipping aware), as the workflow saw it when scheduling. */
  const serverNowMs = () => Context.current().info.currentAttemptScheduledTimestampMs;

  const send: JourneyActivities['sendZns'] = async ({ stepId, step }) => {
    const message = simulateSend({
      stepId,
      label: stepId,
      step,
      contact,
      scope: scope(),
      timezone,
      outcomes,
      prices: priceTableSchema.parse({}),
      at: new Date(serverNowMs()).toISOString(),
    });
    sendOutcomes[stepId] = [...(sendOutcomes[stepId] ?? []), ...message.receipts];
    return sendResultOf(message, stepId);
  };

  const activities: JourneyActivities = {
    sendZns: send,
    sendOa: send,
    sendSms: send,
    sendEmail: send,
    async evaluateCondition({ rule }) {
      const nowMs = serverNowMs();
      return evaluateRuleGroup(rule, {
        contact: {
          ...contact,
          consents: script.contact.consents,
          zaloFollower: contact.zaloUserId !== undefined,
          segmentIds: script.contact.segments,
        },
        eventSeen: (eventRule) => timeline.count(eventRule, nowMs) > 0,
        eventCount: (eventRule) => timeline.count(eventRule, nowMs),
        nowMs,
        timezone,
        sendOutcomes,
      });
    },
    async readContactAttributes({ fields }) {
      return Object.fromEntries(
        fields.flatMap((field) => {
          const value = readPath(contact.attributes, field);
          return value === undefined ? [] : [[field, value]];
        }),
      );
    },
    async updateContact({ step }) {
      contact = applyContactUpdate(contact, step, scope(), timezone).contact;
    },
    async callHttp({ stepId, step }) {
      const call = simulateHttp({ stepId, step, contactId: contact.id, scope: scope(), timezone, outcomes });
      return { success: call.success, error: call.detail };
    },
    async recordJourney(input) {
      records.push(input);
    },
    async getCampaignState() {
      return 'active';
    },
  };

  return {
    activities,
    /** Every path entry the journey recorded, in order. */
    recordedEntries: (): JourneyLogEntry[] => records.flatMap((record) => record.entries),
  };
}

/** What the send service answers for it: a guard's reason is a block (as the API's guards answer), else the outcome. */
function sendResultOf(message: ReturnType<typeof simulateSend>, stepId: string): SendActivityResult {
  if (message.outcome === 'sent') return { status: 'sent', messageId: `msg-${stepId}` };
  const error = message.error ?? 'failure';
  if (isBlockReason(error)) return { status: 'blocked', reason: error };
  return { status: 'failed', errorCode: error, errorMessage: `${error}: scripted` };
}

const isBlockReason = (reason: string): reason is SendBlockReason =>
  (SEND_BLOCK_REASONS as readonly string[]).includes(reason);
