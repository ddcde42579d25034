import type { CampaignSettings } from '../graph/settings.schema';
import { durationMs } from '../plan/duration';
import type { ContactTimeline } from './contact-timeline';

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
   * When exitOnGoal is set: the moment a goal event ends a wait that runs over [fromMs, toMs]. As in the journey, the
   * goal comes first: an event that both ends a wait.event and reaches the goal ends the journey.
   */
  interruptsAt(fromMs: number, toMs: number): number | undefined {
    if (!this.goal?.exitOnGoal || this.deadlineMs === undefined || toMs <= fromMs) return undefined;
    return this.timeline.first({
      name: this.goal.event,
      filter: this.goal.filter,
      fromMs,
      toMs: Math.min(toMs, this.deadlineMs),
      unconsumedOnly: true,
    })?.atMs;
  }

  /** When the contact converted: the first goal event in the window and up to `untilMs` (exit, clock stop), if any. */
  reachedAt(untilMs?: number): number | undefined {
    if (!this.goal || this.deadlineMs === undefined) return undefined;
    return this.timeline.first({
      name: this.goal.event,
      filter: this.goal.filter,
      fromMs: this.entryMs,
      toMs: untilMs === undefined ? this.deadlineMs : Math.min(this.deadlineMs, untilMs),
    })?.atMs;
  }
}
