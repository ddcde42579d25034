// Preloaded (--require) into the Temporal SDK's workflow threads when LOA_WORKFLOW_STACK_TRACES is off; see
// workflow-threads.ts. The SDK installs its promise hook only when v8.promiseHooks.createHook works: it then
// answers the `__stack_trace` query with "Workflow stack traces are not enabled on this worker".
'use strict';
const v8 = require('node:v8');

v8.promiseHooks.createHook = () => {
  throw new Error('Loa runs workflow threads without the promise hook (LOA_WORKFLOW_STACK_TRACES=false)');
};
