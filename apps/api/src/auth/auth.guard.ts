import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ENDPOINT_METADATA, type EndpointSpec } from '../http/endpoint.decorator';
import { ProblemException, problems } from '../http/problem';
import type { AccessRule } from './access';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { CSRF_HEADER } from './auth.config';
import { presentedCredentials } from './presented-credentials';
import type { AuthenticatedRequest, Principal } from './principal';
import { SessionsService } from './sessions.service';
import { sameSecret } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Enforces each route's declared access rule. A route without a declaration is refused: access is never implied.
 * Missing or bad credentials answer 401, a caller without the role or scope 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (!spec) throw new ProblemException(500, 'This route declares no access rule, so nobody may call it');
    if (spec.access.public) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.authenticate(req);
    authorize(principal, spec.access);
    req.principal = principal;
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const credentials = presentedCredentials(req);
    switch (credentials.kind) {
      case 'none':
        throw problems.unauthorized();
      case 'malformed':
        throw problems.unauthorized(credentials.reason);
      case 'api_key': {
        const key = await this.apiKeys.authenticate(credentials.key);
        if (!key) throw problems.unauthorized('The API key is not valid or has been revoked');
        return key;
      }
      case 'session': {
        const session = await this.sessions.authenticate(credentials.token);
        if (!session) throw problems.unauthorized('Your session has ended; sign in again');
        if (!SAFE_METHODS.has(req.method)) {
          const presented = req.headers[CSRF_HEADER];
          if (typeof presented !== 'string' || !sameSecret(presented, session.csrfToken))
            throw problems.forbidden(
              'Missing or wrong X-CSRF-Token header (read it from GET /auth/me) for a signed-in change',
            );
        }
        return { kind: 'user', ...session };
      }
    }
  }
}

function authorize(principal: Principal, rule: AccessRule): void {
  if (principal.kind === 'user') {
    if (rule.roles.includes(principal.role)) return;
    if (rule.roles.length === 0) throw problems.forbidden('Only an API key may call this route');
    throw problems.forbidden(`This needs the role ${rule.roles.join(' or ')}; you are ${principal.role}`);
  }
  if (rule.keyScopes.includes(principal.scope)) return;
  if (rule.keyScopes.length === 0) throw problems.forbidden('Only a signed-in user may call this route');
  throw problems.forbidden(
    `This needs an API key with scope ${rule.keyScopes.join(' or ')}; this key is ${principal.scope}`,
  );
}
