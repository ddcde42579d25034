import type { SandboxContext } from '../state/sandbox-context';
import type { ZaloOa } from '../state/zalo-directory';
import { OA_ERRORS, type OaError } from './oa.errors';

/** The OA behind an OA API `access_token` header: missing or revoked → -216, expired → -220. */
export function oaFromToken(
  context: SandboxContext,
  header: string | string[] | undefined,
): ZaloOa | OaError {
  const check = context.state.tokens.checkAccess(
    typeof header === 'string' ? header : undefined,
    context.now(),
  );
  if (!check.ok) return check.reason === 'expired' ? OA_ERRORS.tokenExpired() : OA_ERRORS.tokenInvalid();
  return context.state.directory.oas.get(check.oaId) ?? OA_ERRORS.tokenInvalid();
}

export function isOaError(value: ZaloOa | OaError): value is OaError {
  return 'error' in value;
}
