/**
 * The simulation panel's form state and how it becomes the engine simulator's input (the same vocabulary as the
 * API's POST /campaigns/{id}/simulate: sample contacts, scripted events and provider outcomes). Pure.
 */
import type { SampleContactInput, ScriptedEventInput, SimulationInput } from '@loa/engine/browser';

export interface KeyValue {
  key: string;
  value: string;
}

/** A contact of the workspace, as GET /contacts lists it (the fields the simulator reads). */
export interface WorkspaceContact {
  id: string;
  externalId: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  score: number;
  doNotContact: boolean;
  consents: Partial<Record<'zns' | 'oa' | 'sms' | 'email', { state: 'granted' | 'denied' | 'unknown' }>>;
  identities: Array<{ userId: string }>;
}

export interface FormContact {
  /** The contact's id in the simulation: the workspace contact's id, or the sample's own. */
  key: string;
  source: { kind: 'workspace'; contact: WorkspaceContact } | { kind: 'sample' };
  /** Ids of the segments the contact is in: a workspace contact's real memberships, a sample's chosen ones. */
  segmentIds: string[];
  /** Sample contacts only. */
  name: string;
  phone: string;
  email: string;
  zaloUserId: string;
  attributes: KeyValue[];
  /** The entry event's properties (event-triggered campaigns; its name is the trigger's event). */
  entryProperties: KeyValue[];
}

export type TimeUnit = 'minutes' | 'hours' | 'days';

export interface FormEvent {
  contactKey: string;
  name: string;
  properties: KeyValue[];
  /** How long after the contact's entry the event happens. */
  after: number;
  unit: TimeUnit;
}

export type FormOutcome = 'delivered' | 'seen' | 'sent' | 'failed';

export interface FormNodeOutcome {
  outcome: FormOutcome;
  /** The provider's error code for a failure, e.g. zns:-118 (a phone without Zalo). */
  errorCode: string;
}

export interface SimulationForm {
  contacts: FormContact[];
  events: FormEvent[];
  /** Per send node id; nodes left out are delivered. */
  outcomes: Record<string, FormNodeOutcome>;
  /** Where the virtual clock starts (ISO); now when empty. */
  startAt: string;
  /** How many days the clock runs before it stops. */
  untilDays: number;
}

const UNIT_LETTER: Record<TimeUnit, string> = { minutes: 'm', hours: 'h', days: 'd' };
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A typed value: numbers (not phone-like texts with a leading zero), true and false; text otherwise. */
export function parseValue(text: string): unknown {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  return text;
}

export function recordOf(pairs: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(
    pairs.filter((pair) => pair.key.trim() !== '').map((pair) => [pair.key.trim(), parseValue(pair.value)]),
  );
}

/** A workspace contact as the runtime sees it (as the API's simulation route loads it), in these segments. */
export function sampleOfWorkspaceContact(
  contact: WorkspaceContact,
  segmentIds: string[],
): SampleContactInput {
  const consents: Record<string, string> = {};
  for (const [channel, consent] of Object.entries(contact.consents))
    if (consent) consents[channel] = consent.state;
  return {
    id: contact.id,
    attributes: {
      ...contact.attributes,
      ...(contact.name !== null && { name: contact.name }),
      ...(contact.externalId !== null && { externalId: contact.externalId }),
      score: contact.score,
    },
    tags: contact.tags,
    ...(contact.phone !== null && { phone: contact.phone }),
    ...(contact.email !== null && { email: contact.email }),
    ...(contact.identities[0] && { zaloUserId: contact.identities[0].userId }),
    doNotContact: contact.doNotContact,
    consents: consents as SampleContactInput['consents'],
    segments: segmentIds,
  };
}

function sampleOfFormContact(contact: FormContact): SampleContactInput {
  if (contact.source.kind === 'workspace')
    return sampleOfWorkspaceContact(contact.source.contact, contact.segmentIds);
  const attributes = recordOf(contact.attributes);
  if (contact.name.trim() !== '') attributes['name'] = contact.name.trim();
  return {
    id: contact.key,
    attributes,
    ...(contact.phone.trim() !== '' && { phone: contact.phone.trim() }),
    ...(contact.email.trim() !== '' && { email: contact.email.trim() }),
    ...(contact.zaloUserId.trim() !== '' && { zaloUserId: contact.zaloUserId.trim() }),
    ...(contact.segmentIds.length > 0 && { segments: contact.segmentIds }),
  };
}

