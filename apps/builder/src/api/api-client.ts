import type { paths } from '@loa/api-contract';
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem } from './api-problem';

/** The browser calls the API under /api (the Vite dev and preview servers forward it; see vite.config.ts). */
export const api = createClient<paths>({ baseUrl: '/api', credentials: 'same-origin' });

let csrfToken: string | undefined;

/** The session's CSRF token (from GET /auth/me), sent with every change made with the session cookie. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};
api.use(csrfHeader);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiProblem for a 4xx/5xx answer or a network failure. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw new ApiProblem(
      0,
      'Network error',
      error instanceof Error ? error.message : String(error),
      undefined,
      [],
      {},
    );
  }
  if (!result.response.ok) throw ApiProblem.from(result.response.status, result.error);
  return result.data as T;
}
