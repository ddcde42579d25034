import type { JourneyLogEntry } from '../journey/journey-contract';
import { JOURNEY_PATH_LIMIT } from '../journey/journey-status';
import type { StepId } from '../plan/plan.types';

/** The journey's path: recent entries for queries and the result, and the entries not yet recorded. */
export class JourneyLog {
  private recent: JourneyLogEntry[];
  private unflushed: JourneyLogEntry[];

  constructor(state: { path: JourneyLogEntry[]; unflushed: JourneyLogEntry[] }) {
    this.recent = state.path.slice(-JOURNEY_PATH_LIMIT);
    this.unflushed = [...state.unflushed];
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
  }

  get path(): JourneyLogEntry[] {
    return [...this.recent];
  }

  get pending(): number {
    return this.unflushed.length;
  }

  /** Hands over the unrecorded entries; `restore` puts them back when recording failed. */
  take(): { entries: JourneyLogEntry[]; restore: () => void } {
    const entries = this.unflushed;
    this.unflushed = [];
    return { entries, restore: () => (this.unflushed = [...entries, ...this.unflushed]) };
  }

  snapshot(): { path: JourneyLogEntry[]; unflushed: JourneyLogEntry[] } {
    return { path: this.path, unflushed: [...this.unflushed] };
  }
}