function outcomeOf(choice: FormNodeOutcome) {
  switch (choice.outcome) {
    case 'delivered':
      return 'success' as const;
    case 'seen':
      return { success: true as const, receipts: ['delivered' as const, 'seen' as const] };
    case 'sent':
      return { success: true as const, receipts: [] };
    case 'failed':
      return choice.errorCode.trim() === '' ? ('failure' as const) : { failure: choice.errorCode.trim() };
  }
}

/**
 * The simulator's input for `graph`: every contact (entering through `entryEvent` when the campaign starts on an
 * event), the scripted events as offsets from each contact's entry, and the outcome of each send node.
 */
export function simulationInputOf(
  form: SimulationForm,
  graph: unknown,
  entryEvent: string | undefined,
): SimulationInput {
  const contacts = form.contacts.map((contact) => ({
    ...sampleOfFormContact(contact),
    ...(entryEvent && { entryEvent: { name: entryEvent, properties: recordOf(contact.entryProperties) } }),
  }));
  const events: ScriptedEventInput[] = form.events
    .filter((event) => event.name.trim() !== '')
    .map((event) => ({
      contactId: event.contactKey,
      name: event.name.trim(),
      properties: recordOf(event.properties),
      at: `+${Math.max(0, Math.round(event.after))}${UNIT_LETTER[event.unit]}`,
    }));
  const outcomes = Object.fromEntries(
    Object.entries(form.outcomes).map(([nodeId, choice]) => [nodeId, outcomeOf(choice)]),
  );
  return {
    graph,
    contacts,
    events,
    outcomes,
    ...(form.startAt !== '' && { startAt: form.startAt }),
    until: `+${Math.max(1, Math.round(form.untilDays))}d`,
  };
}

/** The event a campaign's trigger enters contacts on, when it starts on an event. */
export function entryEventOf(graph: { nodes: Array<{ type: string; data: Record<string, unknown> }> }) {
  const trigger = graph.nodes.find((node) => node.type === 'trigger.event');
  return typeof trigger?.data['event'] === 'string' ? trigger.data['event'] : undefined;
}

/** Send nodes, whose provider outcome the form scripts. */
export function sendNodesOf<N extends { id: string; type: string }>(graph: { nodes: N[] }): N[] {
  return graph.nodes.filter((node) => node.type.startsWith('send.'));
}

/** A new typed sample contact; its entry event starts with the trigger's entry key (e.g. orderId) to fill. */
export function newSampleContact(number: number, entryKey: string | undefined): FormContact {
  return {
    key: `sample-${number}`,
    source: { kind: 'sample' },
    segmentIds: [],
    name: '',
    phone: '',
    email: '',
    zaloUserId: '',
    attributes: [],
    entryProperties: entryKey ? [{ key: entryKey, value: '' }] : [],
  };
}

/** A workspace contact as it is now, with the ids of the segments it is a member of (GET /contacts/{id}/segments). */
export function newWorkspaceContact(
  contact: WorkspaceContact,
  segmentIds: string[],
  entryKey: string | undefined,
): FormContact {
  return {
    ...newSampleContact(0, entryKey),
    key: contact.id,
    source: { kind: 'workspace', contact },
    segmentIds,
  };
}

/** The trigger's entry key (trigger.event's `entryKey`), which each contact's entry event should carry. */
export function entryKeyOf(graph: { nodes: Array<{ type: string; data: Record<string, unknown> }> }) {
  const trigger = graph.nodes.find((node) => node.type === 'trigger.event');
  return typeof trigger?.data['entryKey'] === 'string' ? trigger.data['entryKey'] : undefined;
}

/** Event names the graph waits for or counts as its goal: the suggestions for scripted events. */
export function eventNamesOf(graph: {
  nodes: Array<{ type: string; data: Record<string, unknown> }>;
  settings?: Record<string, unknown>;
}): string[] {
  const names = graph.nodes
    .filter((node) => node.type === 'wait.event')
    .map((node) => node.data['event'])
    .concat((graph.settings?.['goal'] as { event?: unknown } | undefined)?.event);
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name !== ''))];
}
