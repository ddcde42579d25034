import type { Diagnostic } from '@loa/engine/browser';

export interface SavedDraft {
  revision: number;
  savedAt: string;
  diagnostics: Diagnostic[];
}

/** Who saved the draft since our revision (a 409 `urn:loa:problem:stale-revision`). */
export interface Conflict {
  currentRevision: number;
  lastSavedBy: string;
  lastSavedAt: string;
}

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; detail: string }
  | { kind: 'conflict'; conflict: Conflict };

/** What a flush ended with: all saved, a failure (the changes stay pending) or a conflict (saving stopped). */
export type FlushResult = 'saved' | 'failed' | 'conflict';

export class SaveConflict extends Error {
  constructor(readonly conflict: Conflict) {
    super('stale revision');
  }
}

export interface AutosaveOptions<G> {
  revision: number;
  savedAt: string;
  /** Saves `graph` from `revision`; throws SaveConflict on a 409 stale revision, anything else on other failures. */
  save: (revision: number, graph: G) => Promise<SavedDraft>;
  onStatus: (status: SaveStatus) => void;
  onSaved: (saved: SavedDraft) => void;
  quietMs?: number;
  timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

/**
 * Saves the draft after a quiet moment, one save at a time: each save starts from the revision the previous one
 * answered. A conflict stops saving until the page reloads the draft.
 */
export class Autosave<G> {
  private revision: number;
  private pending: G | undefined;
  private inFlight: Promise<boolean> | undefined;
  private timer: unknown;
  private stopped = false;
  private conflicted = false;
  private readonly quietMs: number;
  private readonly timers: NonNullable<AutosaveOptions<G>['timers']>;

  constructor(private readonly options: AutosaveOptions<G>) {
    this.revision = options.revision;
    this.quietMs = options.quietMs ?? 1500;
    this.timers = options.timers ?? {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  get hasUnsaved(): boolean {
    return this.pending !== undefined || this.inFlight !== undefined;
  }

  /** The graph changed: save it after `quietMs` without further change. */
  changed(graph: G): void {
    if (this.stopped) return;
    this.pending = graph;
    this.options.onStatus({ kind: 'unsaved' });
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.flush(), this.quietMs);
  }

  /**
   * Saves now what is pending (leaving the page, hiding the tab, retry, before submit or publish); resolves when
   * nothing is left to save, or with why something is.
   */
  async flush(): Promise<FlushResult> {
    this.timers.clear(this.timer);
    while (!this.stopped) {
      if (this.inFlight) {
        if (!(await this.inFlight)) return this.conflicted ? 'conflict' : 'failed';
        continue;
      }
      if (this.pending === undefined) return 'saved';
      const graph = this.pending;
      this.pending = undefined;
      this.inFlight = this.saveOnce(graph).finally(() => {
        this.inFlight = undefined;
      });
    }
    if (this.conflicted) return 'conflict';
    return this.hasUnsaved ? 'failed' : 'saved';
  }

  stop(): void {
    this.stopped = true;
    this.timers.clear(this.timer);
  }

  /** True when saved; a failure keeps the graph pending for the next change or retry. */
  private async saveOnce(graph: G): Promise<boolean> {
    this.options.onStatus({ kind: 'saving' });
    try {
      const saved = await this.options.save(this.revision, graph);
      this.revision = saved.revision;
      this.options.onSaved(saved);
      if (this.pending === undefined) this.options.onStatus({ kind: 'saved', at: saved.savedAt });
      return true;
    } catch (error) {
      if (error instanceof SaveConflict) {
        this.conflicted = true;
        this.stop();
        this.pending = undefined;
        this.options.onStatus({ kind: 'conflict', conflict: error.conflict });
        return false;
      }
      this.pending ??= graph;
      this.options.onStatus({
        kind: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }
}
