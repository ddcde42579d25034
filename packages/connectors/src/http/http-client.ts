import { Agent, util, type Dispatcher, type FormData } from 'undici';
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
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
  return {
    async send(input) {
      let url: URL;
      try {
        url = new URL(input.url);
      } catch (error) {
        throw new HttpNetworkError({ code: 'ERR_INVALID_URL', written: false, cause: error });
      }
      return new Promise<HttpResponse>((resolve, reject) => {
        // The agent's own dispatch (origin + path, our handler) skips undici.request's URL handling, body stream and
        // handler conversions: measurably cheaper on the send path (bench/zns-send-rate.bench.ts).
        agent.dispatch(
          {
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: input.method,
            headers: input.headers ?? {},
            body: input.body ?? null,
            headersTimeout: input.timeoutMs ?? timeoutMs,
            bodyTimeout: input.timeoutMs ?? timeoutMs,
          },
          new ResponseCollector(input.signal, input.timeoutMs ?? timeoutMs, resolve, reject),
        );
      });
    },
    close: () => agent.close(),
  };
}

/**
 * Collects one answer (undici's handler interface). undici calls `onConnect` when it hands the request to a
 * connection, right before writing its first byte: a failure before that (DNS, refused, connect timeout, TLS
 * handshake, an abort while queued) cannot have reached the server.
 */
class ResponseCollector implements Dispatcher.DispatchHandler {
  private written = false;
  private settled = false;
  /** A request still waiting for a connection when its time is up is given up, and never written. */
  private readonly queueTimer: NodeJS.Timeout;
  private abort: ((reason?: Error) => void) | undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private readonly onAbort = () => this.abort?.(abortReason(this.signal));

  constructor(
    private readonly signal: AbortSignal | undefined,
    timeoutMs: number,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
    this.queueTimer = setTimeout(() => this.onError(queueTimeout(timeoutMs)), timeoutMs);
  }

  onConnect(abort: (reason?: Error) => void): void {
    clearTimeout(this.queueTimer);
    this.abort = abort;
    // An aborted signal, or a request already given up, is acted on here, and undici then writes nothing.
    if (this.settled) abort(queueTimeout(0));
    else if (this.signal?.aborted) abort(abortReason(this.signal));
    else this.written = true;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    // An informational answer (100 Continue) comes before the real one.
    if (statusCode < 200) return true;
    this.status = statusCode;
    this.headers = util.parseHeaders(rawHeaders) as Record<string, string | string[] | undefined>;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.finish();
    this.resolve({
      status: this.status,
      headers: this.headers,
      body: Buffer.concat(this.chunks).toString('utf8'),
    });
  }

  onError(error: Error): void {
    if (this.settled) return;
    this.finish();
    this.reject(
      new HttpNetworkError({
        code: networkErrorCode(error) ?? 'network_error',
        written: this.written,
        cause: error,
      }),
    );
  }

  private finish(): void {
    this.settled = true;
    clearTimeout(this.queueTimer);
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

/** Answers larger than this are refused: no provider answer comes near it. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

function queueTimeout(timeoutMs: number): Error {
  return Object.assign(new Error(`No connection was free within ${timeoutMs} ms; the request was not sent`), {
    code: 'LOA_QUEUE_TIMEOUT',
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : Object.assign(new Error('The request was aborted'), { name: 'AbortError' });
}
