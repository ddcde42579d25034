import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { problems } from '../http/problem';
import type { AccessRule } from './access';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { CSRF_HEADER } from './auth.config';
import { presentedCredentials } from './presented-credentials';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import { sameSecret } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling and whether a route's access rule admits them: missing or bad credentials answer 401, a caller
 * without the role or scope 403. Shared by the auth guard and the fast routes.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async admit(req: Request, rule: AccessRule): Promise<Principal> {
    const principal = await this.authenticate(req);
    authorize(principal, rule);
    return principal;
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
