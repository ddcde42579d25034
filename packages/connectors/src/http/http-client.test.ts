import { createHttpClient, HttpNetworkError, mayHaveReachedServer, type HttpClient } from './http-client';
import { closedPort, startFaultyServer } from './testing/faulty-server';

describe('http client: whether a request that got no answer may have reached the server', () => {
  let http: HttpClient;
  beforeEach(() => {
    http = createHttpClient({ timeoutMs: 10_000 });
  });
  afterEach(() => http.close());

  const failure = async (request: Promise<unknown>): Promise<HttpNetworkError> => {
    const error = await request.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HttpNetworkError);
    return error as HttpNetworkError;
  };

  it('a refused connection was not written: it cannot have reached the server', async () => {
    const error = await failure(
      http.send({ method: 'POST', url: `http://127.0.0.1:${await closedPort()}/x`, body: '{}' }),
    );
    expect(error).toMatchObject({ code: 'ECONNREFUSED', written: false });
    expect(mayHaveReachedServer(error)).toBe(false);
  });

  it('a name that does not resolve was not written', async () => {
    const error = await failure(http.send({ method: 'GET', url: 'http://loa-no-such-host.invalid/x' }));
    expect(error.written).toBe(false);
    expect(mayHaveReachedServer(error)).toBe(false);
  });

  it('a failed TLS handshake was not written', async () => {
    const server = await startFaultyServer('answer');
    try {
      const error = await failure(
        http.send({ method: 'POST', url: server.url.replace('http:', 'https:'), body: '{}' }),
      );
      expect(error.written).toBe(false);
      expect(mayHaveReachedServer(error)).toBe(false);
      expect(server.requestsRead).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a request still waiting for a connection when its time is up is given up unwritten, and not sent later', async () => {
    const server = await startFaultyServer('never_answer');
    const client = createHttpClient({ connections: 1, timeoutMs: 10_000 });
    const holder = new AbortController();
    try {
      const holding = client
        .send({ method: 'POST', url: server.url, body: '{}', signal: holder.signal })
        .catch(() => undefined);
      while (server.requestsRead < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const error = await failure(
        client.send({ method: 'POST', url: server.url, body: '{}', timeoutMs: 100 }),
      );
      expect(error).toMatchObject({ code: 'LOA_QUEUE_TIMEOUT', written: false });
      expect(mayHaveReachedServer(error)).toBe(false);
      // The connection is free again: the request given up must not go out on it.
      holder.abort();
      await holding;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.requestsRead).toBe(1);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('an invalid URL is refused before anything is sent', async () => {
    const error = await failure(http.send({ method: 'GET', url: 'not a url' }));
    expect(error).toMatchObject({ code: 'ERR_INVALID_URL', written: false });
  });

  it('an abort before the request went out was not written', async () => {
    const server = await startFaultyServer('answer');
    try {
      const error = await failure(
        http.send({ method: 'POST', url: server.url, body: '{}', signal: AbortSignal.abort() }),
      );
      expect(error).toMatchObject({ code: 'ABORT_ERR', written: false });
      expect(server.requestsRead).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a connection dropped after the server read the request may have reached it', async () => {
    const server = await startFaultyServer('drop_after_body');
    try {
      const error = await failure(http.send({ method: 'POST', url: server.url, body: '{"a":1}' }));
      expect(error).toMatchObject({ code: 'UND_ERR_SOCKET', written: true });
      expect(mayHaveReachedServer(error)).toBe(true);
      expect(server.requestsRead).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('an answer that does not come in time may have been preceded by the server acting on the request', async () => {
    const server = await startFaultyServer('never_answer');
    try {
      const error = await failure(http.send({ method: 'POST', url: server.url, body: '{}', timeoutMs: 50 }));
      expect(error).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT', written: true });
      expect(mayHaveReachedServer(error)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers normally on a reused connection', async () => {
    const server = await startFaultyServer('answer');
    try {
      for (let index = 0; index < 2; index += 1) {
        expect(await http.send({ method: 'POST', url: server.url, body: '{}' })).toMatchObject({
          status: 200,
          body: '{"ok":true}',
        });
      }
    } finally {
      await server.close();
    }
  });
});

describe('mayHaveReachedServer for errors from elsewhere (a code only)', () => {
  it.each([
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['EAI_AGAIN', false],
    ['EHOSTUNREACH', false],
    ['ENETUNREACH', false],
    ['UND_ERR_CONNECT_TIMEOUT', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', false],
    ['ECONNRESET', true],
    ['EPIPE', true],
    ['UND_ERR_SOCKET', true],
    ['UND_ERR_HEADERS_TIMEOUT', true],
    ['UND_ERR_BODY_TIMEOUT', true],
    ['UND_ERR_ABORTED', true],
    ['SOMETHING_NEW', true],
  ])('%s → %s', (code, reached) => {
    expect(mayHaveReachedServer(Object.assign(new Error(code), { code }))).toBe(reached);
  });

  it('an error without a code may have reached the server', () => {
    expect(mayHaveReachedServer(new Error('socket hang up'))).toBe(true);
  });

  it("the client's own word wins over the code", () => {
    const cause = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(mayHaveReachedServer(new HttpNetworkError({ code: 'ECONNRESET', written: false, cause }))).toBe(
      false,
    );
  });
});
