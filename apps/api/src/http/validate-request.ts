import type { Request } from 'express';
import type { z } from 'zod';
import type { EndpointSpec } from './endpoint.decorator';
import { type FieldError, type FieldLocation, ProblemException, problems } from './problem';
import { unstorableInputErrors } from './unstorable-input';
import { zodFieldErrors } from './zod-field-errors';

/**
 * Parses params, query and body with the route's zod schemas and puts the parsed values in their place; 415 for a
 * body that is not JSON, 422 naming every offending field. Shared by the validation interceptor and the fast routes.
 */
export function validateRequest(spec: EndpointSpec, req: Request): void {
  if (spec.body && req.body === undefined && sentContent(req))
    throw new ProblemException(415, 'The request body must be JSON (Content-Type: application/json)');
  const errors: FieldError[] = [
    ...unstorableInputErrors(req.params, 'path'),
    ...unstorableInputErrors(req.query, 'query'),
    // Ingestion schemas check text event by event, so that a batch keeps its storable events.
    ...(spec.access.name === 'ingest' ? [] : unstorableInputErrors(req.body, 'body')),
  ];
  if (errors.length > 0) throw problems.validation(errors);
  const params = parsePart(spec.params, req.params, 'path', errors);
  const query = parsePart(spec.query, req.query, 'query', errors);
  const body = parsePart(spec.body, req.body ?? {}, 'body', errors);
  if (errors.length > 0) throw problems.validation(errors);
  if (spec.params) req.params = params as Request['params'];
  // Express 5 exposes req.query as a getter; redefine it so handlers see the parsed value.
  if (spec.query) Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
  if (spec.body) req.body = body;
}

function parsePart(
  schema: z.ZodType | undefined,
  value: unknown,
  location: FieldLocation,
  errors: FieldError[],
) {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push(...zodFieldErrors(parsed.error, location));
  return undefined;
}

/** A body the JSON parser left alone (it only reads application/json) was sent in another format. */
function sentContent(req: Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}
