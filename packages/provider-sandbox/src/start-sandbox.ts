import type { AddressInfo } from 'node:net';
import { registerAccountRoutes } from './control/accounts.routes';
import { registerControlRoutes } from './control/control.routes';
import { createHttpApp } from './http/create-http-app';
import { registerSurface } from './control/fault-hook';
import { esmsFaultRecipient, registerEsmsRoutes } from './esms/esms.routes';
import { registerInboxRoutes } from './inbox/inbox.routes';
import type { RunningSandbox, SandboxOptions, SandboxUrls } from './sandbox.types';
import { startSmtpServer } from './smtp/smtp.server';
import { registerSpeedSmsRoutes, speedSmsFaultRecipient } from './speedsms/speedsms.routes';
import { defaultSeed } from './state/default-seed';
import { resolveOptions, SandboxContext } from './state/sandbox-context';
import { registerTwilioRoutes, twilioFaultRecipient } from './twilio/twilio.routes';
import { oaFaultRecipient, registerOaSendRoutes } from './zalo-oa/oa-send.routes';
import { registerOaUploadRoutes } from './zalo-oa/oa-upload.routes';
import { registerOaUserRoutes } from './zalo-oa/oa-users.routes';
import { registerZaloOauthRoutes } from './zalo-oauth/oauth.routes';
import { registerZnsInfoRoutes } from './zns/zns-info.routes';
import { registerZnsSendRoutes, znsFaultRecipient } from './zns/zns-send.routes';

/** Starts the HTTP and SMTP servers on loopback (free ports by default) with the given or default seed. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? defaultSeed();
  const context = new SandboxContext(resolveOptions(options), seed, options.now ?? Date.now);
  const app = createHttpApp(context);
  registerSurface(app, { context, surface: 'zalo_oauth' }, [registerZaloOauthRoutes]);
  registerSurface(app, { context, surface: 'zns', recipientOf: znsFaultRecipient }, [
    registerZnsSendRoutes,
    registerZnsInfoRoutes,
  ]);
  registerSurface(app, { context, surface: 'zalo_oa', recipientOf: oaFaultRecipient }, [
    registerOaSendRoutes,
    registerOaUploadRoutes,
    registerOaUserRoutes,
  ]);
  registerSurface(app, { context, surface: 'esms', recipientOf: esmsFaultRecipient }, [registerEsmsRoutes]);
  registerSurface(app, { context, surface: 'speedsms', recipientOf: speedSmsFaultRecipient }, [
    registerSpeedSmsRoutes,
  ]);
  registerSurface(app, { context, surface: 'twilio', recipientOf: twilioFaultRecipient }, [
    registerTwilioRoutes,
  ]);
  registerInboxRoutes(app, context);
  registerControlRoutes(app, context);
  // Known once both servers listen; the route answers 503 until then.
  const listening: { urls?: SandboxUrls } = {};
  registerAccountRoutes(app, { seed, urls: () => listening.urls });

  await app.listen({ host, port: options.port ?? 0 });
  const httpPort = (app.server.address() as AddressInfo).port;
  const smtp = await startSmtpServer({ context, host, port: options.smtpPort ?? 0 }).catch(
    async (error: unknown) => {
      await app.close();
      throw error;
    },
  );
  const smtpPort = smtp.port;
  const urls = sandboxUrls({ host, httpPort, smtpPort });
  listening.urls = urls;

  return {
    urls,
    seed,
    inbox: (filter) => context.state.inbox.list(filter),
    requestCount: (pathname) => context.state.requests.get(pathname) ?? 0,
    addFault: (rule) => context.state.faults.add(rule),
    clearFaults: () => context.state.faults.clear(),
    expireTokens: (oaId) => context.state.tokens.expire({ oaId, now: context.now() }),
    setNow: (now) => context.setClock(now),
    reset: () => context.reset(),
    close: async () => {
      context.stopTimers();
      await Promise.all([app.close(), smtp.close()]);
      await context.close();
    },
  };
}

function sandboxUrls(input: { host: string; httpPort: number; smtpPort: number }): SandboxUrls {
  const origin = `http://${input.host}:${input.httpPort}`;
  return {
    zaloOauth: `${origin}/zalo-oauth/v4`,
    zns: `${origin}/zns`,
    zaloOa: `${origin}/zalo-oa`,
    esms: `${origin}/esms/MainService.svc/json`,
    speedsms: `${origin}/speedsms`,
    twilio: `${origin}/twilio`,
    smtp: `smtp://${input.host}:${input.smtpPort}`,
    inbox: `${origin}/inbox`,
    control: `${origin}/control`,
  };
}
