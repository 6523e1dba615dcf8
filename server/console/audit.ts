import type { AuditEntry, ConsoleAccountView } from '../../shared/console/protocol.ts';
import type { Queryable } from '../db/database.ts';
import { isoOrNull, textOrNull } from '../db/row-values.ts';

/** The console's audit log: who changed what, when. Ids and field names only, never a password or a citizen's data. */
export const createAudit = (db: Queryable) => ({
  async record(
    who: Pick<ConsoleAccountView, 'id' | 'displayName' | 'email'> | null,
    entry: { organisationId: string | null; action: string; target: string | null; details?: Record<string, unknown> },
  ) {
    await db.query(
      `INSERT INTO console_audit (account_id, account_name, organisation_id, action, target, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        who?.id ?? null,
        who ? `${who.displayName} <${who.email}>` : 'command line',
        entry.organisationId,
        entry.action,
        entry.target,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  },

  async list(organisationId: string, limit = 200): Promise<AuditEntry[]> {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT at, account_name, action, target, details FROM console_audit
        WHERE organisation_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      [organisationId, limit],
    );
    return rows.map((row) => ({
      at: isoOrNull(row['at']) ?? '',
      accountName: String(row['account_name']),
      action: String(row['action']),
      target: textOrNull(row['target']),
      details: (row['details'] ?? {}) as Record<string, unknown>,
    }));
  },
});

export type ConsoleAudit = ReturnType<typeof createAudit>;
