import net from 'node:net';
import { SetupError } from './fail';

/** Resolve when `port` can be bound on `host`; throw a one-line SetupError when it is taken or forbidden. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new SetupError(`port ${port} is already in use: stop what is using it or start with PORT=<another port>`));
      } else if (err.code === 'EACCES') {
        reject(new SetupError(`port ${port} needs more privileges: start with PORT set to 1024 or above`));
      } else {
        reject(new SetupError(`cannot listen on ${host}:${port} (${err.code}): check HOSTNAME and PORT`));
      }
    });
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve()));
  });
}

/** A free loopback port, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
