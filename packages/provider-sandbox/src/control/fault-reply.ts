import type { FastifyReply } from 'fastify';
import type { FaultDecision, FaultSurface } from './faults';

export type HttpSurface = Exclude<FaultSurface, 'smtp'>;

function providerBody(surface: HttpSurface, code: number | string): { status: number; body: unknown } {
  const message = `Injected fault ${code}`;
  switch (surface) {
    case 'zalo_oauth':
      return {
        status: 200,
        body: {
          error: Number(code),
          error_name: 'Injected fault',
          error_description: message,
          error_reason: message,
          ref_doc: '',
        },
      };
    case 'zns':
      return { status: 200, body: { error: Number(code), message, data: null } };
    case 'zalo_oa':
      return { status: 200, body: { error: Number(code), message } };
    case 'esms':
      return { status: 200, body: { CodeResult: String(code), CountRegenerate: 0, ErrorMessage: message } };
    case 'speedsms':
      return { status: 200, body: { status: 'error', code: String(code), message, invalidPhone: [] } };
    case 'twilio':
      return {
        status: 400,
        body: {
          code: Number(code),
          message,
          more_info: `https://www.twilio.com/docs/errors/${code}`,
          status: 400,
        },
      };
  }
}

/** Answers a request with the fault instead of the provider's normal reply, in that provider's envelope. */
export function sendFault(
  reply: FastifyReply,
  surface: HttpSurface,
  decision: Exclude<FaultDecision, { kind: 'reset' }>,
): FastifyReply {
  switch (decision.kind) {
    case 'outage':
      return reply.code(503).send({ error: 'Service Unavailable', message: 'Injected outage' });
    case 'unreadable':
      return reply.code(200).type('text/html').send('<html><body>Gateway page</body></html>');
    case 'http_status':
      return reply.code(decision.status).send({ error: 'Injected fault', status: decision.status });
    case 'provider_code': {
      const { status, body } = providerBody(surface, decision.code);
      return reply.code(status).send(body);
    }
  }
}
