import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ENDPOINT_METADATA, type EndpointSpec } from './endpoint.decorator';
import { validateRequest } from './validate-request';

/** Validates every request against its route's declaration before the handler runs. */
@Injectable()
export class ValidationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<EndpointSpec | undefined>(ENDPOINT_METADATA, context.getHandler());
    if (spec) validateRequest(spec, context.switchToHttp().getRequest<Request>());
    return next.handle();
  }
}
