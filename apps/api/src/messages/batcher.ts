/**
 * Gathers concurrent calls into batches (natural batching: no timer, no added wait when calls are few, unless
 * `gatherMs` asks a batch to wait that long for more calls before it starts). Up to `lanes` batches run at once;
 * calls made while they run wait for the next free lane and go together. `run` answers one output per input, in
 * order. With `alone`, a batch that fails is run again in smaller batches (halves, down to one input), so that one
 * input that cannot be handled fails only its own call.
 */
export class Batcher<I, O> {
  private queue: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> = [];
  private busyLanes = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions = {},
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled && this.busyLanes < (this.options.lanes ?? 1)) {
        this.scheduled = true;
        const start = () => {
          this.scheduled = false;
          void this.lane();
        };
        // Let the calls of the same turn of the event loop (or of the next gatherMs) join the batch.
        if (this.options.gatherMs) setTimeout(start, this.options.gatherMs);
        else setImmediate(start);
      }
    });
  }

  private async lane(): Promise<void> {
    if (this.queue.length === 0) return;
    this.busyLanes += 1;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxSize ?? 500);
      try {
        const outputs = await this.run(batch.map((item) => item.input));
        batch.forEach((item, index) => item.resolve(outputs[index]));
      } catch (error) {
        if (this.options.alone && batch.length > 1) await this.runAlone(batch);
        else batch.forEach((item) => item.reject(error));
      }
    }
    this.busyLanes -= 1;
  }

  /** A failed batch again in halves, and each half that fails again in halves, down to single inputs. */
  private async runAlone(
    batch: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }>,
  ): Promise<void> {
    const half = Math.ceil(batch.length / 2);
    for (const part of [batch.slice(0, half), batch.slice(half)]) {
      if (part.length === 0) continue;
      try {
        const outputs = await this.run(part.map((item) => item.input));
        part.forEach((item, index) => item.resolve(outputs[index] as O));
      } catch (error) {
        if (part.length > 1) await this.runAlone(part);
        else part[0]!.reject(error);
      }
    }
  }
}

interface BatcherOptions {
  maxSize?: number;
  gatherMs?: number;
  lanes?: number;
  alone?: boolean;
}

/** One Batcher per key (e.g. per workspace and channel), for statements that batch only within a group. */
export class KeyedBatcher<I, O> {
  private readonly batchers = new Map<string, Batcher<I, O>>();

  constructor(
    private readonly run: (key: string, inputs: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions = {},
  ) {}

  submit(key: string, input: I): Promise<O> {
    let batcher = this.batchers.get(key);
    if (!batcher) {
      batcher = new Batcher((inputs) => this.run(key, inputs), this.options);
      this.batchers.set(key, batcher);
    }
    return batcher.submit(input);
  }
}
