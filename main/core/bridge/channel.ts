/**
 * One end of a message pipe between the app's main process and the process that runs the core.
 * The bridge speaks only this, so the same code runs over Electron's MessagePortMain and
 * utilityProcess parent port, and over Node's worker_threads ports (tests and benchmarks).
 */
export interface Channel {
  send(message: unknown): void;
  listen(listener: (message: unknown) => void): void;
}

/** Node's worker_threads ports, `parentPort` and `Worker`: messages arrive as they were sent. */
export interface NodePort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

export const nodePortChannel = (port: NodePort): Channel => ({
  send: (message) => port.postMessage(message),
  listen: (listener) => void port.on('message', listener),
});

/** Electron's MessagePortMain and a utility process's `process.parentPort`: messages arrive as `{ data }`. */
export interface EventPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start?(): void;
}

export const eventPortChannel = (port: EventPort): Channel => ({
  send: (message) => port.postMessage(message),
  listen: (listener) => {
    port.on('message', (event) => listener(event.data));
    port.start?.();
  },
});
