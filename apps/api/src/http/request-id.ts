import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export interface RequestWithId {
  requestId?: string;
}

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Every request carries an id: the caller's `X-Request-Id` when it looks sane, else a new one; echoed back. */
export function requestIdMiddleware(req: Request & RequestWithId, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  req.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  next();
}
