/** Standalone settings from the environment (README): fixed ports so a curl can be typed; 0 picks a free port. */
export interface SandboxEnv {
  host: string;
  port: number;
  smtpPort: number;
  webhookUrl?: string;
  /** The callback every Zalo app redirects to after consent (the API's `/channel-accounts/zalo/callback`). */
  zaloRedirectUri?: string;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${name} must be a port number, got ${value}`);
  return parsed;
}

export function readSandboxEnv(env: NodeJS.ProcessEnv): SandboxEnv {
  return {
    host: env['LOA_SANDBOX_HOST'] || '127.0.0.1',
    port: port(env['LOA_SANDBOX_PORT'], 4010, 'LOA_SANDBOX_PORT'),
    smtpPort: port(env['LOA_SANDBOX_SMTP_PORT'], 2525, 'LOA_SANDBOX_SMTP_PORT'),
    webhookUrl: env['LOA_SANDBOX_WEBHOOK_URL'] || undefined,
    zaloRedirectUri: env['LOA_SANDBOX_ZALO_REDIRECT_URI'] || undefined,
  };
}
