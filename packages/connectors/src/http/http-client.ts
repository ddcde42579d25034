import { Agent, type FormData } from 'undici';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** A FormData body is sent as multipart/form-data (undici sets the boundary header). */
  body?: string | Buffer | FormData;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Keep-alive connections per origin. */
  connections?: number;
  /** Default per-request timeout (headers and body). */
  timeoutMs?: number;
}

/**
 * A keep-alive HTTP client (undici) shared by every account of a process: it holds connections, never
 * credentials. Network failures reject with the undici error, whose `code` the connectors classify as retryable.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const agent = new Agent({
    connections: options.connections ?? 128,
    keepAliveTimeout: 30_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return {
    async send(input) {
      const url = new URL(input.url);
      // The agent's own request (origin + path) skips the URL handling of undici.request, measurably cheaper
      // on the send path (bench/zns-send-rate.bench.ts).
      const response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: input.method,
        headers: input.headers,
        body: input.body,
        signal: input.signal,
        headersTimeout: input.timeoutMs ?? timeoutMs,
        bodyTimeout: input.timeoutMs ?? timeoutMs,
      });
      return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
    },
    close: () => agent.close(),
  };
}

/** Network-level error codes that mean "try again later" rather than "this message is wrong". */
export function networkErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
