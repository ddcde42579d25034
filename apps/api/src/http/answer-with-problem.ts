import { HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from './problem';
import type { RequestWithId } from './request-id';
import { sendProblem } from './send-problem';

const logger = new Logger('Http');

/**
 * Answers an error as problem+json with the request id; unexpected ones are logged and answered 500 without their
 * details. Shared by the exception filter and the fast routes.
 */
export function answerWithProblem(exception: unknown, req: Request & RequestWithId, res: Response): void {
  const base = { instance: req.originalUrl, requestId: req.requestId };
  if (exception instanceof ProblemException) {
    const { headers, ...extra } = exception.extra;
    sendProblem(res, { ...extra, ...base, status: exception.getStatus(), detail: exception.detail }, headers);
    return;
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    sendProblem(res, { ...base, status, detail: httpExceptionDetail(exception, req) });
    if (status >= 500) logger.error({ message: exception.message, requestId: req.requestId });
    return;
  }
  logger.error({
    message: 'Unhandled error',
    requestId: req.requestId,
    route: `${req.method} ${req.path}`,
    error: exception instanceof Error ? exception.stack : String(exception),
  });
  sendProblem(res, {
    ...base,
    status: 500,
    detail: 'Something went wrong on our side; the request id identifies it',
  });
}

function httpExceptionDetail(exception: HttpException, req: Request): string {
  if (exception.getStatus() === 404 && exception.message.startsWith('Cannot '))
    return `There is no route ${req.method} ${req.path}`;
  if (exception.getStatus() === 429) return 'Too many requests; wait before trying again (see Retry-After)';
  return exception.message;
}
