import express, { type NextFunction, type Request, type Response } from 'express';
import { jsonNestingDepth } from './json-depth';
import type { RequestWithId } from './request-id';
import { sendProblem } from './send-problem';

/** The largest JSON body any route reads; routes with smaller limits (ingestion) check `rawBodyLength` themselves. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Deeper JSON would overflow the call stack of the code that walks it (JSON.stringify, zod): 400 instead. */
export const MAX_JSON_DEPTH = 100;

export interface RequestWithRawLength {
  rawBodyLength?: number;
}

/** Segment's browser library sends its JSON as text/plain (no CORS preflight); the ingestion routes read it too. */
const TEXT_JSON_PATHS = /^\/v1\//;

function isJsonRequest(req: {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const header = req.headers['content-type'];
  const mime = (typeof header === 'string' ? header : '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'))) return true;
  return mime === 'text/plain' && TEXT_JSON_PATHS.test(req.url ?? '');
}

export const jsonBodyParser = express.json({
  limit: JSON_BODY_LIMIT_BYTES,
  type: isJsonRequest,
  verify: (req, _res, buffer) => {
    (req as RequestWithRawLength).rawBodyLength = buffer.length;
    if (jsonNestingDepth(buffer) > MAX_JSON_DEPTH)
      throw Object.assign(new Error(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`), {
        status: 400,
        type: 'entity.too.deep',
      });
  },
});

/** Largest body a provider webhook may post. */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Webhook routes (`/webhooks/...`) get their body as the raw bytes (a Buffer in `req.body`, whatever the content
 * type): signatures are computed over exactly those bytes. Mounted ahead of the JSON parser, which then skips them.
 */
export const webhookBodyParser = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT_BYTES });

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
  limit?: number;
}

/** Body-parser failures (malformed JSON, too large, bad charset) as problem documents instead of HTML. */
export function bodyErrorHandler(
  error: BodyParserError,
  req: Request & RequestWithId,
  res: Response,
  next: NextFunction,
): void {
  const status = error.status ?? 500;
  if (!error.type || status >= 500) return next(error);
  const detail =
    error.type === 'entity.too.large'
      ? `The request body is larger than ${(error.limit ?? JSON_BODY_LIMIT_BYTES) / 1024} KB`
      : error.type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${error.message ?? 'parse error'}`
        : (error.message ?? 'The request body cannot be read');
  sendProblem(res, { status, detail, instance: req.originalUrl, requestId: req.requestId });
}
