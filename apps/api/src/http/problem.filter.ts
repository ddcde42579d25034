import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { answerWithProblem } from './answer-with-problem';
import type { RequestWithId } from './request-id';

/** Every error leaves as problem+json with the request id; unexpected ones are logged and answered 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerWithProblem(exception, http.getRequest<Request & RequestWithId>(), http.getResponse<Response>());
  }
}
