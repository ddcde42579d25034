import type { CampaignSettings } from '../graph/settings.schema';
import { durationMs } from '../plan/duration';
import type { ContactTimeline } from './contact-timeline';

/** The exit reason of a journey that reaches the campaign goal while exitOnGoal is set. */
export const GOAL_EXIT_REASON = 'converted';

/** The campaign's conversion goal for one contact: a goal event within the window after entry. */
export class CampaignGoal {
  private readonly deadlineMs?: number;

  constructor(
    private readonly goal: CampaignSettings['goal'],
    private readonly timeline: ContactTimeline,
    private readonly entryMs: number,
  ) {
    if (goal) this.deadlineMs = entryMs + durationMs(goal.window);
  }

  get event(): string | undefined {
    return this.goal?.event;
  }

  /**
   * When exitOnGoal is set: the moment a goal event, not already taken by a wait.event, ends a wait that runs over
   * [fromMs, toMs).
   */
  interruptsAt(fromMs: number, toMs: number): number | undefined {
    if (!this.goal?.exitOnGoal || this.deadlineMs === undefined || toMs <= fromMs) return undefined;
    return this.timeline.first({
      name: this.goal.event,
      filter: this.goal.filter,
      fromMs,
      toMs: Math.min(toMs - 1, this.deadlineMs),
      unconsumedOnly: true,
    })?.atMs;
  }

  /** When the contact converted: the first goal event in the window (and before the clock stopped), if any. */
  reachedAt(horizonMs?: number): number | undefined {
    if (!this.goal || this.deadlineMs === undefined) return undefined;
    return this.timeline.first({
      name: this.goal.event,
      filter: this.goal.filter,
      fromMs: this.entryMs,
      toMs: horizonMs === undefined ? this.deadlineMs : Math.min(this.deadlineMs, horizonMs),
    })?.atMs;
  }
}
