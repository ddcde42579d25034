import { Inject, Injectable } from '@nestjs/common';
import { type Connection } from '@temporalio/client';
import { google, temporal } from '@temporalio/proto';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { TEMPORAL_HEALTH_CONNECTION } from '../temporal-health-connection';
import type { DependencyCheck } from '../health-report';
import { TEMPORAL_RPC_DEADLINE_MS } from '../run-check';

/** A worker long-polls for about a minute at a time; a poller not seen for longer than this has gone. */
export const POLLER_FRESHNESS_MS = 90_000;

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

@Injectable()
export class WorkerCheck implements DependencyCheck {
  readonly name = 'worker';

  constructor(
    @Inject(TEMPORAL_HEALTH_CONNECTION) private readonly connection: Connection,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  async run(): Promise<string> {
    const { taskQueue } = this.config.temporal;
    const [workflowPollers, activityPollers] = await Promise.all([
      this.freshPollers(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
      this.freshPollers(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    ]);
    if (workflowPollers.length === 0 || activityPollers.length === 0) {
      const missing = workflowPollers.length === 0 ? 'workflow' : 'activity';
      throw new Error(`no worker is polling the ${missing} tasks of task queue ${taskQueue}`);
    }
    const workers = new Set([...workflowPollers, ...activityPollers]).size;
    return `${workers} worker${workers === 1 ? '' : 's'} polling task queue ${taskQueue}`;
  }

  private async freshPollers(taskQueueType: temporal.api.enums.v1.TaskQueueType): Promise<string[]> {
    const { namespace, taskQueue } = this.config.temporal;
    const response = await this.connection.withDeadline(Date.now() + TEMPORAL_RPC_DEADLINE_MS, () =>
      this.connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType,
      }),
    );
    const now = Date.now();
    return (response.pollers ?? [])
      .filter((poller) => now - timestampMs(poller.lastAccessTime) <= POLLER_FRESHNESS_MS)
      .map((poller) => poller.identity ?? 'unknown');
  }
}

function timestampMs(timestamp: google.protobuf.ITimestamp | null | undefined): number {
  if (!timestamp) return 0;
  return Number(timestamp.seconds ?? 0) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
}
