import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import type { RequestWithId } from './request-id';

const logger = new Logger('Http');

/**
 * One log line per answered request with its id, workspace and caller: server errors as errors, client errors at
 * info, the rest at debug (ingestion answers thousands of requests a second). Query strings are left out.
 */
export function requestLogMiddleware(
  req: Request & RequestWithId & AuthenticatedRequest,
  res: Response,
  next: NextFunction,
): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    if (res.statusCode < 400 && !Logger.isLevelEnabled('debug')) return;
    const principal = req.principal;
    const line = {
      message: 'request',
      requestId: req.requestId,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      workspaceId: principal?.workspaceId,
      caller: principal
        ? principal.kind === 'user'
          ? `user:${principal.userId}`
          : `key:${principal.keyId}`
        : undefined,
    };
    if (res.statusCode >= 500) logger.error(line);
    else if (res.statusCode >= 400) logger.log(line);
    else logger.debug(line);
  });
  next();
}
