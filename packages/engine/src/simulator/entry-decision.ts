import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import type { TriggerSpec } from '../plan/plan.types';
import { matchesFilter } from '../rules/match-filter';
import { readPath } from '../rules/read-path';
import { dateAttributeMoment, nextYearlyMoment } from '../time/wait-until';
import type { SampleContact } from './simulation-input.schema';
import { resolveTime } from './virtual-time';

export interface EntryEvent {
  name: string;
  properties: Record<string, unknown>;
}

export type EntryDecision =
  { enters: true; atMs: number; event: EntryEvent } | { enters: false; reason: string };

/**
 * Whether and when a sample contact enters, as the trigger decides: the entry event (or startAt) for event,
 * segment and manual triggers; the next schedule tick for broadcasts; the next date moment for date triggers.
 */
export function entryDecision(input: {
  trigger: TriggerSpec;
  contact: SampleContact;
  startMs: number;
  timezone: string;
}): EntryDecision {
  const { trigger, contact, startMs, timezone } = input;
  const given = contact.entryEvent;
  const givenAt = given?.occurredAt ? resolveTime(given.occurredAt, { baseMs: startMs, timezone }) : startMs;
  const properties = given?.properties ?? {};
  switch (trigger.type) {
    case 'trigger.event': {
      if (!given) return { enters: true, atMs: startMs, event: { name: trigger.event, properties: {} } };
      if (given.name !== trigger.event)
        return {
          enters: false,
          reason: `its entry event is ${given.name}, the trigger waits for ${trigger.event}`,
        };
      if (!matchesFilter(trigger.filter, properties))
        return { enters: false, reason: `its ${given.name} event does not match the trigger's filter` };
      return { enters: true, atMs: givenAt, event: { name: given.name, properties } };
    }
    case 'trigger.segment':
    case 'trigger.manual':
      return { enters: true, atMs: givenAt, event: { name: given?.name ?? trigger.type, properties } };
    case 'trigger.schedule':
      return scheduleEntry(trigger.config, contact, startMs, trigger.config.timezone ?? timezone, properties);
    case 'trigger.date': {
      const value = readPath(contact.attributes, trigger.attribute);
      const moment =
        trigger.recurring === 'yearly'
          ? nextYearlyMoment({
              value,
              offsetDays: trigger.offsetDays,
              time: trigger.timeOfDay,
              timezone,
              nowMs: startMs,
            })
          : dateAttributeMoment({ value, offsetDays: trigger.offsetDays, time: trigger.timeOfDay, timezone });
      if (moment === undefined) return { enters: false, reason: `it has no date in ${trigger.attribute}` };
      if (moment < startMs) return { enters: false, reason: `its ${trigger.attribute} moment has passed` };
      return { enters: true, atMs: moment, event: { name: trigger.type, properties } };
    }
  }
}

function scheduleEntry(
  config: Extract<TriggerSpec, { type: 'trigger.schedule' }>['config'],
  contact: SampleContact,
  startMs: number,
  timezone: string,
  properties: Record<string, unknown>,
): EntryDecision {
  if (config.audience.kind === 'tag' && !contact.tags.includes(config.audience.tag))
    return { enters: false, reason: `it does not have the audience tag ${config.audience.tag}` };
  let atMs: number;
  if (config.schedule.kind === 'once') {
    atMs = DateTime.fromISO(config.schedule.at, { zone: timezone }).toMillis();
  } else {
    try {
      atMs = CronExpressionParser.parse(config.schedule.cron, {
        currentDate: new Date(startMs - 1),
        tz: timezone,
      })
        .next()
        .getTime();
    } catch (error) {
      return { enters: false, reason: `the schedule cannot be read: ${(error as Error).message}` };
    }
  }
  if (config.endsAt && atMs > DateTime.fromISO(config.endsAt, { zone: timezone }).toMillis())
    return { enters: false, reason: 'the schedule has ended' };
  return { enters: true, atMs, event: { name: 'trigger.schedule', properties } };
}
