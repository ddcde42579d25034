import { join } from 'node:path';
import workerThreads from 'node:worker_threads';

/** The Temporal SDK's workflow thread entry (ThreadedVMWorkflowCreator spawns one per workflow thread). */
const WORKFLOW_THREAD = require.resolve('@temporalio/worker/lib/workflow/workflow-worker-thread');
const PRELOAD = join(__dirname, 'workflow-thread-preload.cjs');

let withStackTraces = true;
let installed = false;

/**
 * Whether the workflow threads a Temporal worker spawns from now on keep the SDK's promise hook. The hook captures
 * and formats a stack trace for every promise workflow code creates, which costs two thirds of a cohort broadcast's
 * workflow CPU (bench/RESULTS.md), and SDK 1.24 has no option to leave it out (temporalio/sdk-typescript#1587). Off,
 * those threads start with a preload that makes the hook unavailable, a state the SDK supports: workflows run the
 * same and only the `__stack_trace` query is refused. Other worker threads are left alone.
 */
export function setWorkflowStackTraces(enabled: boolean): void {
  withStackTraces = enabled;
  if (enabled || installed) return;
  installed = true;
  const SdkWorker = workerThreads.Worker;
  workerThreads.Worker = class extends SdkWorker {
    constructor(filename: string | URL, options: workerThreads.WorkerOptions = {}) {
      const workflowThread = !withStackTraces && String(filename) === WORKFLOW_THREAD;
      super(
        filename,
        workflowThread
          ? { ...options, execArgv: [...(options.execArgv ?? process.execArgv), '--require', PRELOAD] }
          : options,
      );
    }
  };
}
