import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.decorator';
import type { AuthenticatedRequest } from './principal';

export const RATE_LIMITED_LOGIN = 'loa:rate-limited-login';

/**
 * Two limits: sign-in attempts per client address and e-mail, and ingestion requests per API key (after the auth
 * guard has identified the key). Every other route is left alone.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @Inject(getOptionsToken()) options: ThrottlerModuleOptions,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const spec = this.reflector.get<EndpointSpec | undefined>(
      ENDPOINT_METADATA,
      request.context.getHandler(),
    );
    const isLogin = this.reflector.get<boolean | undefined>(RATE_LIMITED_LOGIN, request.context.getHandler());
    if (isLogin) {
      return super.handleRequest({
        ...request,
        limit: this.config.rateLimits.loginPerMinute,
        ttl: 60_000,
        blockDuration: 60_000,
        getTracker: (req) => loginTracker(req as Request),
      });
    }
    if (spec?.access.name === 'ingest') {
      return super.handleRequest({
        ...request,
        limit: this.config.rateLimits.ingestPerSecondPerKey,
        ttl: 1000,
        // Without it the throttler blocks for the module's 60 s window: one burst would stop a key for a minute.
        blockDuration: 1000,
        getTracker: (req) => ingestTracker(req as Request & AuthenticatedRequest),
      });
    }
    return true;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }
}

function loginTracker(req: Request): string {
  const body = req.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `login:${req.ip ?? 'unknown'}:${email}`;
}

function ingestTracker(req: Request & AuthenticatedRequest): string {
  const principal = req.principal;
  return `ingest:${principal?.kind === 'api_key' ? principal.keyId : (req.ip ?? 'unknown')}`;
}
