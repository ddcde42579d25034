import type { JourneyLogEntry } from '../journey/journey-contract';
import { JOURNEY_PATH_LIMIT } from '../journey/journey-status';
import type { StepId } from '../plan/plan.types';

/** The journey's path: recent entries for queries and the result, and the entries not yet recorded. */
export class JourneyLog {
  private recent: JourneyLogEntry[];
  private unflushed: JourneyLogEntry[];
  /** Entries added over the whole enrollment: the unflushed ones are always the last of them. */
  private logged: number;

  constructor(state: { path: JourneyLogEntry[]; unflushed: JourneyLogEntry[]; logged?: number }) {
    this.recent = state.path.slice(-JOURNEY_PATH_LIMIT);
    this.unflushed = [...state.unflushed];
    // Continuations written before the count existed carried the whole path (nothing was recorded for real then).
    this.logged = state.logged ?? state.path.length;
  }

  /** Adds an entry at the current workflow time. */
  add(stepId: StepId, outcome: string, detail?: string): void {
    const entry: JourneyLogEntry = {
      stepId,
      outcome,
      at: new Date().toISOString(),
      ...(detail && { detail }),
    };
    this.recent.push(entry);
    if (this.recent.length > JOURNEY_PATH_LIMIT) this.recent.shift();
    this.unflushed.push(entry);
    this.logged += 1;
  }

  get path(): JourneyLogEntry[] {
    return [...this.recent];
  }

  /** Whether any entry of the enrollment was recorded (so its enrollment row exists). */
  get recorded(): boolean {
    return this.logged > this.unflushed.length;
  }

  get pending(): number {
    return this.unflushed.length;
  }

  /**
   * Hands over the unrecorded entries and the position of the first one in the enrollment's log; `restore` puts
   * them back when recording failed (they keep their positions: later entries follow them).
   */
  take(): { entries: JourneyLogEntry[]; firstSeq: number; restore: () => void } {
    const entries = this.unflushed;
    const firstSeq = this.logged - entries.length;
    this.unflushed = [];
    return { entries, firstSeq, restore: () => (this.unflushed = [...entries, ...this.unflushed]) };
  }

  snapshot(): { path: JourneyLogEntry[]; unflushed: JourneyLogEntry[]; logged: number } {
    return { path: this.path, unflushed: [...this.unflushed], logged: this.logged };
  }
}
