// Local Loa stack: Temporal dev server, Redis, provider sandbox, API (and worker) and builder.
import { down } from './down';
import { status } from './status';
import { up } from './up';

const USAGE = `usage: bash scripts/stack.sh [up|status|down]     (npm run dev | npm run stack -- status|down)

  up      build the API (nx), start every service that is not running, wait until each is healthy,
          print the URLs, stay in the foreground; Ctrl-C stops what this command started
  status  state of each service (running / stopped / external) and the API's /health summary
  down    stop every service that has a pid file in .data/run

Services, in start order: temporal, redis, sandbox, api, worker, builder.
  sandbox is the provider sandbox (packages/provider-sandbox: fake Zalo, eSMS, SpeedSMS, Twilio and SMTP), run from
  source with node_modules/.bin/tsx; its inbox and control URLs are printed with the others.
  worker runs inside the API process while the database is the embedded PGlite (no DATABASE_URL), which admits
  one process; with DATABASE_URL it is a process of its own, as in production.
Environment (also read from .env at the repository root; variables already set win):
  LOA_TEMPORAL_PORT=7233  LOA_TEMPORAL_UI_PORT=8233  LOA_REDIS_PORT=6379  LOA_API_PORT=3000  LOA_BUILDER_PORT=5173
  LOA_SANDBOX_PORT=4010 (HTTP: providers, /inbox, /control)  LOA_SANDBOX_SMTP_PORT=2525
  LOA_SANDBOX_WEBHOOK_URL where the sandbox posts signed Zalo events (none by default; or POST /control/zalo/webhook)
  LOA_SANDBOX_ZALO_REDIRECT_URI  the sandbox Zalo app's redirect URI (default: the API's Zalo OAuth callback)
  LOA_TEMPORAL_BIN        Temporal CLI to run (else .data/bin-paths.env, PATH, pip's scripts directories)
  LOA_ENCRYPTION_KEY      key for the API and worker (else .data/secrets/encryption.key, created on first run)
  LOA_STACK_ONLY          comma-separated subset to start, e.g. temporal,redis,builder or sandbox
  LOA_STACK_SKIP_BUILD=1  do not run the nx build before starting the API and worker
Files: .data/run/<service>.pid (process group id), .data/logs/<service>.log, .data/temporal, .data/redis.`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'up';
  switch (command) {
    case 'up':
      return up({ only: process.env.LOA_STACK_ONLY, skipBuild: process.env.LOA_STACK_SKIP_BUILD === '1' });
    case 'status':
      return status();
    case 'down':
      return down();
    case 'help':
    case '-h':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[stack] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
