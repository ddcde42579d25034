import type { DiagnosticsActivities, WorkerDescription } from '@loa/engine';

/** Binds the engine's diagnostics activity contract to this worker's own description. */
export function createDiagnosticsActivities(self: WorkerDescription): DiagnosticsActivities {
  return {
    async describeWorker() {
      return self;
    },
  };
}
