import type { MethodInput, MethodOutput } from '../../../shared/contract/methods.ts';
import type { EventName, MethodName } from '../../../shared/contract/names.ts';
import type { Result } from '../../../shared/contract/result.ts';

/** What the preload exposes as `window.passopasso` in Electron. */
export interface PassoPassoBridge {
  call(method: string, input: unknown): Promise<unknown>;
  on(name: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    passopasso?: PassoPassoBridge;
  }
}

export interface ContractClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on(name: EventName, callback: (payload: unknown) => void): () => void;
}

/** The host process is gone (crashed, killed, closed): in browser mode nothing starts it again. */
const hostStopped = () => ({
  ok: false as const,
  error: { code: 'UNAVAILABLE' as const, message: 'The host did not answer', details: { reason: 'hostStopped' } },
});

const PASS_KEY = 'passopasso-pass';

/**
 * A citizen view's own pass (browser mode): it comes once in the window's address (`?pass=`), is
 * kept for this window only (a reload keeps it) and taken out of the address bar and history.
 */
const citizenPass = (): string | null => {
  const url = new URL(window.location.href);
  const given = url.searchParams.get('pass');
  if (given !== null) {
    window.sessionStorage.setItem(PASS_KEY, given);
    url.searchParams.delete('pass');
    window.history.replaceState(null, '', url);
  }
  return window.sessionStorage.getItem(PASS_KEY);
};

/**
 * Browser mode: the same contract over HTTP; the session cookie set by the host carries the
 * desk's token, and a citizen view's calls carry its pass instead, which the host never widens.
 */
const httpClient = (): ContractClient => {
  let source: EventSource | null = null;
  const pass = citizenPass();
  return {
    async call(method, input) {
      try {
        const response = await fetch(`/api/rpc/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(pass ? { 'X-PassoPasso-Pass': pass } : {}) },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<never>;
      } catch {
        return hostStopped();
      }
    },
    on(name, callback) {
      source ??= new EventSource(pass ? `/api/events?pass=${encodeURIComponent(pass)}` : '/api/events');
      const listener = (event: MessageEvent<string>) => callback(JSON.parse(event.data) as unknown);
      source.addEventListener(name, listener);
      return () => source?.removeEventListener(name, listener);
    },
  };
};

/** Electron: the preload's bridge over IPC. */
const ipcClient = (bridge: PassoPassoBridge): ContractClient => ({
  call: async (method, input) => (await bridge.call(method, input)) as Result<never>,
  on: (name, callback) => bridge.on(name, callback),
});

export const client: ContractClient = window.passopasso ? ipcClient(window.passopasso) : httpClient();
