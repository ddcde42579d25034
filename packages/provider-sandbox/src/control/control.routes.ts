import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { simulateUserEvent } from '../zalo-oa/oa-user-events';
import { parseFaultRule } from './fault-rule.schema';

/** Fault injection, clock, token expiry, request counts and reset. */
export function registerControlRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.post('/control/faults', async (request, reply) => {
    const rule = parseFaultRule(request.body);
    if (typeof rule === 'string') return reply.code(400).send({ error: 'Bad Request', message: rule });
    return reply.code(201).send({ id: context.state.faults.add(rule) });
  });

  app.delete('/control/faults', async (_request, reply) => {
    context.state.faults.clear();
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string } }>('/control/faults/:id', async (request, reply) =>
    context.state.faults.remove(request.params.id)
      ? reply.code(204).send()
      : reply.code(404).send({ error: 'Not Found', message: 'No such fault' }),
  );

  app.post('/control/zalo/expire-tokens', async (request) => {
    const oaId = stringField(asRecord(request.body), 'oaId');
    context.state.tokens.expire({ oaId, now: context.now() });
    return { expired: oaId ?? 'all' };
  });

  app.post('/control/zalo/user-events', async (request, reply) => {
    const outcome = await simulateUserEvent(context, request.body);
    if (!outcome.ok) return reply.code(400).send({ error: 'Bad Request', message: outcome.error });
    return { event: outcome.event, webhook: outcome.webhook };
  });

  // The Zalo developer console step: where the app posts its signed events (every app when appId is omitted).
  app.post('/control/zalo/webhook', async (request, reply) => {
    const body = asRecord(request.body);
    const url = stringField(body, 'url');
    if (!url || !URL.canParse(url))
      return reply.code(400).send({ error: 'Bad Request', message: 'url must be an absolute URL' });
    const appId = stringField(body, 'appId');
    const apps = [...context.state.directory.apps.values()].filter((app) => !appId || app.appId === appId);
    if (apps.length === 0) return reply.code(404).send({ error: 'Not Found', message: 'No such Zalo app' });
    for (const app of apps) app.webhookUrl = url;
    return { apps: apps.map((app) => app.appId), webhookUrl: url };
  });

  app.post('/control/clock', async (request, reply) => {
    const now = asRecord(request.body)?.['now'];
    if (now === null) {
      context.setClock(Date.now);
      return { now: new Date(context.now()).toISOString(), frozen: false };
    }
    const at = typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : Number.NaN;
    if (Number.isNaN(at))
      return reply
        .code(400)
        .send({ error: 'Bad Request', message: 'now must be an ISO date, epoch ms or null' });
    context.setClock(() => at);
    return { now: new Date(at).toISOString(), frozen: true };
  });

  app.get('/control/requests', async (request, reply) => {
    const path = stringField(asRecord(request.query), 'path');
    if (!path) return reply.code(400).send({ error: 'Bad Request', message: 'path is required' });
    return { path, count: context.state.requests.get(path) ?? 0 };
  });

  app.post('/control/reset', async () => {
    context.reset();
    return { reset: true };
  });
}
