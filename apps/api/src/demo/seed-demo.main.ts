import { seedDemo } from './seed-demo';

/**
 * `node dist/demo/seed-demo.main.js`: seeds the demo workspace of a running API (the local stack runs it).
 * Reads LOA_API_URL, LOA_BOOTSTRAP_ADMIN_EMAIL, LOA_BOOTSTRAP_ADMIN_PASSWORD and LOA_DEMO_TEAM_PASSWORD, and
 * LOA_DEMO_SANDBOX_URL (the provider sandbox's origin: the demo campaign runs through it; none without it).
 */
async function main(): Promise<void> {
  const env = process.env;
  const missing = [
    'LOA_BOOTSTRAP_ADMIN_EMAIL',
    'LOA_BOOTSTRAP_ADMIN_PASSWORD',
    'LOA_DEMO_TEAM_PASSWORD',
  ].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`set ${missing.join(', ')}`);
  const started = Date.now();
  const result = await seedDemo({
    apiUrl: env.LOA_API_URL ?? 'http://127.0.0.1:3000',
    admin: {
      email: env.LOA_BOOTSTRAP_ADMIN_EMAIL as string,
      password: env.LOA_BOOTSTRAP_ADMIN_PASSWORD as string,
    },
    teamPassword: env.LOA_DEMO_TEAM_PASSWORD as string,
    sandboxUrl: env.LOA_DEMO_SANDBOX_URL || undefined,
    log: (line) => process.stdout.write(`[seed ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`),
  });
  if (!result.seeded) process.stdout.write('[seed] the workspace already has contacts: none added\n');
  if (result.campaign && !result.campaign.created)
    process.stdout.write('[seed] the demo campaign exists already: not run again\n');
  if (result.campaign)
    process.stdout.write(`[seed] demo campaign report: /campaigns/${result.campaign.id}/report\n`);
  process.stdout.write(`[seed] demo workspace ready after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The error and what caused it ("fetch failed" alone does not say that the connection was refused or reset). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message} (${describe(error.cause)})`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo seed failed: ${describe(error)}\n`);
  process.exit(1);
});
