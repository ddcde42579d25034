import type { Plan, TriggerSpec } from '@loa/engine';
import { MONTHS, type ScheduleSpec } from '@temporalio/client';
import { DateTime } from 'luxon';

type ScheduleTrigger = Extract<TriggerSpec, { type: 'trigger.schedule' }>;
type DateTrigger = Extract<TriggerSpec, { type: 'trigger.date' }>;

/** The campaign's Temporal Schedule id: one per campaign, so creating it again is updating it. */
export function campaignScheduleId(campaignId: string): string {
  return `campaign-schedule:${campaignId}`;
}

/** Workflow id prefix of the runs a campaign's schedule starts (Temporal appends the scheduled time). */
export function scheduledRunWorkflowId(campaignId: string): string {
  return `campaign-run:${campaignId}`;
}

/**
 * When a trigger.schedule fires, as a Temporal ScheduleSpec: a one-off local date-time (a calendar with its year),
 * or a cron expression; in the trigger's timezone, else the campaign's; no firing after `endsAt`.
 */
export function scheduleSpecOf(trigger: ScheduleTrigger, plan: Plan): ScheduleSpec {
  const timezone = trigger.config.timezone ?? plan.settings.timezone;
  const { schedule, endsAt } = trigger.config;
  const end = endsAt ? { endAt: DateTime.fromISO(endsAt, { zone: timezone }).toJSDate() } : {};
  if (schedule.kind === 'recurring') return { cronExpressions: [schedule.cron], timezone, ...end };
  const at = DateTime.fromISO(schedule.at, { zone: timezone });
  return {
    calendars: [
      {
        year: at.year,
        month: MONTHS[at.month - 1] ?? '*',
        dayOfMonth: at.day,
        hour: at.hour,
        minute: at.minute,
        second: at.second,
      },
    ],
    timezone,
    ...end,
  };
}

/** trigger.date: every day at the trigger's time of day, in the campaign's timezone. */
export function dateScheduleSpecOf(trigger: DateTrigger, plan: Plan): ScheduleSpec {
  const [hour = 0, minute = 0] = trigger.timeOfDay.split(':').map(Number);
  return { calendars: [{ hour, minute }], timezone: plan.settings.timezone };
}
