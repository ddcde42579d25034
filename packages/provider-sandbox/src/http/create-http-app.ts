import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { malformedRequestReply } from './error-envelope';
import { redactUrl } from './redact-url';

/**
 * The one HTTP server: counts requests per path (for requestCount), logs one redacted JSON line per request
 * when asked, and answers malformed requests in the provider's own envelope.
 */
export function createHttpApp(context: SandboxContext): FastifyInstance {
  const app = Fastify({
    logger: context.options.logRequests ? { level: 'info' } : false,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.register(formbody);

  app.addHook('onRequest', async (request) => {
    const query = request.url.indexOf('?');
    const path = query < 0 ? request.url : request.url.slice(0, query);
    const requests = context.state.requests;
    requests.set(path, (requests.get(path) ?? 0) + 1);
  });

  if (context.options.logRequests) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          url: redactUrl(request.url),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      request.log.error({
        err: { message: error instanceof Error ? error.message : String(error) },
        url: redactUrl(request.url),
      });
      return reply.code(500).send({ error: 'Internal Server Error' });
    }
    const detail = error instanceof Error ? error.message : 'Malformed request';
    const { status: replyStatus, body } = malformedRequestReply(request.url, detail);
    return reply.code(replyStatus).send(body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'Not Found',
      message: `No sandbox route for ${request.method} ${redactUrl(request.url)}`,
    }),
  );
  return app;
}
