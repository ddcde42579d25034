import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiter } from './rate-limiter';

/** Applies the rate limits of RateLimiter to every HTTP route; runs after the auth guard. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const handler = context.getHandler() as (...args: never[]) => unknown;
    await this.limiter.enforce(handler, http.getRequest<Request>(), http.getResponse<Response>());
    return true;
  }
}
