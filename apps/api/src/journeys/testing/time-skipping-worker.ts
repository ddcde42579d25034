import type { INestApplicationContext } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { uniqueName } from '@loa/testing';
import { SendService } from '../../messages/send.service';
import { workflowBundlerOptions, workflowsPath } from '../../worker/workflow-bundling';
import { bindJourneyActivities } from '../journey-activity-bindings';

/**
 * The time of the running activity's workflow: when the server scheduled this attempt. On the time-skipping server
 * workflow time runs days ahead of the wall clock, and a send guard reading the wall clock would judge quiet hours
 * at another moment than the journey did (in production both are the same clock). Outside an activity, now.
 */
export function activityWorkflowTime(): number {
  try {
    return Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return Date.now();
  }
}

export interface TimeSkippingWorker {
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * A Temporal worker on the time-skipping server running the engine's workflows with every activity the product's
 * worker binds (journey-activity-bindings.ts) from `services`; the send service's time guards read workflow time.
 */
export async function startTimeSkippingWorker(
  env: TestWorkflowEnvironment,
  services: INestApplicationContext,
): Promise<TimeSkippingWorker> {
  const { activities, unbound } = bindJourneyActivities((token) => services.get(token, { strict: false }));
  if (unbound.length > 0) throw new Error(`activities not bound: ${unbound.join(', ')}`);
  services.get(SendService, { strict: false }).clock = activityWorkflowTime;
  const taskQueue = uniqueName('journeys-time-skipping');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: workflowsPath(),
    bundlerOptions: workflowBundlerOptions(),
    activities,
    shutdownGraceTime: '1s',
    shutdownForceTime: '10s',
  });
  const running = worker.run();
  return {
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
    },
  };
}
