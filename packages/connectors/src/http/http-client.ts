import { Agent, type Dispatcher, type FormData } from 'undici';
import { HttpNetworkError, networkErrorCode } from './network-error';

export { HttpNetworkError, mayHaveReachedServer, networkErrorCode } from './network-error';

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
  /** Rejects with an `HttpNetworkError` when the request gets no answer. */
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
 * credentials. A request that gets no answer rejects with an `HttpNetworkError`, which says whether the request was
 * handed to a connection (and so may have reached the server) or failed before (no connection could be made).
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const agent = new Agent({
    connections: options.connections ?? 128,
    keepAliveTimeout: 30_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  /** What to call when undici starts writing a request to a connection, by the request's options object. */
  const onWrite = new WeakMap<object, () => void>();
  const dispatcher = agent.compose(noticeWrites(onWrite));
  return {
    async send(input) {
      const url = new URL(input.url);
      // The agent's own request (origin + path) skips the URL handling of undici.request, measurably cheaper
      // on the send path (bench/zns-send-rate.bench.ts).
      const request: Dispatcher.RequestOptions = {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: input.method,
        headers: input.headers,
        body: input.body,
        signal: input.signal,
        headersTimeout: input.timeoutMs ?? timeoutMs,
        bodyTimeout: input.timeoutMs ?? timeoutMs,
      };
      let written = false;
      onWrite.set(request, () => {
        written = true;
      });
      try {
        const response = await dispatcher.request(request);
        return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
      } catch (error) {
        throw new HttpNetworkError({
          code: networkErrorCode(error) ?? 'network_error',
          written,
          cause: error,
        });
      }
    },
    close: () => agent.close(),
  };
}

/**
 * An interceptor that tells, per request, when undici hands it to a connection (`onRequestStart` comes right before
 * the first byte is written). A failure before that (DNS, refused, connect timeout, TLS handshake, an abort while
 * queued) cannot have reached the server.
 */
function noticeWrites(onWrite: WeakMap<object, () => void>): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const notice = onWrite.get(options);
    if (!notice) return dispatch(options, handler);
    return dispatch(options, {
      onRequestStart: (controller, context) => {
        handler.onRequestStart?.(controller, context);
        // An aborted signal is acted on here, and undici then writes nothing.
        if (!controller.aborted) notice();
      },
      onRequestUpgrade: (controller, statusCode, headers, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) =>
        handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    });
  };
}
