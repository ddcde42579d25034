import type { FastifyInstance, FastifyReply } from 'fastify';
import { answeredByFault } from '../control/fault-reply';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField, type JsonRecord } from '../state/records';
import { toZaloPhone } from '../state/vietnamese-phone';
import { esmsSend } from './esms-send';

const POST_PATH = '/esms/MainService.svc/json/SendMultipleMessage_V4_post_json';
const GET_PATH = '/esms/MainService.svc/json/SendMultipleMessage_V4_get';

/** eSMS SendMultipleMessage_V4, JSON POST and GET (providers.md §5.1); keys travel in the body or query. */
export function registerEsmsRoutes(app: FastifyInstance, context: SandboxContext): void {
  const handle = async (params: JsonRecord, reply: FastifyReply) => {
    const rawPhone = stringField(params, 'Phone') ?? '';
    const recipient = toZaloPhone(rawPhone) ?? rawPhone;
    if (
      await answeredByFault({
        faults: context.state.faults,
        surface: 'esms',
        recipient,
        now: context.now(),
        reply,
      })
    )
      return reply;
    return esmsSend(context, params);
  };
  for (const path of [POST_PATH, `${POST_PATH}/`]) {
    app.post(path, async (request, reply) => handle(asRecord(request.body) ?? {}, reply));
  }
  for (const path of [GET_PATH, `${GET_PATH}/`]) {
    app.get(path, async (request, reply) => handle(asRecord(request.query) ?? {}, reply));
  }
}
