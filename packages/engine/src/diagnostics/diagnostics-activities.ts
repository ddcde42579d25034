/** What a worker says about itself when the diagnostics workflow asks. */
export interface WorkerDescription {
  identity: string;
  taskQueue: string;
  namespace: string;
  startedAt: string;
}

/** Activity contract of the diagnostics workflow; the API's worker implements it. */
export interface DiagnosticsActivities {
  describeWorker(input: { workflowId: string }): Promise<WorkerDescription>;
}

export interface DiagnosticsPingInput {
  echo: string;
}

export interface DiagnosticsPingResult {
  echo: string;
  workflowId: string;
  worker: WorkerDescription;
}

export const DIAGNOSTICS_PING_WORKFLOW = 'diagnosticsPing';
