/**
 * Catches every request that tries to leave the machine. The browsers under test send all
 * traffic for other hosts through this proxy on 127.0.0.1 (loopback, where the fixture server
 * is, bypasses it), and it answers none of it: it only writes down where each request went.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworkTrap {
  /** `host:port` or the URL of each request that tried to leave the machine. */
  readonly caught: readonly string[];
  readonly port: number;
  close(): Promise<void>;
}

export async function startNetworkTrap(): Promise<NetworkTrap> {
  const caught: string[] = [];
  const server: Server = createServer((req, res) => {
    caught.push(req.url ?? '?');
    res.writeHead(403).end();
  });
  // HTTPS goes through CONNECT: note the host, and close the tunnel unopened.
  server.on('connect', (req, socket) => {
    caught.push(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    caught,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
