/**
 * Gathers the calls made while the previous batch runs into one batch (natural batching: no timer, no added wait
 * when calls are few). `run` answers one output per input, in order.
 */
export class Batcher<I, O> {
  private queue: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxSize = 500,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Let the calls of the same turn of the event loop join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxSize);
      try {
        const outputs = await this.run(batch.map((item) => item.input));
        batch.forEach((item, index) => item.resolve(outputs[index]));
      } catch (error) {
        batch.forEach((item) => item.reject(error));
      }
    }
    this.running = false;
  }
}

/** One Batcher per key (e.g. per workspace and channel), for statements that batch only within a group. */
export class KeyedBatcher<I, O> {
  private readonly batchers = new Map<string, Batcher<I, O>>();

  constructor(private readonly run: (key: string, inputs: I[]) => Promise<O[]>) {}

  submit(key: string, input: I): Promise<O> {
    let batcher = this.batchers.get(key);
    if (!batcher) {
      batcher = new Batcher((inputs) => this.run(key, inputs));
      this.batchers.set(key, batcher);
    }
    return batcher.submit(input);
  }
}
