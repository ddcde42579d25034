import type { PropertyFilter } from '../graph/common.schema';
import type { Rule } from '../graph/nodes/branch-nodes.schema';
import type { WaitEventStep } from '../plan/plan.types';
import { carriesEntryKey } from '../journey/wait-event-key';
import { matchesFilter } from '../rules/match-filter';

export interface TimedEvent {
  name: string;
  properties: Record<string, unknown>;
  atMs: number;
  /** The event that enrolled the contact: it counts for event_seen, never for a wait or the goal. */
  entry: boolean;
}

const DAY_MS = 86_400_000;

/** The events of one sample contact on the virtual clock, in time order; a wait.event consumes what it matches. */
export class ContactTimeline {
  private readonly events: TimedEvent[];
  private readonly consumed = new Set<TimedEvent>();

  constructor(events: TimedEvent[]) {
    this.events = [...events].sort((a, b) => a.atMs - b.atMs);
  }

  /**
   * The first event a wait.event takes: right name, filter and entry key value (awaitedEntryKeyValue), in
   * [fromMs, toMs], not yet consumed.
   */
  awaited(input: {
    step: WaitEventStep;
    entryKeyValue: unknown;
    fromMs: number;
    toMs: number;
  }): TimedEvent | undefined {
    const { step, entryKeyValue, fromMs, toMs } = input;
    return this.events.find(
      (event) =>
        !event.entry &&
        !this.consumed.has(event) &&
        event.atMs >= fromMs &&
        event.atMs <= toMs &&
        event.name === step.event &&
        matchesFilter(step.filter, event.properties) &&
        carriesEntryKey(step, event.properties, entryKeyValue),
    );
  }

  consume(event: TimedEvent): void {
    this.consumed.add(event);
  }

  /** event_seen: matching events (the entry event included) within the rule's days before `nowMs`. */
  count(rule: Extract<Rule, { kind: 'event_seen' }>, nowMs: number): number {
    const fromMs = nowMs - rule.withinDays * DAY_MS;
    return this.events.filter(
      (event) =>
        event.atMs <= nowMs &&
        event.atMs >= fromMs &&
        event.name === rule.event &&
        matchesFilter(rule.filter, event.properties),
    ).length;
  }

  /** The first event other than the entry event with this name and filter in [fromMs, toMs] (goals). */
  first(input: {
    name: string;
    filter?: PropertyFilter;
    fromMs: number;
    toMs: number;
    /** Skip events a wait.event already took. */
    unconsumedOnly?: boolean;
  }): TimedEvent | undefined {
    return this.events.find(
      (event) =>
        !event.entry &&
        !(input.unconsumedOnly && this.consumed.has(event)) &&
        event.atMs >= input.fromMs &&
        event.atMs <= input.toMs &&
        event.name === input.name &&
        matchesFilter(input.filter, event.properties),
    );
  }
}
