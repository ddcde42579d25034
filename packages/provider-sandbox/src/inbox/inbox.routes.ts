import type { FastifyInstance } from 'fastify';
import type { SandboxChannel } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';

const CHANNELS: readonly SandboxChannel[] = ['zns', 'zalo_oa', 'esms', 'speedsms', 'twilio', 'smtp'];

function isChannel(value: string): value is SandboxChannel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** What was delivered, per channel and recipient. */
export function registerInboxRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.get('/inbox/messages', async (request, reply) => {
    const query = asRecord(request.query);
    const channel = stringField(query, 'channel');
    if (channel !== undefined && !isChannel(channel)) {
      return reply
        .code(400)
        .send({ error: 'Bad Request', message: `channel must be one of ${CHANNELS.join(', ')}` });
    }
    return context.state.inbox.list({ channel, recipient: stringField(query, 'recipient') });
  });

  app.delete('/inbox/messages', async (_request, reply) => {
    context.state.inbox.clear();
    return reply.code(204).send();
  });
}
