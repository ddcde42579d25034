import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ProblemFilter } from './problem.filter';
import { ValidationInterceptor } from './validation.interceptor';

/** Problem documents for every error and zod validation of every declared route. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
  ],
})
export class HttpModule {}
