import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getStorageToken, ThrottlerException, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.decorator';
import type { AuthenticatedRequest } from './principal';

export const RATE_LIMITED_LOGIN = 'loa:rate-limited-login';

type Handler = (...args: never[]) => unknown;

interface Limit {
  name: string;
  key: string;
  limit: number;
  ttlMs: number;
  blockMs: number;
}

/**
 * Two limits, counted in `@nestjs/throttler`'s storage: sign-in attempts per route, client address and e-mail, and
 * ingestion requests per API key (one budget for track, identify and batch together, once the caller is
 * authenticated). Every other route is left alone. One storage call per request, rather than ThrottlerGuard's
 * metadata lookups per named throttler, because ingestion runs it thousands of times a second. Shared by the
 * rate-limit guard and the fast routes.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    private readonly reflector: Reflector,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  /** Counts the request against its route's limit; past the limit, throws 429 with Retry-After. */
  async enforce(handler: Handler, req: Request, res: Response): Promise<void> {
    const limit = this.limitFor(handler, req);
    if (!limit) return;
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storage.increment(
      limit.key,
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

  private limitFor(handler: Handler, req: Request): Limit | undefined {
    if (this.reflector.get<boolean | undefined>(RATE_LIMITED_LOGIN, handler)) {
      const minute = 60_000;
      const limit = this.config.rateLimits.loginPerMinute;
      return { name: 'login', key: loginKey(handler, req), limit, ttlMs: minute, blockMs: minute };
    }
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, handler);
    if (spec?.access.name === 'ingest') {
      // A one-second block: a longer one would stop a key for longer than the burst that tripped it.
      const limit = this.config.rateLimits.ingestPerSecondPerKey;
      return { name: 'ingest', key: ingestKey(req), limit, ttlMs: 1000, blockMs: 1000 };
    }
    return undefined;
  }
}

/** Per route, address and e-mail; the e-mail as a digest, so that a huge one costs no memory while it is counted. */
function loginKey(handler: Handler, req: Request): string {
  const body = req.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  const digest = createHash('sha256').update(email).digest('base64url');
  return `${handler.name}:${req.ip ?? 'unknown'}:${digest}`;
}

function ingestKey(req: Request & AuthenticatedRequest): string {
  const principal = req.principal;
  return principal?.kind === 'api_key' ? principal.keyId : (req.ip ?? 'unknown');
}
