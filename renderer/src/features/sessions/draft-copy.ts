import type { useJournalCall } from '../journal/useJournal.ts';

/**
 * The page's own copy of a draft, for when the core cannot save it (it stopped: a crash, a kill):
 * kept in the browser's storage, encrypted with the signed-in operator's page key (from the core,
 * held in memory only), so nothing typed is lost and nothing the citizen said is stored in clear.
 * Once the core answers again, the copies go back to it as drafts and leave the browser; a copy
 * this key cannot open (another operator's, another desk's) is left where it is.
 */
const PREFIX = 'passopasso-draft-copy:';

type JournalCall = ReturnType<typeof useJournalCall>;

const keys = new Map<string, Promise<CryptoKey | null>>();

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** The operator's page key, asked once per page; a failed ask is asked again next time. */
export const pageCopyKey = (call: JournalCall, operatorId: string): Promise<CryptoKey | null> => {
  const known = keys.get(operatorId);
  if (known) return known;
  const asked = call('drafts.pageCopyKey', {}).then((result) =>
    result.ok
      ? crypto.subtle.importKey('raw', fromBase64Url(result.value.key), 'AES-GCM', false, ['encrypt', 'decrypt'])
      : null,
  );
  keys.set(operatorId, asked);
  void asked.then((key) => key ?? keys.delete(operatorId));
  return asked;
};

/** Keeps (or replaces) the copy of draft `id`; false when the browser refused to store it. */
export const keepCopy = async (key: CryptoKey, id: string, form: object): Promise<boolean> => {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(form));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) }, key, plain),
  );
  try {
    window.localStorage.setItem(PREFIX + id, JSON.stringify({ iv: toBase64(iv), sealed: toBase64(sealed) }));
    return true;
  } catch {
    return false;
  }
};

export const dropCopy = (id: string): void => window.localStorage.removeItem(PREFIX + id);

const openCopy = async (key: CryptoKey, id: string, stored: string): Promise<Record<string, unknown> | null> => {
  try {
    const { iv, sealed } = JSON.parse(stored) as { iv: string; sealed: string };
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: new TextEncoder().encode(id) },
      key,
      fromBase64Url(sealed),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
  } catch {
    return null;
  }
};

/** Hands every copy this operator's key opens back to the core as its draft, then forgets it. */
export const saveCopiesBack = async (call: JournalCall, operatorId: string): Promise<void> => {
  const key = await pageCopyKey(call, operatorId);
  if (!key) return;
  const ids = Object.keys(window.localStorage)
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => name.slice(PREFIX.length));
  for (const id of ids) {
    const form = await openCopy(key, id, window.localStorage.getItem(PREFIX + id) ?? '');
    if (form && (await call('drafts.save', { id, form })).ok) dropCopy(id);
  }
};
