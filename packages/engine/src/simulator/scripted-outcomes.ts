import type { SendOutcome } from '../graph/nodes/branch-nodes.schema';
import type { NodeOutcomeScript, ScriptedOutcome } from './simulation-input.schema';

export interface ResolvedOutcome {
  success: boolean;
  /** The scripted provider code of a failure, e.g. zns:-118. */
  error?: string;
  /** What send_outcome rules see for this send. */
  receipts: SendOutcome[];
}

/** The outcome scripted for a node and contact: the contact's own, else the node's default, else success. */
export function scriptedOutcome(
  scripts: Record<string, NodeOutcomeScript>,
  nodeId: string,
  contactId: string,
): ResolvedOutcome {
  const script = scripts[nodeId];
  if (script === undefined) return resolve('success');
  if (typeof script === 'object' && 'contacts' in script)
    return resolve(script.contacts[contactId] ?? script.default ?? 'success');
  return resolve(script);
}

function resolve(outcome: ScriptedOutcome): ResolvedOutcome {
  if (outcome === 'success') return { success: true, receipts: ['sent', 'delivered'] };
  if (outcome === 'failure') return { success: false, receipts: ['failed'] };
  if ('failure' in outcome) return { success: false, error: outcome.failure, receipts: ['failed'] };
  const receipts: SendOutcome[] = ['sent'];
  // A message that was seen was delivered.
  if (outcome.receipts.includes('delivered') || outcome.receipts.includes('seen')) receipts.push('delivered');
  if (outcome.receipts.includes('seen')) receipts.push('seen');
  return { success: true, receipts };
}
