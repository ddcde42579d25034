/** What the API answered: status and parsed JSON body (or text). */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A party calling the API over HTTP, as a real client does: a signed-in user (session cookie and CSRF token), an
 * API key, or nobody. Tests use it to arrange data and to check what the browser did.
 */
export class ApiSession {
  private constructor(
    readonly apiUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  static anonymous(apiUrl: string): ApiSession {
    return new ApiSession(apiUrl, {});
  }

  static withKey(apiUrl: string, key: string): ApiSession {
    return new ApiSession(apiUrl, { authorization: `Bearer ${key}` });
  }

  static async signIn(apiUrl: string, email: string, password: string): Promise<ApiSession> {
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200)
      throw new Error(`sign-in of ${email} answered ${login.status}: ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return new ApiSession(apiUrl, { cookie, 'x-csrf-token': csrfToken });
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...this.headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the text itself
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** The body of an answer with the expected status; anything else throws with what the API said. */
  async expect<T = unknown>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status !== status)
      throw new Error(
        `${method} ${path} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body)}`,
      );
    return answer.body;
  }
}
