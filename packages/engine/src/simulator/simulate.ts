import type { z } from 'zod';
import { parseCampaignGraph } from '../graph/graph.schema';
import { compileGraph } from '../plan/compile-graph';
import type { Plan } from '../plan/plan.types';
import type { ValidationContext } from '../validation/diagnostics';
import { ContactTimeline, type TimedEvent } from './contact-timeline';
import { entryDecision, type EntryEvent } from './entry-decision';
import { entryKeyOf, mayReenterAfterExit } from '../journey/journey-ids';
import { simulateContact } from './simulate-contact';
import { simulationOptionsSchema, type SampleContact, type ScriptedEvent } from './simulation-input.schema';
import type { SimulatedContact, SimulationResult } from './simulation-result.types';
import { stepLabelsOf } from './step-labels';
import { countNodes, totalsOf } from './summarize-simulation';
import { formatTime, resolveTime } from './virtual-time';

export type SimulationInput = z.input<typeof simulationOptionsSchema> & {
  /** A draft graph, as the builder or a file holds it. */
  graph: unknown;
  context?: ValidationContext;
};

const SIMULATION_IDENTITY = { campaignId: 'simulation', versionId: 'draft' };

/**
 * Runs a draft graph for sample contacts on a virtual clock, with scripted events and provider outcomes, through
 * the interpreter, send-time guard and path vocabulary of the contactJourney workflow (a differential test keeps
 * them in step); sends nothing. What only the worker knows at send time is not modelled: frequency caps, consent,
 * provider quotas and retries, pause and stop. Pure apart from reading the clock when startAt is absent.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const options = simulationOptionsSchema.safeParse(input);
  const compiled = compileGraph(input.graph, SIMULATION_IDENTITY, input.context);
  const inputErrors = options.success
    ? []
    : options.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  if (!compiled.ok || !options.success)
    return { ok: false, diagnostics: compiled.diagnostics, inputErrors, ...emptyRun() };

  const { plan } = compiled;
  const graph = parseCampaignGraph(input.graph);
  const timezone = plan.settings.timezone;
  const startMs = options.data.startAt
    ? resolveTime(options.data.startAt, { baseMs: Date.now(), timezone })
    : Date.now();
  const horizonMs = options.data.until
    ? resolveTime(options.data.until, { baseMs: startMs, timezone })
    : undefined;
  const labelOf = stepLabelsOf(graph);
  const triggerNodeId = graph.nodes.find((node) => node.type.startsWith('trigger.'))?.id ?? '';
  const enrollments: Enrollments = { keys: new Set(), count: 0 };

  const contacts = options.data.contacts.map((contact): SimulatedContact => {
    const decision = entryDecision({ trigger: plan.trigger, contact, startMs, timezone });
    if (!decision.enters) return notEntered(contact.id, decision.reason);
    const refusal = enrollmentRefusal({
      plan,
      contact,
      enrollments,
      entryEvent: decision.event,
      atMs: decision.atMs,
      horizonMs,
    });
    if (refusal !== undefined) return notEntered(contact.id, refusal);
    const timeline = new ContactTimeline([
      { name: decision.event.name, properties: decision.event.properties, atMs: decision.atMs, entry: true },
      ...eventsOf(options.data.events, contact.id, decision.atMs, timezone),
    ]);
    return simulateContact({
      plan,
      labelOf,
      triggerNodeId,
      contact,
      entry: decision,
      timeline,
      outcomes: options.data.outcomes,
      prices: options.data.prices,
      horizonMs,
    });
  });

  return {
    ok: true,
    diagnostics: compiled.diagnostics,
    inputErrors: [],
    planHash: plan.hash,
    startAt: formatTime(startMs, timezone),
    contacts,
    nodeCounts: countNodes(graph, contacts),
    totals: totalsOf(contacts),
  };
}

/** Why a contact that the trigger lets in may not enroll: the clock stopping first, re-entry, or the limit. */
function enrollmentRefusal(input: {
  plan: Plan;
  contact: SampleContact;
  enrollments: Enrollments;
  entryEvent: EntryEvent;
  atMs: number;
  horizonMs?: number;
}): string | undefined {
  const { plan, contact, enrollments } = input;
  if (input.horizonMs !== undefined && input.atMs > input.horizonMs)
    return 'it would enter after the clock stops';
  const entryKey = entryKeyOf(plan, {
    id: `sample-${enrollments.count}`,
    ...input.entryEvent,
    occurredAt: new Date(input.atMs).toISOString(),
  });
  const key = `${contact.id}\u0000${entryKey}`;
  if (enrollments.keys.has(key) && !mayReenterAfterExit(plan)) return 'it already entered (re-entry: never)';
  const limit = plan.settings.enrollmentLimit;
  if (limit !== undefined && enrollments.count >= limit) return `the enrollment limit of ${limit} is reached`;
  enrollments.keys.add(key);
  enrollments.count += 1;
  return undefined;
}

interface Enrollments {
  keys: Set<string>;
  count: number;
}

function eventsOf(
  events: ScriptedEvent[],
  contactId: string,
  entryMs: number,
  timezone: string,
): TimedEvent[] {
  return events
    .filter((event) => event.contactId === contactId)
    .map((event) => ({
      name: event.name,
      properties: event.properties,
      atMs: resolveTime(event.at, { baseMs: entryMs, timezone }),
      entry: false,
    }));
}

function notEntered(contactId: string, reason: string): SimulatedContact {
  return {
    contactId,
    entered: false,
    notEnteredReason: reason,
    exitReason: null,
    converted: false,
    path: [],
    messages: [],
    costVnd: 0,
  };
}

function emptyRun(): Pick<SimulationResult, 'contacts' | 'nodeCounts' | 'totals'> {
  return { contacts: [], nodeCounts: {}, totals: totalsOf([]) };
}
