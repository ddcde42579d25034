export {
  BinaryNotFoundError,
  findBinary,
  isExecutable,
  requireBinary,
  type FindBinaryOptions,
} from './find-binary';
export { isAlive, STOP_GRACE_MS, stopProcess, type StopOptions, type StopOutcome } from './stop-process';
export { waitUntil, WaitError, type WaitFailure, type WaitOptions } from './wait-until';
export { workspaceRoot } from './workspace-root';
