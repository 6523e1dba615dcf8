import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** What the proxy does to one connection (it makes every HTTP request use a connection of its own). */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  /** Forward this many bytes of the request, then cut both sides: the hub never gets the whole body. */
  | { kind: 'cutRequest'; afterBytes: number }
  /** Forward the whole request, then drop the hub's answer and cut: the hub committed, the desk never knows. */
  | { kind: 'cutResponse'; onResponse?: () => void | Promise<void> }
  /** TCP reset as soon as the desk connects. */
  | { kind: 'reset' };

export interface TcpProxy {
  url: string;
  port: number;
  /** Faults for the next connections, in order; afterwards every connection passes. */
  enqueue(...faults: Fault[]): void;
  /** A fault for every connection whose request matches (e.g. only pushes), checked before the queue. */
  setRule(rule: ((requestHead: string) => Fault | null) | null): void;
  connections(): number;
  /** Points the proxy at another upstream port (a restarted hub). */
  retarget(port: number): void;
  close(): Promise<void>;
}

const headEnd = (buffer: Buffer) => buffer.indexOf('\r\n\r\n');

/**
 * A TCP proxy on 127.0.0.1 between a desk and its hub that misbehaves on request: delays, resets,
 * cuts a request mid-body, or lets the hub answer and throws the answer away. It reads just enough
 * HTTP (the heads and Content-Length) to close each connection after one exchange, so each request
 * meets the next fault in the queue however the client pools its connections.
 */
export const startTcpProxy = async (upstreamPort: number): Promise<TcpProxy> => {
  let target = upstreamPort;
  const queue: Fault[] = [];
  let rule: ((head: string) => Fault | null) | null = null;
  let count = 0;
  const sockets = new Set<Socket>();

  const handle = (client: Socket) => {
    count += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    let fault: Fault | null = null;
    let pending = Buffer.alloc(0);
    let upstream: Socket | null = null;
    let forwarded = 0;
    let responseHead = Buffer.alloc(0);
    let responseBody = -1;
    let responseLength = -1;
    const cut = () => {
      client.resetAndDestroy();
      upstream?.destroy();
    };

    const connectUpstream = () => {
      upstream = createConnection({ host: '127.0.0.1', port: target });
      sockets.add(upstream);
      upstream.on('close', () => {
        if (upstream) sockets.delete(upstream);
        client.end();
      });
      upstream.on('error', () => client.destroy());
      upstream.on('data', (chunk: Buffer) => {
        if (fault?.kind === 'cutResponse') {
          const hook = fault.onResponse;
          fault = { kind: 'pass' };
          void Promise.resolve(hook?.()).finally(cut);
          return;
        }
        client.write(chunk);
        // Close after one full response so the next request opens a new connection (and meets the next fault).
        if (responseBody < 0) {
          responseHead = Buffer.concat([responseHead, chunk]);
          const end = headEnd(responseHead);
          if (end < 0) return;
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(responseHead.subarray(0, end).toString('latin1'));
          responseLength = length ? Number(length[1]) : -1;
          responseBody = responseHead.length - end - 4;
        } else {
          responseBody += chunk.length;
        }
        if (responseLength >= 0 && responseBody >= responseLength) {
          client.end();
          upstream?.end();
        }
      });
    };

    const forward = (chunk: Buffer) => {
      if (fault?.kind === 'cutRequest') {
        const room = fault.afterBytes - forwarded;
        if (chunk.length >= room) {
          upstream?.write(chunk.subarray(0, Math.max(0, room)), cut);
          return;
        }
      }
      forwarded += chunk.length;
      upstream?.write(chunk);
    };

    const start = () => {
      const head = pending.toString('latin1', 0, Math.max(0, headEnd(pending)));
      fault = rule?.(head) ?? queue.shift() ?? { kind: 'pass' };
      if (fault.kind === 'reset') return cut();
      const go = () => {
        connectUpstream();
        forward(pending);
      };
      if (fault.kind === 'delay') setTimeout(go, fault.ms);
      else go();
    };

    client.on('data', (chunk: Buffer) => {
      if (fault) {
        if (upstream) forward(chunk);
        else pending = Buffer.concat([pending, chunk]);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      if (headEnd(pending) >= 0) start();
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    enqueue: (...faults) => queue.push(...faults),
    setRule: (next) => {
      rule = next;
    },
    connections: () => count,
    retarget: (next) => {
      target = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
