import { Logger } from '@nestjs/common';
import Bull from 'bull';

type Process = (this: Bull.Queue, ...args: unknown[]) => Promise<void>;
type Guarded = Process & { guardsStart?: true };

const logger = new Logger('Queues');

/**
 * @nestjs/bull starts each `@Process()` handler with `queue.process(…)` and drops the promise it returns. When the
 * application closes while that start is still connecting to Redis (an app closed right after it started), the
 * promise rejects and nothing handles it: an unhandled rejection, which ends a Node process. Here every start gets
 * a handler: the failure of a queue that is closing is expected and ignored; any other is logged (Bull also emits
 * it as the queue's `error` event). The promise itself is returned unchanged.
 */
export function guardProcessStarts(): void {
  const prototype = (Bull as unknown as { prototype: { process: Guarded } }).prototype;
  if (prototype.process.guardsStart) return;
  const process = prototype.process;
  const guarded: Guarded = function (this: Bull.Queue, ...args: unknown[]) {
    const started = process.apply(this, args);
    started.catch((error: unknown) => {
      if ((this as unknown as { closing?: unknown }).closing) return;
      logger.error({
        message: 'queue processing stopped',
        queue: this.name,
        error: error instanceof Error ? error.message : String(error),
      });
    });
    return started;
  };
  guarded.guardsStart = true;
  prototype.process = guarded;
}
