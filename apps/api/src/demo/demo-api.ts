/** The public HTTP API as the demo seed calls it: JSON in and out, an error naming the call when it fails. */
export class Session {
  private constructor(
    private readonly apiUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(apiUrl: string, email: string, password: string): Promise<Session> {
    const response = await request(apiUrl, 'POST', '/auth/login', { body: { email, password } });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('loa_session='));
    if (!cookie) throw new Error('sign-in set no session cookie');
    const me = (await response.json()) as { csrfToken: string };
    return new Session(apiUrl, cookie.split(';')[0] as string, me.csrfToken);
  }

  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.call(method, path, body);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The answer itself, redirects not followed (the browser's view of a redirecting endpoint). */
  call(method: string, path: string, body?: unknown): Promise<Response> {
    return request(this.apiUrl, method, path, {
      body,
      headers: { Cookie: this.cookie, 'X-CSRF-Token': this.csrfToken },
    });
  }
}

export async function request(
  apiUrl: string,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(new URL(path, apiUrl), {
    method,
    headers: { ...(init.body !== undefined && { 'Content-Type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  });
  if (response.status >= 400)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Polls `check` until it answers a value (not undefined); past `timeoutMs` fails with `what` and the last state. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<{ done: T } | { state: unknown }>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await check();
    if ('done' in outcome) return outcome.done;
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not after ${timeoutMs / 1000} s (last seen: ${JSON.stringify(outcome.state)})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
