// The demo workspace of the local stack: the bootstrap admin's credentials and the seed run after the API is up.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR, ROOT } from './config';

export const DEMO_ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD_FILE = path.join(DATA_DIR, 'secrets', 'demo-admin-password');
const TEAM_PASSWORD_FILE = path.join(DATA_DIR, 'secrets', 'demo-team-password');
export const SEED_ENTRY = path.join(ROOT, 'apps', 'api', 'dist', 'demo', 'seed-demo.main.js');

export interface DemoCredentials {
  adminEmail: string;
  adminPassword: string;
  teamPassword: string;
}

/** A password kept in .data/secrets (mode 0600), made on first use. */
function storedPassword(file: string): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const password = randomBytes(12).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

/** LOA_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD when set (e.g. in .env), else the demo admin with a stored password. */
export function demoCredentials(env: NodeJS.ProcessEnv): DemoCredentials {
  return {
    adminEmail: env.LOA_BOOTSTRAP_ADMIN_EMAIL || DEMO_ADMIN_EMAIL,
    adminPassword: env.LOA_BOOTSTRAP_ADMIN_PASSWORD?.trim() || storedPassword(ADMIN_PASSWORD_FILE),
    teamPassword: env.LOA_DEMO_TEAM_PASSWORD || storedPassword(TEAM_PASSWORD_FILE),
  };
}

/**
 * Seeds the demo workspace through the running API, and its campaign through the provider sandbox when given (what is
 * there already is kept).
 */
export function runDemoSeed(input: {
  env: NodeJS.ProcessEnv;
  apiUrl: string;
  sandboxUrl?: string;
  credentials: DemoCredentials;
}): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SEED_ENTRY], {
      cwd: ROOT,
      env: {
        ...input.env,
        LOA_API_URL: input.apiUrl,
        LOA_DEMO_SANDBOX_URL: input.sandboxUrl ?? '',
        LOA_BOOTSTRAP_ADMIN_EMAIL: input.credentials.adminEmail,
        LOA_BOOTSTRAP_ADMIN_PASSWORD: input.credentials.adminPassword,
        LOA_DEMO_TEAM_PASSWORD: input.credentials.teamPassword,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

/** What to tell a newcomer once the stack is up. */
export function signInLines(credentials: DemoCredentials): string[] {
  return [
    `Sign in (POST /auth/login): ${credentials.adminEmail} / ${credentials.adminPassword} (admin)`,
    `  also marketer@example.com and analyst@example.com / ${credentials.teamPassword}`,
    `  passwords are kept in ${path.relative(ROOT, path.dirname(ADMIN_PASSWORD_FILE))}/`,
  ];
}
