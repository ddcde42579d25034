import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';
import { RequestAuthenticator } from './request-authenticator';
import { SessionsService } from './sessions.service';
import { WindowCounterStorage } from './window-counter-storage';

/** Sign-in, sessions and API-key authentication; the auth guard then the rate-limit guard run on every route. */
@Global()
@Module({
  // Limits are chosen per route by RateLimiter; this entry only enables the throttler's storage.
  imports: [
    // One storage per application (not per process), stopped with it.
    ThrottlerModule.forRootAsync({
      useFactory: () => ({
        throttlers: [{ ttl: 60_000, limit: 1_000_000 }],
        storage: new WindowCounterStorage(),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    SessionsService,
    ApiKeyAuthenticator,
    AuthService,
    RequestAuthenticator,
    RateLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [SessionsService, ApiKeyAuthenticator, RequestAuthenticator, RateLimiter],
})
export class AuthModule {}
