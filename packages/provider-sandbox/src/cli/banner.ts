import type { SandboxSeed, SandboxUrls } from '../sandbox.types';

/** One line per provider with the base URL that replaces its real origin, in a fixed order. */
export function urlLines(urls: SandboxUrls): string[] {
  return [
    `zns: ${urls.zns}`,
    `zalo-oauth: ${urls.zaloOauth}`,
    `zalo-oa: ${urls.zaloOa}`,
    `esms: ${urls.esms}`,
    `speedsms: ${urls.speedsms}`,
    `twilio: ${urls.twilio}`,
    `smtp: ${urls.smtp}`,
    `inbox: ${urls.inbox}`,
    `control: ${urls.control}`,
  ];
}

/** The seeded (fake) credentials, so a curl can be typed by hand. */
export function credentialLines(seed: SandboxSeed): string[] {
  const lines = ['seeded credentials (fake, sandbox only):'];
  for (const app of seed.zalo) {
    lines.push(
      `  zalo app_id=${app.appId} secret_key=${app.secretKey} webhook_secret=${app.webhookSecret} redirect_uri=${app.redirectUri}`,
    );
    for (const oa of app.oas) {
      lines.push(
        `  zalo oa_id=${oa.oaId} access_token=${oa.accessToken} refresh_token=${oa.refreshToken} admin_phones=${oa.adminPhones.join(',')}`,
      );
      lines.push(
        `  zns templates: ${oa.templates.map((template) => `${template.templateId}=${template.status}`).join(' ')}`,
      );
      lines.push(`  zalo-oa users: ${oa.followers.map((user) => user.userId).join(' ')}`);
    }
  }
  lines.push(`  zns phones not on Zalo: ${seed.phonesNotOnZalo.join(' ')}`);
  for (const account of seed.esms)
    lines.push(
      `  esms ApiKey=${account.apiKey} SecretKey=${account.secretKey} Brandname=${account.brandnames.join(',')}`,
    );
  for (const account of seed.speedsms)
    lines.push(`  speedsms token=${account.accessToken} (Basic, password x)`);
  for (const account of seed.twilio)
    lines.push(
      `  twilio AccountSid=${account.accountSid} AuthToken=${account.authToken} From=${account.senders.join(',')}`,
    );
  for (const user of seed.smtp) lines.push(`  smtp user=${user.user} pass=${user.pass}`);
  return lines;
}
