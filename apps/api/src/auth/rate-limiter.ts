import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getStorageToken, ThrottlerException, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.decorator';
import type { AuthenticatedRequest } from './principal';

export const RATE_LIMITED_LOGIN = 'loa:rate-limited-login';

interface Limit {
  name: string;
  tracker: string;
  limit: number;
  ttlMs: number;
  blockMs: number;
}

/**
 * Two limits, counted in `@nestjs/throttler`'s storage: sign-in attempts per client address and e-mail, and
 * ingestion requests per API key (once the caller is authenticated). Every other route is left alone. One storage
 * call per request, rather than ThrottlerGuard's metadata lookups and key hash, because ingestion runs it thousands
 * of times a second. Shared by the rate-limit guard and the fast routes.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    private readonly reflector: Reflector,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  /** Counts the request against its route's limit; past the limit, throws 429 with Retry-After. */
  async enforce(handler: (...args: never[]) => unknown, req: Request, res: Response): Promise<void> {
    const limit = this.limitFor(handler, req);
    if (!limit) return;
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storage.increment(
      `${limit.name}:${limit.tracker}`,
      limit.ttlMs,
      limit.limit,
      limit.blockMs,
      limit.name,
    );
    if (isBlocked) {
      res.setHeader('Retry-After', timeToBlockExpire);
      throw new ThrottlerException();
    }
    res.setHeader('X-RateLimit-Limit', limit.limit);
    res.setHeader('X-RateLimit-Remaining', Math.max(0, limit.limit - totalHits));
    res.setHeader('X-RateLimit-Reset', timeToExpire);
  }

  private limitFor(handler: (...args: never[]) => unknown, req: Request): Limit | undefined {
    if (this.reflector.get<boolean | undefined>(RATE_LIMITED_LOGIN, handler)) {
      const minute = 60_000;
      const limit = this.config.rateLimits.loginPerMinute;
      return { name: 'login', tracker: loginTracker(req), limit, ttlMs: minute, blockMs: minute };
    }
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, handler);
    if (spec?.access.name === 'ingest') {
      // A one-second block: a longer one would stop a key for longer than the burst that tripped it.
      const limit = this.config.rateLimits.ingestPerSecondPerKey;
      return { name: 'ingest', tracker: ingestTracker(req), limit, ttlMs: 1000, blockMs: 1000 };
    }
    return undefined;
  }
}

function loginTracker(req: Request): string {
  const body = req.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${req.ip ?? 'unknown'}:${email}`;
}

function ingestTracker(req: Request & AuthenticatedRequest): string {
  const principal = req.principal;
  return principal?.kind === 'api_key' ? principal.keyId : (req.ip ?? 'unknown');
}
