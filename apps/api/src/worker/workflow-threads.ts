import { join } from 'node:path';
import workerThreads from 'node:worker_threads';

/** The Temporal SDK's workflow thread entry (ThreadedVMWorkflowCreator spawns one per workflow thread). */
const WORKFLOW_THREAD = require.resolve('@temporalio/worker/lib/workflow/workflow-worker-thread');
const WITHOUT_STACK_TRACES = join(__dirname, 'workflow-thread-without-stack-traces.cjs');

/** One switch per process, shared by every copy of this module (jest loads one per test file). */
const STATE = Symbol.for('loa.workflowThreads');
interface State {
  withStackTraces: boolean;
}
type Patched = typeof workerThreads.Worker & { [STATE]?: State };

/**
 * Whether the workflow threads a Temporal worker spawns from now on keep the SDK's promise hook. The hook captures
 * and formats a stack trace for every promise workflow code creates, which costs two thirds of a cohort broadcast's
 * workflow CPU (bench/RESULTS.md), and SDK 1.24 has no option to leave it out (temporalio/sdk-typescript#1587). Off,
 * those threads start from workflow-thread-without-stack-traces.cjs, which makes the hook unavailable and then runs
 * the SDK's own entry: workflows run the same and only the `__stack_trace` query is refused. Worker options are left
 * as they are (Node refuses V8 flags in a thread's own execArgv), and other threads are not touched.
 */
export function setWorkflowStackTraces(enabled: boolean): void {
  const current = workerThreads.Worker as Patched;
  const installed = current[STATE];
  if (installed) {
    installed.withStackTraces = enabled;
    return;
  }
  if (enabled) return;
  const state: State = { withStackTraces: enabled };
  class WorkflowThreads extends current {
    constructor(filename: string | URL, options: workerThreads.WorkerOptions = {}) {
      const wrap =
        !state.withStackTraces && String(filename) === WORKFLOW_THREAD && options.workerData === undefined;
      if (wrap)
        super(WITHOUT_STACK_TRACES, { ...options, workerData: { loaWorkflowThread: WORKFLOW_THREAD } });
      else super(filename, options);
    }
  }
  Object.defineProperty(WorkflowThreads, STATE, { value: state });
  workerThreads.Worker = WorkflowThreads;
}
