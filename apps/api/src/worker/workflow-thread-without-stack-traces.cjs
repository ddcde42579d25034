// The entry of the Temporal SDK's workflow threads when LOA_WORKFLOW_STACK_TRACES is off (workflow-threads.ts): it
// makes v8.promiseHooks.createHook unavailable to the SDK, a state the SDK supports (its `__stack_trace` query then answers
// "Workflow stack traces are not enabled on this worker"), then runs the SDK's own thread entry unchanged.
'use strict';
const v8 = require('node:v8');
const { workerData } = require('node:worker_threads');

const UNAVAILABLE = 'v8.promiseHooks.createHook is not available';
/** The SDK's stack-trace hook is installed from here (GlobalHandlers.setPromiseHook). */
const SDK_CALLER = /[\\/]@temporalio[\\/]worker[\\/]lib[\\/]workflow[\\/]vm-shared\.js:/;
const createHook = v8.promiseHooks.createHook;
// Only the SDK's call is refused: Node's own async_hooks (AsyncLocalStorage, which the SDK's cancellation scopes
// use inside workflows) install their promise hooks through the same function and must keep them.
v8.promiseHooks.createHook = function (hooks) {
  if (SDK_CALLER.test(new Error().stack ?? '')) {
    throw new Error('Loa runs workflow threads without the promise hook (LOA_WORKFLOW_STACK_TRACES=false)');
  }
  return createHook.call(this, hooks);
};
// The SDK says so on the console of every thread; the worker logs it once, in its own format.
const warn = console.warn;
console.warn = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith(UNAVAILABLE)) return;
  warn(...args);
};
require(workerData.loaWorkflowThread);
