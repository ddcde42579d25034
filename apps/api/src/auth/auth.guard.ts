import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.decorator';
import { ProblemException } from '../http/problem';
import type { AuthenticatedRequest } from './principal';
import { RequestAuthenticator } from './request-authenticator';

/** Enforces each route's declared access rule. A route without a declaration is refused: access is never implied. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (!spec) throw new ProblemException(500, 'This route declares no access rule, so nobody may call it');
    if (spec.access.public) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    req.principal = await this.authenticator.admit(req, spec.access);
    return true;
  }
}
