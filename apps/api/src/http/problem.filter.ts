import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from './problem';
import type { RequestWithId } from './request-id';
import { sendProblem } from './send-problem';

/** Every error leaves as problem+json with the request id; unexpected ones are logged and answered 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & RequestWithId>();
    const res = http.getResponse<Response>();
    const base = { instance: req.originalUrl, requestId: req.requestId };

    if (exception instanceof ProblemException) {
      const { headers, ...extra } = exception.extra;
      sendProblem(
        res,
        { ...extra, ...base, status: exception.getStatus(), detail: exception.detail },
        headers,
      );
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      sendProblem(res, { ...base, status, detail: httpExceptionDetail(exception, req) });
      if (status >= 500) this.logger.error({ message: exception.message, requestId: req.requestId });
      return;
    }
    this.logger.error({
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
}

function httpExceptionDetail(exception: HttpException, req: Request): string {
  if (exception.getStatus() === 404 && exception.message.startsWith('Cannot '))
    return `There is no route ${req.method} ${req.path}`;
  if (exception.getStatus() === 429) return 'Too many requests; wait before trying again (see Retry-After)';
  return exception.message;
}
