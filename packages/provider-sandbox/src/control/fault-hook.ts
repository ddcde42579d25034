import type {
  FastifyInstance,
  FastifyRequest,
  onSendHookHandler,
  preHandlerHookHandler,
  RawRequestDefaultExpression,
} from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { sendFault, type HttpSurface } from './fault-reply';

export interface FaultSurfaceInput {
  context: SandboxContext;
  surface: HttpSurface;
  /** The recipient a `recipients` rule matches against (84… phone, user id, E.164…), when the request has one. */
  recipientOf?: (request: FastifyRequest) => string | undefined;
}

/** Requests that a `reset` fault matched: the route runs, then the connection is dropped instead of answered. */
const answersToDrop = new WeakSet<RawRequestDefaultExpression>();

/**
 * The fault rules of one provider surface as a preHandler: free when no rule exists (the common, benchmarked
 * case), otherwise it waits out the latency and answers the fault in the provider's envelope, or lets the route run
 * (for a `reset` fault, marked so that its answer is dropped).
 */
export function faultPreHandler(input: FaultSurfaceInput): preHandlerHookHandler {
  const { context, surface, recipientOf } = input;
  return function applyFaults(request, reply, done) {
    const faults = context.state.faults;
    if (faults.empty) return done();
    faults.evaluate({ surface, recipient: recipientOf?.(request), now: context.now() }).then(
      (decision) => {
        if (decision?.kind === 'reset') {
          answersToDrop.add(request.raw);
          done();
        } else if (decision) sendFault(reply, surface, decision);
        else done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

/** Drops the connection of a request a `reset` fault matched instead of sending the route's answer. */
const dropMarkedAnswer: onSendHookHandler = (request, _reply, payload, done) => {
  if (answersToDrop.has(request.raw)) request.raw.socket.destroy();
  done(null, payload);
};

/** Registers a provider's routes in their own scope, behind that surface's one fault preHandler. */
export function registerSurface(
  app: FastifyInstance,
  input: FaultSurfaceInput,
  routes: ((scope: FastifyInstance, context: SandboxContext) => void)[],
): void {
  app.register(async (scope) => {
    scope.addHook('preHandler', faultPreHandler(input));
    scope.addHook('onSend', dropMarkedAnswer);
    for (const register of routes) register(scope, input.context);
  });
}
