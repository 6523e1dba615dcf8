import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';

/** The organisation, or NOT_FOUND: every admin operation names one, and a wrong id must change nothing. */
export const requireOrganisation = async (db: Queryable, organisationId: string) => {
  const [row] = await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE id = $1', [
    organisationId,
  ]);
  if (!row) throw new HubFailure('NOT_FOUND', 'No such organisation');
  return row;
};
