import { ConfirmRecoveryInput, KeyState, RecoverKeyInput, RecoveryKey, RecoverySheet } from '../../../domain/keys.ts';
import { defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { KEYS_EVENT_NAMES, KEYS_METHOD_NAMES } from './names.ts';

export const keysMethods = {
  'keys.recoveryKey': defineMethod({
    input: NoInput,
    output: RecoveryKey,
    summary: "The journal's recovery key: at set-up, or to a signed-in coordinator while it was never confirmed",
  }),
  'keys.recoveryKey.confirm': defineMethod({
    input: ConfirmRecoveryInput,
    output: KeyState,
    summary: 'The coordinator types back the last groups of the recovery key, showing it was taken',
  }),
  'keys.recoveryKey.sheet': defineMethod({
    input: NoInput,
    output: RecoverySheet,
    summary: 'The recovery key as a printable PDF (when the key may be shown; never saved on the desk)',
  }),
  'keys.recover': defineMethod({
    input: RecoverKeyInput,
    output: KeyState,
    summary: 'Open this journal here with its recovery key (another machine, a lost or different key)',
  }),
  'keys.useFileKey': defineMethod({
    input: NoInput,
    output: KeyState,
    summary: 'Linux without a Secret Service: keep the key in a private file (weaker), as the person chose',
  }),
} satisfies Record<(typeof KEYS_METHOD_NAMES)[number], MethodSpec>;

export const keysEvents = {} satisfies Record<(typeof KEYS_EVENT_NAMES)[number], EventSpec>;
