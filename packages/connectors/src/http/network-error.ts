/**
 * Codes of failures that come before a request can reach the server: no connection was made (name lookup, refused,
 * unreachable, connect timeout) or its TLS handshake failed. Any other failure may come after the server had the
 * request.
 */
const BEFORE_REQUEST_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

/** A request that got no answer: refused, reset, timed out or aborted. */
export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
  /** The network error's code (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`...), or `network_error`. */
  readonly code: string;
  /**
   * The client had started writing the request to a connection: the server may have received it (and acted on it)
   * even though no answer came. False when the failure came before (no connection could be made).
   */
  readonly written: boolean;

  constructor(input: { code: string; written: boolean; cause: unknown }) {
    super(input.cause instanceof Error ? input.cause.message : String(input.cause), { cause: input.cause });
    this.code = input.code;
    this.written = input.written;
  }
}

/** The code of a network error (`ECONNREFUSED`, `UND_ERR_SOCKET`...), when it has one; `ABORT_ERR` for an abort. */
export function networkErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return (error as { name?: unknown } | null)?.name === 'AbortError' ? 'ABORT_ERR' : undefined;
}

/**
 * Whether a request that got no answer may have reached the server. The client's own word when it can tell (an
 * `HttpNetworkError`); otherwise only a code that comes before any connection (BEFORE_REQUEST_CODES) says no.
 */
export function mayHaveReachedServer(error: unknown): boolean {
  if (error instanceof HttpNetworkError && !error.written) return false;
  const code = networkErrorCode(error);
  return code === undefined || !BEFORE_REQUEST_CODES.has(code);
}
