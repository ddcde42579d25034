import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  DiagnosticsActivities,
  DiagnosticsPingInput,
  DiagnosticsPingResult,
} from '../diagnostics/diagnostics-activities';

const { describeWorker } = proxyActivities<DiagnosticsActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/** Round trip through a worker: proves the workflow bundle loads and activities are bound. */
export async function diagnosticsPing(input: DiagnosticsPingInput): Promise<DiagnosticsPingResult> {
  const { workflowId } = workflowInfo();
  const worker = await describeWorker({ workflowId });
  return { echo: input.echo, workflowId, worker };
}
