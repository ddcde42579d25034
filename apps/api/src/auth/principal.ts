import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { KeyScope, Role } from './access';

export interface UserPrincipal {
  kind: 'user';
  workspaceId: string;
  userId: string;
  role: Role;
  sessionId: string;
  /** The session's CSRF token, returned by GET /auth/me to the browser that holds the cookie. */
  csrfToken: string;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  workspaceId: string;
  keyId: string;
  scope: KeyScope;
}

/** Who is calling: a signed-in user (cookie session) or an API key; both act inside one workspace. */
export type Principal = UserPrincipal | ApiKeyPrincipal;

export interface AuthenticatedRequest {
  principal?: Principal;
}

export function principalOfContext(_data: unknown, context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without an authenticated caller');
  return principal;
}

/** The caller of a non-public route, as the auth guard established it. */
export const CurrentPrincipal = createParamDecorator(principalOfContext);

/** The actor columns of the audit log for a principal. */
export function actorOf(principal: Principal): { actorKind: 'user' | 'api_key'; actorId: string } {
  return principal.kind === 'user'
    ? { actorKind: 'user', actorId: principal.userId }
    : { actorKind: 'api_key', actorId: principal.keyId };
}
