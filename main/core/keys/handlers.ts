import type { KEYS_METHOD_NAMES } from '../../../shared/contract/domains/keys/names.ts';
import type { CoreContext } from '../core-context.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { Handlers } from '../rpc/dispatcher.ts';
import { renderRecoverySheet } from './recovery-sheet.ts';

/**
 * The recovery key at set-up, the key screens at start. The key itself is shown only while the
 * journal has no coordinator yet: afterwards nobody can read it back from the desk.
 */
export const createKeysHandlers = (
  context: CoreContext,
  journal: { isSetUp: () => boolean },
): Pick<Handlers, (typeof KEYS_METHOD_NAMES)[number]> => {
  const { keys } = context;
  const duringSetUp = () => {
    if (journal.isSetUp())
      throw new AppFailure('FORBIDDEN', 'The recovery key is shown only at set-up', { reason: 'setUpDone' });
  };
  return {
    'keys.recoveryKey': () => {
      duringSetUp();
      return keys.recoveryKey();
    },
    'keys.recoveryKey.confirm': ({ part }) => {
      duringSetUp();
      return keys.confirmRecovery(part, new Date());
    },
    'keys.recoveryKey.sheet': async () => {
      duringSetUp();
      const { recoveryKey, keyId } = keys.recoveryKey();
      const { language, deskName } = context.settings.get();
      const pdf = await renderRecoverySheet({ language, deskName, recoveryKey, keyId, now: new Date() });
      return { base64: pdf.toString('base64'), fileName: `passopasso-recovery-key-${keyId}.pdf` };
    },
    'keys.recover': ({ recoveryKey }) => keys.recover(recoveryKey),
    'keys.useFileKey': () => keys.useFileKey(),
  };
};
