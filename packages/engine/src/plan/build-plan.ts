import type { CampaignGraph, GraphNode } from '../graph/graph.schema';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './content-hash';
import { durationMs } from './duration';
import {
  EXIT_COMPLETED,
  EXIT_FAILED,
  PLAN_VERSION,
  type Plan,
  type SendStep,
  type Step,
  type StepId,
  type TriggerSpec,
} from './plan.types';
import { EXIT_REASONS } from '../journey/journey-vocabulary';

export interface PlanIdentity {
  campaignId: string;
  versionId: string;
}

export interface PlanHashing {
  /**
   * Hex SHA-256 of a text. Defaults to a pure-JavaScript implementation that runs anywhere; a server may pass its
   * native one (node:crypto is several times faster on large plans). Both give the same hash.
   */
  sha256Hex?: (text: string) => string;
}

/**
 * Turns a valid graph (parsed by campaignGraphSchema, no validation errors) into a plan. Nodes the trigger cannot
 * reach are left out; an unconnected handle leads to a synthetic exit: `failed` for failure handles, `completed`
 * otherwise.
 */
export function buildPlan(graph: CampaignGraph, identity: PlanIdentity, hashing: PlanHashing = {}): Plan {
  const targets = new Map(
    graph.edges.map((edge) => [`${edge.source}\u0000${edge.sourceHandle}`, edge.target]),
  );
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]));
  const trigger = graph.nodes.find((node) => node.type.startsWith('trigger.'));
  if (!trigger) throw new Error('buildPlan needs a graph with a trigger; validate it first');

  const follow = (node: GraphNode, handle: string, fallback: StepId = EXIT_COMPLETED): StepId =>
    targets.get(`${node.id}\u0000${handle}`) ?? fallback;

  const steps: Record<StepId, Step> = {};
  const entryStepId = follow(trigger, 'next');
  const pending = [entryStepId];
  while (pending.length > 0) {
    const id = pending.pop() as StepId;
    if (steps[id]) continue;
    const step =
      id === EXIT_COMPLETED || id === EXIT_FAILED ? syntheticExit(id) : stepOf(nodeOf(nodesById, id), follow);
    steps[id] = step;
    pending.push(...successorsOf(step));
  }

  const content = {
    planVersion: PLAN_VERSION,
    trigger: triggerSpecOf(trigger),
    entryStepId,
    steps,
    settings: graph.settings,
  };
  const hash = (hashing.sha256Hex ?? sha256Hex)(canonicalJson(content));
  return { ...identity, ...content, hash };
}

function nodeOf(nodesById: Map<string, GraphNode>, id: StepId): GraphNode {
  const node = nodesById.get(id);
  if (!node) throw new Error(`buildPlan: an edge leads to missing node ${id}; validate the graph first`);
  return node;
}

function syntheticExit(id: StepId): Step {
  return { kind: 'exit', reason: id === EXIT_FAILED ? EXIT_REASONS.failed : EXIT_REASONS.completed };
}

type Follow = (node: GraphNode, handle: string, fallback?: StepId) => StepId;

