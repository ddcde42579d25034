import { condition } from '@temporalio/workflow';

/**
 * Resolves once every other coroutine of the workflow has gone as far as it can in this activation: Temporal checks
 * blocked conditions only after the activation's microtasks ran. (A condition is also checked once when made; that
 * first check says no.) Deterministic: it depends on nothing but the activation's jobs.
 */
export function afterOthersBlock(): Promise<void> {
  let checkedOnce = false;
  return condition(() => {
    const ready = checkedOnce;
    checkedOnce = true;
    return ready;
  });
}
