import {
  connect,
  constants,
  createSecureServer,
  type ClientHttp2Session,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

export interface TlsTerminatingProxyOptions {
  /** The plain (h2c) gRPC server the proxy forwards to, `host:port`. */
  upstream: string;
  cert: string;
  key: string;
  /** When set, a client must present a certificate this CA signed (mutual TLS). */
  clientCa?: string;
  /** When set, every call must carry `authorization: Bearer <apiKey>`; others are answered UNAUTHENTICATED. */
  apiKey?: string;
}

export interface TlsTerminatingProxy {
  address: string;
  /** The gRPC methods forwarded so far (`Service/Method`), in order. */
  forwarded: string[];
  /** Why each refused TLS handshake was refused so far (OpenSSL's error codes, e.g. a missing client certificate). */
  refusedHandshakes: string[];
  close(): Promise<void>;
}

const GRPC_UNAUTHENTICATED = '16';
const HOP_HEADERS = new Set([':method', ':path', ':scheme', ':authority', ':status']);

/**
 * A TLS-terminating gRPC proxy in front of the Temporal dev server, which serves plain gRPC only (`temporal server
 * start-dev` has no TLS options). What is under test is the client side, the connections the API and the worker open
 * from their configuration; this stands in for a cluster's TLS frontend or an API gateway that checks the API key.
 */
export async function startTlsTerminatingProxy(
  options: TlsTerminatingProxyOptions,
): Promise<TlsTerminatingProxy> {
  const upstream: ClientHttp2Session = connect(`http://${options.upstream}`);
  upstream.on('error', () => undefined);
  const forwarded: string[] = [];
  const refusedHandshakes: string[] = [];
  const server = createSecureServer({
    cert: options.cert,
    key: options.key,
    ALPNProtocols: ['h2'],
    ...(options.clientCa ? { ca: options.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
  });
  server.on('stream', (stream, headers) => {
    if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) {
      refuse(stream, 'missing or wrong API key in the authorization header');
      return;
    }
    forwarded.push(String(headers[':path']).replace(/^\/temporal\.api\.workflowservice\.v1\./, ''));
    forward(stream, headers, upstream);
  });
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('sessionError', () => undefined);
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => {
    refusedHandshakes.push(error.code ?? error.message);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    forwarded,
    refusedHandshakes,
    close: async () => {
      upstream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Pollers hold their sessions open; the server closes only once they are gone.
        for (const session of sessions) session.destroy();
      });
    },
  };
}

function refuse(stream: ServerHttp2Stream, message: string): void {
  stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': GRPC_UNAUTHENTICATED,
      'grpc-message': encodeURIComponent(message),
    },
    { endStream: true },
  );
}

/** One call, both ways: request headers and body up, response headers, body and trailers down; resets both ways. */
function forward(
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  upstream: ClientHttp2Session,
): void {
  const requestHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_HEADERS.has(name)),
  );
  const call = upstream.request({
    ...requestHeaders,
    ':method': headers[':method'],
    ':path': headers[':path'],
  });
  let trailers: IncomingHttpHeaders = {};
  call.on('response', (responseHeaders) => {
    if (stream.destroyed) return;
    const headersOnly = call.endAfterHeaders;
    stream.respond(responseHeaders, headersOnly ? { endStream: true } : { waitForTrailers: true });
    if (!headersOnly) call.pipe(stream);
  });
  call.on('trailers', (received) => {
    trailers = received;
  });
  stream.on('wantTrailers', () => stream.sendTrailers(trailers));
  stream.pipe(call);
  stream.on('close', () => {
    if (!call.closed) call.close(constants.NGHTTP2_CANCEL);
  });
  call.on('close', () => {
    if (!stream.closed && call.rstCode !== constants.NGHTTP2_NO_ERROR) stream.close(call.rstCode);
  });
  call.on('error', () => undefined);
  stream.on('error', () => undefined);
}
