import type { SandboxContext } from '../state/sandbox-context';
import type { ZaloOa } from '../state/zalo-directory';

/** The OA behind a ZNS `access_token` header, or undefined (missing, revoked or expired → -124). */
export function znsOa(context: SandboxContext, header: string | string[] | undefined): ZaloOa | undefined {
  const check = context.state.tokens.checkAccess(
    typeof header === 'string' ? header : undefined,
    context.now(),
  );
  return check.ok ? context.state.directory.oas.get(check.oaId) : undefined;
}
