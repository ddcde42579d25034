export { freePort } from './free-port';
export { connectDevServerEnvironment, connectTimeSkippingEnvironment } from './temporal-test-env';
export { TEST_ENV, testService, uniqueName, type TestService } from './test-services';
export { waitFor } from './wait-for';
export { lintAs } from './lint-as';
export { findBinary, requireBinary, stopProcess, waitUntil, WaitError, workspaceRoot } from '../process';
export { clearOfTimers, signalClearOfTimers, TIMER_GUARD_MS } from './clear-of-timers';
export { quietBundleLogger } from './quiet-bundle-logger';
