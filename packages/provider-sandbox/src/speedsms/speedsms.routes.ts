import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SpeedSmsAccountSeed } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { toZaloPhone } from '../state/vietnamese-phone';
import { speedSmsAccount, UNAUTHORIZED } from './speedsms-auth';
import { takeRateLimit, TOO_MANY_REQUESTS } from './speedsms-rate-limit';
import { speedSmsSend } from './speedsms-send';

/** Who a SpeedSMS fault rule's `recipients` match: the first number of `to`, as 84…. */
export function speedSmsFaultRecipient(request: FastifyRequest): string | undefined {
  const to = (request.body as { to?: unknown } | undefined)?.to;
  const first = Array.isArray(to) && typeof to[0] === 'string' ? to[0] : undefined;
  return first === undefined ? undefined : (toZaloPhone(first) ?? first);
}

/** SpeedSMS under /speedsms (replaces https://api.speedsms.vn/index.php) (providers.md §5.2). */
export function registerSpeedSmsRoutes(app: FastifyInstance, context: SandboxContext): void {
  /** Auth, then the per-token rate limit; undefined when the reply was already sent. */
  const admit = (request: FastifyRequest, reply: FastifyReply): SpeedSmsAccountSeed | undefined => {
    const account = speedSmsAccount(context.state.seed.speedsms, request.headers.authorization);
    if (!account) {
      reply.code(401).header('www-authenticate', 'Basic realm="api"').send(UNAUTHORIZED);
      return undefined;
    }
    const { limit, windowMs } = context.options.speedsmsRateLimit;
    const rate = takeRateLimit({
      windows: context.state.speedsmsWindows,
      token: account.accessToken,
      limit,
      windowMs,
      now: context.now(),
    });
    reply.header('x-rate-limit-limit', String(limit));
    reply.header('x-rate-limit-remaining', String(rate.remaining));
    reply.header('x-rate-limit-reset', String(rate.resetInSeconds));
    if (!rate.allowed) {
      reply.code(429).send(TOO_MANY_REQUESTS);
      return undefined;
    }
    return account;
  };

  app.post('/speedsms/sms/send', async (request, reply) => {
    const account = admit(request, reply);
    if (!account) return reply;
    return speedSmsSend(context, account, request.body);
  });

  app.get('/speedsms/user/info', async (request, reply) => {
    const account = admit(request, reply);
    if (!account) return reply;
    return {
      status: 'success',
      code: '00',
      data: {
        email: account.email ?? 'sandbox@speedsms.invalid',
        balance: context.state.balances.get(account.accessToken) ?? 0,
        currency: 'VND',
      },
    };
  });
}
