import { z } from 'zod';

/**
 * Whether this desk has the key of its journal, shown at start like the database's state.
 * `keyId` is the journal's key fingerprint (never the key).
 */
export const KeyState = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    keyId: z.string(),
    /** 'file', or the keychain backend that sealed the key ('os' outside Linux). */
    protection: z.string(),
    /** Whether the coordinator confirmed having the recovery key (at set-up). */
    recoveryConfirmed: z.boolean(),
  }),
  /** The journal was made with a key this machine does not have (another computer, a lost keychain). */
  z.object({ status: z.literal('missing'), keyId: z.string().nullable() }),
  /** This machine has a key, but not the one the journal was made with. */
  z.object({ status: z.literal('mismatch'), keyId: z.string(), foundKeyId: z.string() }),
  /** Linux with no Secret Service: the person chooses the file key (weaker) or stops. */
  z.object({ status: z.literal('weakKeychain') }),
  z.object({ status: z.literal('unavailable'), reason: z.enum(['keychainUnavailable', 'keyDamaged']) }),
]);
export type KeyState = z.infer<typeof KeyState>;

export const RecoverKeyInput = z.object({ recoveryKey: z.string().trim().min(1).max(200) }).strict();
export type RecoverKeyInput = z.infer<typeof RecoverKeyInput>;

export const ConfirmRecoveryInput = z.object({ part: z.string().trim().min(1).max(40) }).strict();

export const RecoveryKey = z.object({
  recoveryKey: z.string(),
  keyId: z.string(),
  /** How many groups, from the end, to type back. */
  confirmGroups: z.number().int(),
});
export type RecoveryKey = z.infer<typeof RecoveryKey>;

export const RecoverySheet = z.object({ base64: z.string(), fileName: z.string() });
