// Runs the provider sandbox in its own process for benchmarks, so the load generator and the server do not share
// an event loop. Prints one JSON line with what the benchmark needs, then serves until killed.
import { defaultSeed, startSandbox } from '@loa/provider-sandbox';

async function main(): Promise<void> {
  const seed = defaultSeed();
  for (const app of seed.zalo) for (const oa of app.oas) oa.dailyQuota = 1_000_000_000;
  for (const account of seed.esms) account.balance = 1_000_000_000_000;
  // A benchmark that connects the OA through the API's OAuth flow names the API's callback.
  const redirectUri = process.env.LOA_BENCH_SANDBOX_REDIRECT_URI;
  if (redirectUri) for (const app of seed.zalo) app.redirectUri = redirectUri;
  const sandbox = await startSandbox({
    seed,
    // A benchmark that happens to run at night in Vietnam must still measure sends, not -133 answers.
    znsNightWindow: false,
    inboxLimit: Number(process.env.LOA_BENCH_SANDBOX_INBOX_LIMIT ?? 1_000),
  });
  const app = sandbox.seed.zalo[0];
  const oa = app.oas[0];
  process.stdout.write(
    `${JSON.stringify({
      urls: sandbox.urls,
      appId: app.appId,
      appSecret: app.secretKey,
      webhookSecret: app.webhookSecret,
      oaId: oa.oaId,
      accessToken: oa.accessToken,
      refreshToken: oa.refreshToken,
      template: oa.templates.find((template) => template.status === 'ENABLE'),
      esms: sandbox.seed.esms[0],
    })}\n`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