function stepOf(node: GraphNode, follow: Follow): Step {
  switch (node.type) {
    case 'trigger.event':
    case 'trigger.segment':
    case 'trigger.schedule':
    case 'trigger.date':
    case 'trigger.manual':
      throw new Error(`buildPlan: an edge leads into trigger ${node.id}; validate the graph first`);
    case 'wait.delay':
      return { kind: 'delay', durationMs: durationMs(node.data), next: follow(node, 'next') };
    case 'wait.until':
      return { kind: 'wait_until', until: node.data.until, next: follow(node, 'next') };
    case 'wait.event': {
      const { event, filter, matchEntryKey, timeout } = node.data;
      if (!timeout)
        throw new Error(`buildPlan: wait.event ${node.id} has no timeout; validate the graph first`);
      return {
        kind: 'wait_event',
        event,
        ...(filter && { filter }),
        ...(matchEntryKey && { matchEntryKey }),
        timeoutMs: durationMs(timeout),
        onMatched: follow(node, 'matched'),
        onTimeout: follow(node, 'timeout'),
      };
    }
    case 'branch.condition':
      return {
        kind: 'condition',
        rule: node.data.rule,
        onYes: follow(node, 'yes'),
        onNo: follow(node, 'no'),
      };
    case 'branch.split':
      return {
        kind: 'split',
        variants: node.data.variants.map(({ id, weight, holdout }) => ({
          id,
          weight,
          holdout,
          next: follow(node, id),
        })),
      };
    case 'send.zns':
    case 'send.oa':
    case 'send.sms':
    case 'send.email':
      return sendStepOf(node, follow);
    case 'contact.update': {
      const { set, addTags, removeTags, scoreDelta, doNotContact } = node.data;
      return {
        kind: 'update_contact',
        set,
        addTags,
        removeTags,
        scoreDelta,
        ...(doNotContact && { doNotContact }),
        next: follow(node, 'next'),
      };
    }
    case 'http.request': {
      const { label: _label, ...request } = node.data;
      return {
        kind: 'http',
        request,
        onSuccess: follow(node, 'success'),
        onFailure: follow(node, 'failure', EXIT_FAILED),
      };
    }
    case 'flow.exit':
      return { kind: 'exit', reason: node.data.reason };
  }
}

function sendStepOf(node: Extract<GraphNode, { type: `send.${string}` }>, follow: Follow): SendStep {
  const outcomes = { onSuccess: follow(node, 'success'), onFailure: follow(node, 'failure', EXIT_FAILED) };
  switch (node.type) {
    case 'send.zns': {
      const { accountId, purpose, templateId, params, mode } = node.data;
      return {
        kind: 'send',
        channel: 'zns',
        accountId,
        purpose,
        message: { channel: 'zns', templateId, params, mode },
        ...outcomes,
      };
    }
    case 'send.oa': {
      const { accountId, kind, message } = node.data;
      const purpose =
        kind === 'promotion' ? 'advertising' : kind === 'transaction' ? 'transactional' : 'care';
      return {
        kind: 'send',
        channel: 'oa',
        accountId,
        purpose,
        message: { channel: 'oa', kind, message },
        ...outcomes,
      };
    }
    case 'send.sms': {
      const { accountId, purpose, brandName, text } = node.data;
      return {
        kind: 'send',
        channel: 'sms',
        accountId,
        purpose,
        message: { channel: 'sms', brandName, text },
        ...outcomes,
      };
    }
    case 'send.email': {
      const { accountId, purpose, from, replyTo, subject, html, text } = node.data;
      return {
        kind: 'send',
        channel: 'email',
        accountId,
        purpose,
        message: { channel: 'email', from, ...(replyTo && { replyTo }), subject, html, text },
        ...outcomes,
      };
    }
  }
}

function triggerSpecOf(node: GraphNode): TriggerSpec {
  switch (node.type) {
    case 'trigger.event': {
      const { event, filter, entryKey } = node.data;
      return { type: node.type, event, ...(filter && { filter }), ...(entryKey && { entryKey }) };
    }
    case 'trigger.segment':
      return { type: node.type, segmentId: node.data.segmentId };
    case 'trigger.schedule': {
      const { label: _label, ...config } = node.data;
      return { type: node.type, config };
    }
    case 'trigger.date': {
      const { attribute, offsetDays, timeOfDay, recurring } = node.data;
      return { type: node.type, attribute, offsetDays, timeOfDay, recurring };
    }
    case 'trigger.manual':
      return { type: node.type };
    default:
      throw new Error(`buildPlan: ${node.id} is not a trigger`);
  }
}

/** Every step a step can lead to. */
export function successorsOf(step: Step): StepId[] {
  switch (step.kind) {
    case 'delay':
    case 'wait_until':
    case 'update_contact':
      return [step.next];
    case 'wait_event':
      return [step.onMatched, step.onTimeout];
    case 'condition':
      return [step.onYes, step.onNo];
    case 'split':
      return step.variants.map((variant) => variant.next);
    case 'send':
    case 'http':
      return [step.onSuccess, step.onFailure];
    case 'exit':
      return [];
  }
}
