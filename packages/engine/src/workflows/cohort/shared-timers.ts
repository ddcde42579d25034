import { condition, sleep } from '@temporalio/workflow';

/**
 * Timers shared by the journeys of a cohort (DESIGN §6): every wait that ends at the same workflow moment is
 * served by one Temporal timer, so a page of contacts waiting out the same delay costs two history events, not two
 * per contact. A timer whose waiters all left early still fires, harmlessly.
 */
export class SharedTimers {
  private readonly pending = new Map<number, { fired: boolean }>();
  /** Distinct timers started. */
  started = 0;

  /** Waits until `done` holds or the workflow clock reaches `untilMs`; true when `done` held. */
  async waitUntil(done: () => boolean, untilMs: number): Promise<boolean> {
    const timer = this.at(untilMs);
    await condition(() => done() || timer.fired);
    return done();
  }

  /** Sleeps until `untilMs` on the shared timer of that moment. */
  async sleepUntil(untilMs: number): Promise<void> {
    const timer = this.at(untilMs);
    await condition(() => timer.fired);
  }

  private at(untilMs: number): { fired: boolean } {
    const existing = this.pending.get(untilMs);
    if (existing) return existing;
    const timer = { fired: false };
    this.pending.set(untilMs, timer);
    this.started += 1;
    sleep(Math.max(1, untilMs - Date.now())).then(
      () => {
        timer.fired = true;
        this.pending.delete(untilMs);
      },
      // Cancelled with the cohort: its waiters are cancelled with it.
      () => undefined,
    );
    return timer;
  }
}
