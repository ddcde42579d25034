import type { FastifyInstance } from 'fastify';
import type { SandboxSeed, SandboxUrls } from '../sandbox.types';

/**
 * The providers' consoles in one answer: the seeded (fake) credentials a customer would copy into Loa, with the
 * base URLs that replace the providers' origins. OA tokens are not among them: they are minted by the OAuth consent.
 */
export function registerAccountRoutes(
  app: FastifyInstance,
  input: { seed: SandboxSeed; urls: () => SandboxUrls | undefined },
): void {
  app.get('/control/accounts', async (_request, reply) => {
    const urls = input.urls();
    if (!urls) return reply.code(503).send({ error: 'Service Unavailable', message: 'Still starting' });
    const { seed } = input;
    return {
      urls,
      zalo: seed.zalo.map((zaloApp) => ({
        appId: zaloApp.appId,
        secretKey: zaloApp.secretKey,
        webhookSecret: zaloApp.webhookSecret,
        oas: zaloApp.oas.map((oa) => ({ oaId: oa.oaId, name: oa.name })),
      })),
      esms: seed.esms.map((account) => ({
        apiKey: account.apiKey,
        secretKey: account.secretKey,
        brandnames: account.brandnames,
      })),
      smtp: seed.smtp.map((user) => ({ user: user.user, pass: user.pass })),
    };
  });
}
