import { setMaxListeners } from 'node:events';
/**
 * The timers and outbound work of one state generation. reset() and close() cancel a generation: its pending
 * timers are cleared, its signal aborts in-flight callbacks, and anything scheduled on it afterwards (a retry
 * from a task that was already running) is dropped.
 */
export class Generation {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controller = new AbortController();

  constructor() {
    // Every pending callback and latency wait listens to this one signal; there can be thousands under load.
    setMaxListeners(0, this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Runs `task` after `delayMs` unless this generation is cancelled first; its failures are swallowed. */
  later(delayMs: number, task: (signal: AbortSignal) => Promise<unknown>): void {
    if (this.cancelled) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task(this.signal).catch(() => undefined);
    }, delayMs);
    this.timers.add(timer);
  }

  /** Resolves after `delayMs`, or at once when this generation is cancelled, so no request hangs on it. */
  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.cancelled) return resolve();
      const wake = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        this.signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, delayMs);
      this.timers.add(timer);
      this.signal.addEventListener('abort', wake, { once: true });
    });
  }

  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.controller.abort();
  }
}
