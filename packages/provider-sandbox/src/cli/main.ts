import { startSandbox } from '../start-sandbox';
import { defaultSeed } from '../state/default-seed';
import { credentialLines, urlLines } from './banner';
import { readSandboxEnv } from './sandbox-env';

/** `npm run sandbox`: the default seed on fixed ports, JSON request logs, clean exit on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const env = readSandboxEnv(process.env);
  const seed = defaultSeed();
  for (const app of seed.zalo) {
    app.webhookUrl = env.webhookUrl ?? app.webhookUrl;
    app.redirectUri = env.zaloRedirectUri ?? app.redirectUri;
  }
  const sandbox = await startSandbox({
    host: env.host,
    port: env.port,
    smtpPort: env.smtpPort,
    seed,
    logRequests: true,
  });
  process.stdout.write(`${[...urlLines(sandbox.urls), ...credentialLines(sandbox.seed)].join('\n')}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `provider sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
