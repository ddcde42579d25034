import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { waitFor } from '@loa/testing';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ChildServer } from '../../events/testing/child-services';

const builtWorkerMain = join(resolve(__dirname, '../../..'), 'dist/worker.main.js');

/**
 * The built worker (apps/api/dist/worker.main.js) as a process of its own, as production runs it, on `env` (the
 * API's database, Redis, Temporal task queue and encryption key), which a test may kill with SIGKILL and start again.
 */
export function workerProcess(env: NodeJS.ProcessEnv): ChildServer {
  if (!existsSync(builtWorkerMain)) {
    throw new Error(
      `This test runs the built worker but ${builtWorkerMain} is missing. Build it first: npx nx build @loa/api ` +
        '(npx nx test @loa/api does so).',
    );
  }
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')),
  );
  return new ChildServer('worker', process.execPath, [builtWorkerMain], {
    ...inherited,
    ...env,
    LOA_LOG_LEVEL: 'warn',
  });
}

/** Waits until this worker process polls the task queue for activities (its workflows and activities are loaded). */
export async function waitUntilPolling(
  worker: ChildServer,
  client: Client,
  taskQueue: string,
): Promise<void> {
  await waitFor(
    `the worker process polling ${taskQueue}`,
    async () => {
      if (!worker.running) throw new Error(`the worker exited: ${worker.recentOutput}`);
      const identity = `loa-worker@${hostname()}:${worker.pid}`;
      const queue = await client.workflowService.describeTaskQueue({
        namespace: client.options.namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
      });
      if (!queue.pollers?.some((poller) => poller.identity === identity)) throw new Error('not polling yet');
    },
    90_000,
    250,
  );
}
