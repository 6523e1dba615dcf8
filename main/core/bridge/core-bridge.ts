import type { Result } from '../../../shared/contract/result.ts';
import type { EventName } from '../../../shared/contract/names.ts';
import { createAppCore, type AppCore, type AppCoreOptions } from '../app-core.ts';
import type { EventListener } from '../events.ts';
import { DeskKeys } from '../keys/desk-keys.ts';
import type { KeyVault, VaultRead } from '../keys/key-vault.ts';
import type { Channel } from './channel.ts';
import { answer, requester } from './requests.ts';
import type { Caller } from '../rpc/caller.ts';

/**
 * The dispatcher across a process boundary: the core runs in its own process (Electron's
 * utilityProcess), so SQL, PDFs and exports never stall the main process's event loop, where
 * windows, menus and every window's IPC live. Calls and their results, the core's events, and the
 * key vault (which needs the main process: the OS keychain is reachable only there) cross as
 * plain messages.
 */

type CoreMessage =
  | { kind: 'call'; id: number; method: string; input: unknown; caller?: Caller }
  | { kind: 'close'; id: number }
  | { kind: 'ready' }
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'vault'; id: number; op: 'read' | 'write' | 'acceptFileKey'; key?: Uint8Array };

interface VaultAnswer {
  read?: VaultRead;
  protection: string;
}

/** Main-process side: the core as the bindings see it. */
export interface RemoteCore {
  ready: Promise<void>;
  /** As the dispatcher's: `caller` is the desk unless a citizen window is calling. */
  call(method: string, input: unknown, caller?: Caller): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export const connectCore = (channel: Channel, vault: KeyVault): RemoteCore => {
  const requests = requester(channel);
  const listeners = new Set<EventListener>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const vaultOp = async (message: Extract<CoreMessage, { kind: 'vault' }>): Promise<VaultAnswer> => {
    if (message.op === 'read') return { read: await vault.read(), protection: vault.protection() };
    if (message.op === 'write') await vault.write(Buffer.from(message.key ?? []));
    else await vault.acceptFileKey?.();
    return { protection: vault.protection() };
  };

  channel.listen((raw) => {
    if (requests.settle(raw)) return;
    const message = raw as CoreMessage;
    if (message.kind === 'ready') markReady();
    if (message.kind === 'vault') void answer(channel, message.id, () => vaultOp(message));
    if (message.kind === 'event') {
      for (const listener of listeners) {
        try {
          listener(message.name, message.payload);
        } catch {
          // Isolated as in the core's own bus: one window's failure is not another's.
        }
      }
    }
  });

  return {
    ready,
    call: (method, input, caller) => requests.ask<Result<unknown>>({ kind: 'call', method, input, caller }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => requests.ask<void>({ kind: 'close' }),
  };
};

/** Core-process side: the key vault, asked of the main process. */
const remoteVault = (channel: Channel, requests: ReturnType<typeof requester>): KeyVault => {
  let protection = 'unknown';
  const ask = async (op: 'read' | 'write' | 'acceptFileKey', key?: Buffer) => {
    const reply = await requests.ask<VaultAnswer>({ kind: 'vault', op, ...(key ? { key: new Uint8Array(key) } : {}) });
    protection = reply.protection;
    return reply;
  };
  return {
    protection: () => protection,
    async read() {
      const { read } = await ask('read');
      // Structured clone turns a Buffer into a Uint8Array.
      return read?.kind === 'key' ? { kind: 'key', key: Buffer.from(read.key) } : (read ?? { kind: 'empty' });
    },
    write: async (key) => void (await ask('write', key)),
    acceptFileKey: async () => void (await ask('acceptFileKey')),
  };
};

/**
 * Starts the core in this process, serving it over `channel`: the key first (through the main
 * process's vault), then the core, then `ready`. Resolves with the core once it serves.
 */
export const serveCore = async (channel: Channel, options: Omit<AppCoreOptions, 'keys'>): Promise<AppCore> => {
  const requests = requester(channel);
  let core: AppCore | null = null;
  const early: CoreMessage[] = [];

  const handle = (message: CoreMessage, served: AppCore) => {
    if (message.kind === 'call')
      void answer(channel, message.id, () => served.dispatcher.call(message.method, message.input, message.caller));
    if (message.kind === 'close') void answer(channel, message.id, () => served.close());
  };
  channel.listen((raw) => {
    if (requests.settle(raw)) return;
    if (core) handle(raw as CoreMessage, core);
    else early.push(raw as CoreMessage);
  });

  const keys = await DeskKeys.open(remoteVault(channel, requests), options.dataDir);
  const started = createAppCore({ ...options, keys });
  started.events.subscribe((name, payload) => channel.send({ kind: 'event', name, payload }));
  core = started;
  for (const message of early.splice(0)) handle(message, started);
  channel.send({ kind: 'ready' });
  return started;
};
