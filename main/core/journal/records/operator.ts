import type { Role, SecretKind } from '../../../../shared/domain/journal/options.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { flag, text, type RecordModule } from './record-kit.ts';

export interface OperatorRow {
  id: string;
  version: number;
  name: string;
  role: Role;
  facilita_id_enc: string;
  facilita_name: string;
  secret_kind: SecretKind;
  secret_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  synced_version: number | null;
}

const facilitaIdContext = (id: string) => `operators.facilita_id:${id}`;

/** The operator's PIN or password as this desk keeps it: local columns of the store's write, never in a payload. */
export const secretColumns = (secretKind: SecretKind, secretHash: string) => ({
  secret_kind: secretKind,
  secret_hash: secretHash,
});

/** IDFacilitatore (the operator's codice fiscale or the organisation's numeric id), kept encrypted. */
export const sealFacilitaId = (cipher: FieldCipher, id: string, facilitaId: string): string =>
  cipher.encrypt(facilitaId, facilitaIdContext(id));
export const openFacilitaId = (cipher: FieldCipher, id: string, sealed: string): string =>
  cipher.decrypt(sealed, facilitaIdContext(id));

/**
 * An operator's synced payload: `{ id, name, role, facilitaId, facilitaName, active }`. The PIN or
 * password (`secret_kind`, `secret_hash`), sign-in failures and lock-outs are the desk's own local
 * columns, written by the store and never synced: a version taken from the hub (a resolved
 * conflict) leaves this desk's secret as it is (shared/sync-protocol/record-payloads.ts).
 */
export const OPERATOR: RecordModule<OperatorRow> = {
  entity: 'operator',
  table: 'operators',
  columns(payload, op, id, { cipher }) {
    const facilitaId = text(payload, 'facilitaId');
    return {
      name: text(payload, 'name'),
      role: text(payload, 'role'),
      ...(facilitaId === null ? {} : { facilita_id_enc: sealFacilitaId(cipher, id, facilitaId) }),
      facilita_name: text(payload, 'facilitaName'),
      active: op === 'delete' ? 0 : flag(payload, 'active'),
    };
  },
};
