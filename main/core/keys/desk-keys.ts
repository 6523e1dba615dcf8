import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyState, RecoveryKey } from '../../../shared/domain/keys.ts';
import { FieldCipher } from '../crypto/field-cipher.ts';
import { databaseFileOf } from '../db/database-file.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import {
  inspectJournalKey,
  isFreshJournal,
  journalKeyRecordOf,
  recordKeyId,
  recordRecoveryConfirmed,
  recoveryConfirmedAt,
  type JournalKeyRecord,
} from './journal-key-record.ts';
import type { FileKeyVault, KeyVault, VaultProblem, VaultRead } from './key-vault.ts';
import {
  CONFIRM_GROUPS,
  keyIdOf,
  MASTER_KEY_BYTES,
  matchesConfirmation,
  parseRecoveryKey,
  recoveryKeyOf,
} from './recovery-key.ts';

type OpenDb = () => Database.Database | null;

/** The key a start uses: the vault's, a new one (to be kept) for a journal with nothing in it yet, or none. */
const startingKey = (read: VaultRead, record: JournalKeyRecord): { key: Buffer | null; isNew: boolean } => {
  if (read.kind === 'key') return { key: read.key, isNew: false };
  if (read.kind === 'empty' && isFreshJournal(record)) return { key: randomBytes(MASTER_KEY_BYTES), isNew: true };
  return { key: null, isNew: false };
};

const problemOf = (read: VaultRead): VaultProblem | null => (read.kind === 'problem' ? read.problem : null);

const fieldFailure = (reason: 'malformed' | 'wrongKey' | 'wrongPart', path: string) =>
  new AppFailure('VALIDATION', `Recovery key refused (${reason})`, {
    reason,
    issues: [{ path, code: reason, message: reason }],
  });

/**
 * The desk's master key and whether it is the journal's. Loaded once, before the core starts
 * (`open`), never lazily in the middle of a journal call; every change of key goes through here.
 */
export class DeskKeys {
  readonly #vault: KeyVault;
  #key: Buffer | null;
  #problem: VaultProblem | null;
  #cipher: FieldCipher | null = null;
  #db: OpenDb = () => null;
  #state: KeyState = { status: 'missing', keyId: null };

  private constructor(vault: KeyVault, key: Buffer | null, problem: VaultProblem | null) {
    this.#vault = vault;
    this.#key = key;
    this.#problem = problem;
  }

  /** Reads the vault; makes and keeps a new key only for a journal that has nothing under any key. */
  static async open(vault: KeyVault, dataDir: string): Promise<DeskKeys> {
    const read = await vault.read();
    const { key, isNew } = startingKey(read, inspectJournalKey(databaseFileOf(dataDir)));
    if (key && isNew) await vault.write(key);
    return new DeskKeys(vault, key, problemOf(read));
  }

  /** The same, for the key file, for callers that cannot wait (scripts, tests). */
  static openNow(vault: FileKeyVault, dataDir: string): DeskKeys {
    const read = vault.readNow();
    const { key, isNew } = startingKey(read, inspectJournalKey(databaseFileOf(dataDir)));
    if (key && isNew) vault.writeNow(key);
    return new DeskKeys(vault, key, problemOf(read));
  }

  get state(): KeyState {
    return this.#state;
  }

  /** Ties the key to the open journal: records its id on first use, refuses a different one. */
  attach(db: OpenDb): KeyState {
    this.#db = db;
    return this.#settle();
  }

  /** The field cipher, only with the journal's own key; otherwise the start screen explains. */
  cipher(): FieldCipher {
    if (this.#state.status !== 'ready' || !this.#key) {
      throw new AppFailure('STORAGE', `The journal's key is not available (${this.#state.status})`, {
        reason: 'keyNotReady',
        status: this.#state.status,
      });
    }
    return (this.#cipher ??= new FieldCipher(this.#key));
  }

  /** The recovery key typed on a new machine (or over a lost, damaged or different key). */
  async recover(typed: string): Promise<KeyState> {
    const state = this.#state;
    const recoverable =
      state.status === 'missing' ||
      state.status === 'mismatch' ||
      (state.status === 'unavailable' && state.reason === 'keyDamaged');
    if (!recoverable) {
      throw new AppFailure('CONFLICT', 'The key cannot be recovered now', { reason: state.status });
    }
    const parsed = parseRecoveryKey(typed);
    if (!parsed.ok) throw fieldFailure('malformed', 'recoveryKey');
    const expected = this.#expectedKeyId();
    if (expected !== null && keyIdOf(parsed.key) !== expected) throw fieldFailure('wrongKey', 'recoveryKey');
    await this.#vault.write(parsed.key);
    this.#use(parsed.key);
    return this.#settle();
  }

  /** Linux with no Secret Service: the person chose the file key over stopping. */
  async useFileKey(): Promise<KeyState> {
    if (this.#state.status !== 'weakKeychain' || !this.#vault.acceptFileKey) {
      throw new AppFailure('CONFLICT', 'The file key is not on offer', { reason: this.#state.status });
    }
    await this.#vault.acceptFileKey();
    return this.reload();
  }

  /** After the journal file changed under us (a restored backup, a fresh start): read everything again. */
  async reload(): Promise<KeyState> {
    const db = this.#db();
    const read = await this.#vault.read();
    const record = db ? journalKeyRecordOf(db) : { exists: true, keyId: null, hasData: true };
    const { key, isNew } = startingKey(read, record);
    if (key && isNew) await this.#vault.write(key);
    this.#key = key;
    this.#cipher = null;
    this.#problem = problemOf(read);
    return this.#settle();
  }

  /** Shown once, at set-up, so the coordinator can print it and keep it away from the computer. */
  recoveryKey(): RecoveryKey {
    const key = this.#readyKey();
    return { recoveryKey: recoveryKeyOf(key), keyId: keyIdOf(key), confirmGroups: CONFIRM_GROUPS };
  }

  confirmRecovery(part: string, now: Date): KeyState {
    const key = this.#readyKey();
    if (!matchesConfirmation(key, part)) throw fieldFailure('wrongPart', 'part');
    const db = this.#db();
    if (db) recordRecoveryConfirmed(db, now);
    return this.#settle();
  }

  #readyKey(): Buffer {
    this.cipher();
    return this.#key as Buffer;
  }

  #use(key: Buffer) {
    this.#key = key;
    this.#problem = null;
    this.#cipher = null;
  }

  #expectedKeyId(): string | null {
    const db = this.#db();
    return db ? journalKeyRecordOf(db).keyId : null;
  }

  #settle(): KeyState {
    this.#state = this.#compute();
    return this.#state;
  }

  #compute(): KeyState {
    const db = this.#db();
    const record = db ? journalKeyRecordOf(db) : null;
    if (!this.#key) {
      if (this.#problem === 'weakKeychain') return { status: 'weakKeychain' };
      if (this.#problem) return { status: 'unavailable', reason: this.#problem };
      return { status: 'missing', keyId: record?.keyId ?? null };
    }
    const keyId = keyIdOf(this.#key);
    if (db && record) {
      if (record.keyId === null) recordKeyId(db, keyId);
      else if (record.keyId !== keyId) return { status: 'mismatch', keyId: record.keyId, foundKeyId: keyId };
    }
    return {
      status: 'ready',
      keyId,
      protection: this.#vault.protection(),
      recoveryConfirmed: db ? recoveryConfirmedAt(db) !== null : false,
    };
  }
}
