import type { KEYS_METHOD_NAMES } from '../../../shared/contract/domains/keys/names.ts';
import type { CoreContext } from '../core-context.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { renderRecoverySheet } from './recovery-sheet.ts';

/** What the keys need to know of the journal: whether it is set up. */
export interface JournalGate {
  isSetUp(): boolean;
}

/**
 * The recovery key at set-up, the key screens at start. The key itself is shown before set-up
 * (there is nobody yet), and afterwards only to a signed-in coordinator (the methods' declared
 * access, `coordinatorOnceSetUp`) of a desk whose key was never confirmed (a desk set up before
 * recovery keys existed); once confirmed, never again.
 */
export const createKeysHandlers = (
  context: CoreContext,
  journal: JournalGate,
): Pick<Handlers, (typeof KEYS_METHOD_NAMES)[number]> => {
  const { keys } = context;
  const mayShowKey = () => {
    if (!journal.isSetUp()) return;
    const state = keys.state;
    if (state.status === 'ready' && state.recoveryConfirmed) {
      throw new AppFailure('FORBIDDEN', 'The recovery key was already handed over', { reason: 'recoveryConfirmed' });
    }
  };
  return {
    'keys.recoveryKey': () => {
      mayShowKey();
      return keys.recoveryKey();
    },
    'keys.recoveryKey.confirm': ({ part }) => {
      mayShowKey();
      return keys.confirmRecovery(part, context.now());
    },
    'keys.recoveryKey.sheet': async () => {
      mayShowKey();
      const { recoveryKey, keyId } = keys.recoveryKey();
      const { language, deskName } = context.settings.get();
      const pdf = await renderRecoverySheet({ language, deskName, recoveryKey, keyId, now: context.now() });
      return { base64: pdf.toString('base64'), fileName: `passopasso-recovery-key-${keyId}.pdf` };
    },
    'keys.recover': ({ recoveryKey }) => keys.recover(recoveryKey),
    'keys.useFileKey': () => keys.useFileKey(),
  };
};
