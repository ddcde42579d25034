import type { CampaignGraph, NodeOutcomeScript, ScriptedOutcome } from '@loa/engine';
import type { FaultRule, SandboxSeed, ZnsTemplateSeed } from '@loa/provider-sandbox';

/** What a node's scripted outcome asks of the provider (or the webhook) for the scenario's contact. */
export type WantedOutcome = 'success' | 'failure';

/**
 * A scenario's contact addresses, chosen so that the provider sandbox itself answers the scenario's scripted
 * outcomes: a phone in `phonesNotOnZalo` makes ZNS fail (-118), a phone in an eSMS account's `blockedPhones` makes
 * care SMS fail (99), a SpeedSMS fault rule on the phone makes advertising SMS fail (105). Each scenario has
 * addresses of its own, so Decree 91's per-address caps of one scenario never hold another's send.
 */
export interface SandboxAddresses {
  phone?: string;
  email?: string;
  zaloUserId?: string;
}

export interface SandboxRecipe {
  addresses: SandboxAddresses;
  /** Per http.request node: what the test's webhook answers it (200, or 400 for a failure). */
  webhooks: Record<string, WantedOutcome>;
  /** Fault rules to add to the running sandbox. */
  faults: FaultRule[];
}

const pad = (index: number, width: number) => String(index).padStart(width, '0');

/**
 * The addresses for scenario number `index`, on the channels `contact` has, and the sandbox seed changes and fault
 * rules that make the providers answer `outcomes` (node id → script) for that contact. Throws, naming the node,
 * when the sandbox cannot produce an outcome (a new example needs a recipe here first).
 */
export function sandboxRecipe(input: {
  index: number;
  graph: CampaignGraph;
  contact: { id: string; phone?: string; email?: string; zaloUserId?: string };
  outcomes: Record<string, NodeOutcomeScript>;
  seed: SandboxSeed;
  nowMs: number;
}): SandboxRecipe {
  const { index, graph, contact, seed } = input;
  const wanted = (nodeId: string) => wantedOutcome(input.outcomes[nodeId], contact.id, nodeId);
  const failing = (type: string) =>
    graph.nodes.filter((node) => node.type === type).filter((node) => wanted(node.id) === 'failure');
  const sendsOf = (type: string) => graph.nodes.filter((node) => node.type === type);

  const addresses: SandboxAddresses = {};
  const faults: FaultRule[] = [];
  if (contact.phone !== undefined) {
    // One phone answers every ZNS (and every SMS) of the contact alike: a scenario whose contact reaches a ZNS
    // scripted to fail and another scripted to succeed shows as a difference on the second.
    const znsFails = failing('send.zns').length > 0;
    addresses.phone = znsFails ? `8499${pad(index, 7)}` : `8491${pad(index, 7)}`;
    if (znsFails) seed.phonesNotOnZalo.push(addresses.phone);
    // Care SMS go through eSMS, which refuses a blocked phone (99); advertising SMS through SpeedSMS (brand name),
    // answered here with its "phone not valid" (105).
    for (const node of failing('send.sms'))
      if ((node.data as { purpose: string }).purpose === 'advertising')
        faults.push({ channel: 'speedsms', recipients: [addresses.phone], errorRate: 1, code: '105' });
      else (seed.esms[0].blockedPhones ??= []).push(addresses.phone);
  }
  if (contact.email !== undefined) addresses.email = `kh${pad(index, 4)}@example.vn`;
  const emailFail = failing('send.email')[0];
  if (emailFail) throw unsupported(emailFail.id, 'a failing e-mail');
  if (contact.zaloUserId !== undefined) {
    addresses.zaloUserId = `51000000000${pad(index, 8)}`;
    seed.zalo[0].oas[0].followers.push({
      userId: addresses.zaloUserId,
      displayName: `Khách ${index}`,
      follower: true,
      lastInteractionAt: input.nowMs,
    });
  }
  const oaFail = failing('send.oa')[0];
  if (oaFail) throw unsupported(oaFail.id, 'a failing OA message');

  const webhooks: Record<string, WantedOutcome> = {};
  for (const node of sendsOf('http.request')) webhooks[node.id] = wanted(node.id);
  return { addresses, webhooks, faults };
}

/** The scripted outcome of one node for one contact: success unless it says failure. */
function wantedOutcome(
  script: NodeOutcomeScript | undefined,
  contactId: string,
  nodeId: string,
): WantedOutcome {
  const outcome: ScriptedOutcome | undefined =
    script !== undefined && typeof script === 'object' && 'contacts' in script
      ? (script.contacts[contactId] ?? script.default)
      : script;
  if (outcome === undefined || outcome === 'success') return 'success';
  if (outcome === 'failure' || 'failure' in outcome) return 'failure';
  if (outcome.receipts.some((receipt) => receipt !== 'delivered'))
    throw unsupported(nodeId, 'receipts other than delivered');
  return 'success';
}

function unsupported(nodeId: string, what: string): Error {
  return new Error(
    `node ${nodeId}: the provider sandbox has no recipe for ${what}; add one in sandbox-outcomes.ts`,
  );
}

/**
 * Sandbox templates for every ZNS step of these graphs (approved, their params those the step maps, long enough
 * for any rendered value) and the SMS brand names they send under, added to the seed's first OA, eSMS and
 * SpeedSMS account.
 */
export function seedExampleChannels(seed: SandboxSeed, graphs: CampaignGraph[]): void {
  const oa = seed.zalo[0].oas[0];
  const esms = seed.esms[0];
  const speedsms = seed.speedsms[0];
  for (const node of graphs.flatMap((graph) => graph.nodes)) {
    if (node.type === 'send.zns') {
      const data = node.data as { templateId: string; params: Record<string, string> };
      if (oa.templates.some((template) => template.templateId === data.templateId)) continue;
      oa.templates.push(znsTemplate(data.templateId, Object.keys(data.params)));
    }
    if (node.type === 'send.sms') {
      const { brandName } = node.data as { brandName: string };
      if (!esms.brandnames.includes(brandName)) esms.brandnames.push(brandName);
      if (!speedsms.senders.includes(brandName)) speedsms.senders.push(brandName);
    }
  }
}

function znsTemplate(templateId: string, params: string[]): ZnsTemplateSeed {
  return {
    templateId,
    templateName: `Mẫu ${templateId}`,
    status: 'ENABLE',
    templateTag: 'CUSTOMER_CARE',
    price: '300',
    params: params.map((name) => ({
      name,
      type: 'STRING',
      require: true,
      maxLength: 400,
      minLength: 0,
      acceptNull: false,
    })),
  };
}
