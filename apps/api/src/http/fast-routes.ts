import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  EXCEPTION_FILTERS_METADATA,
  GUARDS_METADATA,
  HEADERS_METADATA,
  INTERCEPTORS_METADATA,
  PIPES_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/internal';
import type { Express, Request, Response } from 'express';
import { principalOfContext, type AuthenticatedRequest, type Principal } from '../auth/principal';
import { RateLimiter } from '../auth/rate-limiter';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { answerWithProblem } from './answer-with-problem';
import { routeTable, type RouteEntry } from './route-table';
import { validateRequest } from './validate-request';

type FastHandler = (principal: Principal, body: unknown, req: Request) => Promise<unknown>;

/**
 * Mounts the routes declared with `fastPath` ahead of Nest's router: for the ingestion routes, Nest's per-request
 * machinery (execution context, guard and interceptor chains, the walk over every registered route) costs about
 * as much CPU as the work itself. Each request goes through the same steps as on a Nest route, from the same code:
 * access rule (RequestAuthenticator), rate limit (RateLimiter), validation (validateRequest), the controller's own
 * method, and errors answered by answerWithProblem. Call before the application initialises its routes.
 */
export function mountFastRoutes(app: INestApplication): void {
  const authenticator = app.get(RequestAuthenticator, { strict: false });
  const limiter = app.get(RateLimiter, { strict: false });
  // Express's own router: a separate Router would answer OPTIONS for these paths itself, which Nest does not.
  const router = app.getHttpAdapter().getInstance() as Express;
  for (const route of routeTable(app)) {
    if (!route.spec?.fastPath) continue;
    const spec = route.spec;
    const method = fastHandlerOf(route);
    const status = route.httpCode ?? spec.status ?? (route.method === 'POST' ? 201 : 200);
    // Express 5 passes a rejection of this handler to its error handling, as it would for a Nest route.
    routerMethod(router, route)(route.path, async (req: Request & AuthenticatedRequest, res: Response) => {
      try {
        const principal = await authenticator.admit(req, spec.access);
        req.principal = principal;
        await limiter.enforce(method, req, res);
        validateRequest(spec, req);
        const result = await method.call(route.instance, principal, req.body, req);
        res.status(status).json(result);
      } catch (error) {
        answerWithProblem(error, req, res);
      }
    });
  }
}

type RouteArg = [key: string, arg: { index: number; factory?: unknown; data?: unknown; pipes?: unknown[] }];

/** Nest features a route can declare that only Nest's router applies: a fast route must not declare them. */
const NEST_ONLY_METADATA = [
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  PIPES_METADATA,
  EXCEPTION_FILTERS_METADATA,
  HEADERS_METADATA,
  REDIRECT_METADATA,
  RENDER_METADATA,
];

function hasValues(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

/** What each argument of a fast handler must be, in order: principal, body, request. */
const FAST_HANDLER_ARGS: Array<(arg: RouteArg) => boolean> = [
  ([key, arg]) => key.includes(CUSTOM_ROUTE_ARGS_METADATA) && arg.factory === principalOfContext,
  ([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && arg.data === undefined,
  ([key]) => key.startsWith(`${RouteParamtypes.REQUEST}:`),
];

/** The controller method, after checking it takes (principal, body, req) in that order and nothing else. */
export function fastHandlerOf(route: RouteEntry): FastHandler {
  const method = (route.instance as Record<string, FastHandler | undefined>)[route.handler];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.instance.constructor, route.handler) ??
    {}) as Record<string, RouteArg[1]>;
  const byIndex = Object.entries(args).sort(([, a], [, b]) => a.index - b.index);
  const skipped = NEST_ONLY_METADATA.filter(
    (key) =>
      hasValues(Reflect.getMetadata(key, method ?? {})) ||
      hasValues(Reflect.getMetadata(key, route.instance.constructor)),
  );
  if (skipped.length > 0)
    throw new Error(
      `${route.controller}.${route.handler} is declared fastPath but uses ${skipped.join(', ')}, which the fast path does not run`,
    );
  const fits =
    byIndex.length === FAST_HANDLER_ARGS.length &&
    byIndex.every(([, arg]) => (arg.pipes ?? []).length === 0) &&
    byIndex.every((entry, index) => entry[1].index === index && FAST_HANDLER_ARGS[index]?.(entry) === true);
  if (!method || !fits)
    throw new Error(
      `${route.controller}.${route.handler} is declared fastPath but does not take ` +
        '(@CurrentPrincipal() principal, @Body() body, @Req() req)',
    );
  if (route.spec?.access.public)
    throw new Error(`${route.controller}.${route.handler}: fastPath needs a caller`);
  return method;
}

function routerMethod(router: Express, route: RouteEntry) {
  switch (route.method) {
    case RequestMethod[RequestMethod.POST]:
      return router.post.bind(router);
    case RequestMethod[RequestMethod.PUT]:
      return router.put.bind(router);
    case RequestMethod[RequestMethod.PATCH]:
      return router.patch.bind(router);
    case RequestMethod[RequestMethod.DELETE]:
      return router.delete.bind(router);
    case RequestMethod[RequestMethod.GET]:
      return router.get.bind(router);
    default:
      throw new Error(`${route.controller}.${route.handler}: fastPath does not serve ${route.method}`);
  }
}
