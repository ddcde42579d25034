import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

/**
 * How the server treats each request: answer `{"ok":true}`, read the whole body and then drop the connection
 * without answering (as a provider that received the request and lost the answer), or never answer.
 */
export type FaultyBehaviour = 'answer' | 'drop_after_body' | 'never_answer';

export interface FaultyServer {
  url: string;
  /** Requests whose body the server read to the end. */
  readonly requestsRead: number;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that fails in one chosen way, for the network failures of the http client. */
export async function startFaultyServer(behaviour: FaultyBehaviour): Promise<FaultyServer> {
  let requestsRead = 0;
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.on('end', () => {
      requestsRead += 1;
      if (behaviour === 'answer') response.end('{"ok":true}');
      else if (behaviour === 'drop_after_body') request.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    get requestsRead() {
      return requestsRead;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (taken, then released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
