import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AccessRule } from '../auth/access';
import type { RouteEntry } from '../http/route-table';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(['body', 'query', 'path', 'header', 'file']),
          field: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem document' });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** The OpenAPI 3.1 document, built from the same endpoint declarations that validate requests. */
export function buildOpenApiDocument(routes: RouteEntry[], info: { version: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'loa_session',
    description: 'Set by POST /auth/login; changes also need the X-CSRF-Token header from GET /auth/me',
  });
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key as bearer token (or HTTP Basic with the key as user name)',
  });

  for (const route of routes) {
    const spec = route.spec;
    if (!spec) continue;
    const method = route.method.toLowerCase() as Method;
    const status = spec.status ?? route.httpCode ?? (method === 'post' ? 201 : 200);
    const security = spec.access.public
      ? []
      : [
          ...(spec.access.roles.length > 0 ? [{ session: [] }] : []),
          ...(spec.access.keyScopes.length > 0 ? [{ apiKey: [] }] : []),
        ];
    const responses: Record<string, unknown> = {
      [status]: spec.response
        ? {
            description: 'Success',
            content: {
              [spec.responseContentType ?? 'application/json']: { schema: spec.response },
              ...Object.fromEntries((spec.alsoServedAs ?? []).map((type) => [type, { schema: z.string() }])),
            },
          }
        : { description: spec.responseContentType ? `Success (${spec.responseContentType})` : 'Success' },
    };
    for (const [code, response] of Object.entries(spec.responses ?? {}))
      responses[code] = response.schema
        ? {
            description: response.description,
            content: { [response.contentType ?? 'application/json']: { schema: response.schema } },
          }
        : { description: response.description };
    if (spec.params || spec.query || spec.body)
      responses['422'] = problemResponse('A field is invalid; `errors` names it');
    if (!spec.access.public) {
      responses['401'] = problemResponse('No valid session or API key');
      responses['403'] = problemResponse(`Needs: ${describeAccess(spec.access)}`);
    }
    registry.registerPath({
      method,
      path: route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
      summary: spec.summary,
      description: [spec.description, `Access: ${describeAccess(spec.access)}.`].filter(Boolean).join('\n\n'),
      tags: spec.tags,
      security,
      request: {
        params: spec.params as never,
        query: spec.query as never,
        body: spec.body
          ? { required: true, content: { 'application/json': { schema: spec.body } } }
          : spec.rawBody
            ? {
                required: true,
                description: spec.rawBody.description,
                content: { [spec.rawBody.contentType]: { schema: spec.rawBody.schema ?? z.string() } },
              }
            : undefined,
      },
      responses: responses as never,
      'x-loa-access': spec.access.name,
      'x-loa-roles': [...spec.access.roles],
    } as never);
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Loa API',
      version: info.version,
      description:
        'Marketing automation for Zalo ZNS, Zalo OA, SMS and email. Errors are RFC 9457 problem documents.',
    },
  });
}

function describeAccess(access: AccessRule): string {
  if (access.public) return 'anyone';
  const parts: string[] = [];
  if (access.roles.length > 0) parts.push(`roles ${access.roles.join(', ')}`);
  if (access.keyScopes.length > 0) parts.push(`API keys with scope ${access.keyScopes.join(', ')}`);
  return parts.join('; ');
}
