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
    const offset = pageField(stringField(query, 'offset'));
    const limit = pageField(stringField(query, 'limit'));
    if (offset === null || limit === null)
      return reply
        .code(400)
        .send({ error: 'Bad Request', message: 'offset and limit must be whole numbers' });
    const messages = context.state.inbox.list({ channel, recipient: stringField(query, 'recipient') });
    // A page of a large inbox (a broadcast's hundreds of thousands of messages do not fit one answer).
    const from = offset ?? 0;
    return offset === undefined && limit === undefined
      ? messages
      : messages.slice(from, limit === undefined ? undefined : from + limit);
  });

  app.delete('/inbox/messages', async (_request, reply) => {
    context.state.inbox.clear();
    return reply.code(204).send();
  });
}

/** A whole number from the query; undefined when absent, null when not a whole number. */
function pageField(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}
