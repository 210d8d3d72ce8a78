import http from 'node:http';
import type { Socket } from 'node:net';

/**
 * Who is the client (issue 12). Next fills `X-Forwarded-For` from the socket only when the request has
 * none, so without a proxy a client could pick its own address bucket by sending the header. Installed
 * once at server start (instrumentation.ts): unless `trustProxy`, every incoming request's
 * `X-Forwarded-For` is replaced by the socket's address (and `X-Real-IP` dropped) before Next sees it.
 * With `trustProxy` (TRUST_PROXY=1 behind a proxy that sets the header) the header is left alone.
 */
export function installClientAddress(trustProxy: boolean): void {
  const marker = Symbol.for('netprep.client-address');
  const proto = http.Server.prototype as http.Server & { [k: symbol]: boolean };
  if (trustProxy || proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage & { socket: Socket };
      req.headers['x-forwarded-for'] = req.socket?.remoteAddress ?? 'unknown';
      delete req.headers['x-real-ip'];
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
