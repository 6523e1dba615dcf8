import type { ConsoleScope } from '../../shared/console/access.ts';
import { Uuid } from '../../shared/sync-protocol/common.ts';
import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';

/** What a route's `:id` names, and so which organisation (and site) it touches. */
export type ScopeSource = 'none' | 'organisation' | 'site' | 'desk' | 'code' | 'facilitaExport';

const LOOKUPS: Record<Exclude<ScopeSource, 'none'>, string> = {
  organisation: 'SELECT id AS organisation_id, NULL::uuid AS site_id FROM organisations WHERE id = $1',
  site: 'SELECT organisation_id, id AS site_id FROM sites WHERE id = $1',
  desk: 'SELECT organisation_id, site_id FROM devices WHERE id = $1',
  code: 'SELECT s.organisation_id, s.id AS site_id FROM enrollment_codes c JOIN sites s ON s.id = c.site_id WHERE c.id = $1',
  // An export belongs to its organisation (it spans every site): only its referente and hub admins reach it.
  facilitaExport: 'SELECT organisation_id, NULL::uuid AS site_id FROM facilita_exports WHERE id = $1',
};

/** The scope of a request; an id that names nothing is NOT_FOUND for everyone (so it tells nobody anything). */
export const resolveScope = async (db: Queryable, source: ScopeSource, params: unknown): Promise<ConsoleScope> => {
  if (source === 'none') return { organisationId: null, siteId: null };
  const id = Uuid.safeParse((params as { id?: unknown } | null)?.id);
  const [row] = id.success
    ? await db.query<{ organisation_id: string; site_id: string | null }>(LOOKUPS[source], [id.data])
    : [];
  if (!row) throw new HubFailure('NOT_FOUND', `No such ${source}`);
  return { organisationId: row.organisation_id, siteId: row.site_id };
};
