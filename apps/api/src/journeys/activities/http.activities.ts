import type { JourneyActivities } from '@loa/engine';
import { Context } from '@temporalio/activity';
import type { HttpStepCaller } from '../http/http-step-caller.service';

/** `callHttp`, bound to the worker's HTTP step caller. */
export function createHttpActivities(caller: HttpStepCaller): Pick<JourneyActivities, 'callHttp'> {
  return {
    async callHttp(input) {
      return caller.call(input, Context.current().cancellationSignal);
    },
  };
}
