import type { SpeedSmsAccountSeed } from '../sandbox.types';

/** HTTP Basic with the access token as user name (password `x`, not checked) (providers.md §5.2). */
export function speedSmsAccount(
  accounts: SpeedSmsAccountSeed[],
  authorization: string | undefined,
): SpeedSmsAccountSeed | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  const token = decoded.slice(0, decoded.indexOf(':') < 0 ? undefined : decoded.indexOf(':'));
  return accounts.find((account) => account.accessToken === token);
}

export const UNAUTHORIZED = {
  name: 'Unauthorized',
  message: 'Your request was made with invalid credentials.',
  code: 0,
  status: 401,
};
