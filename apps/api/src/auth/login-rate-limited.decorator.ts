import { SetMetadata } from '@nestjs/common';
import { RATE_LIMITED_LOGIN } from './rate-limiter';

/** Counts the route's calls against the sign-in attempt limit (per client address and e-mail). */
export const LoginRateLimited = () => SetMetadata(RATE_LIMITED_LOGIN, true);
