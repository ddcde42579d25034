import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { sendFault, type HttpSurface } from './fault-reply';

export interface FaultSurfaceInput {
  context: SandboxContext;
  surface: HttpSurface;
  /** The recipient a `recipients` rule matches against (84… phone, user id, E.164…), when the request has one. */
  recipientOf?: (request: FastifyRequest) => string | undefined;
}

/**
 * The fault rules of one provider surface as a preHandler: free when no rule exists (the common, benchmarked
 * case), otherwise it waits out the latency and answers the fault in the provider's envelope, or lets the route run.
 */
export function faultPreHandler(input: FaultSurfaceInput): preHandlerHookHandler {
  const { context, surface, recipientOf } = input;
  return function applyFaults(request, reply, done) {
    const faults = context.state.faults;
    if (faults.empty) return done();
    faults.evaluate({ surface, recipient: recipientOf?.(request), now: context.now() }).then(
      (decision) => {
        if (decision) sendFault(reply, surface, decision);
        else done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

/** Registers a provider's routes in their own scope, behind that surface's one fault preHandler. */
export function registerSurface(
  app: FastifyInstance,
  input: FaultSurfaceInput,
  routes: ((scope: FastifyInstance, context: SandboxContext) => void)[],
): void {
  app.register(async (scope) => {
    scope.addHook('preHandler', faultPreHandler(input));
    for (const register of routes) register(scope, input.context);
  });
}
