import type { OperatorPayload } from '../../shared/sync-protocol/pull.ts';
import type { Queryable } from '../db/database.ts';
import { HubFailure } from '../failure.ts';

type Roles = Pick<OperatorPayload, 'role' | 'active' | 'siteId'>;

const manages = (operator: Roles | undefined, siteId: string) =>
  operator !== undefined &&
  operator.role === 'coordinator' &&
  operator.active &&
  (operator.siteId === null || operator.siteId === siteId);

/**
 * Refuses a roster change that would leave a site — or the whole organisation — with no active
 * coordinator: its desks would have nobody able to manage operators, settings and retention, and the
 * hub cannot sign in at a desk to put that right. Coordinators a desk created itself (pushed as
 * `operator` records) count too. Run under the feed's lock, in the transaction that writes the
 * change: two admins demoting the last two coordinators at the same instant are taken one at a time.
 */
export const assertDesksStayManaged = async (
  db: Queryable,
  organisationId: string,
  operatorId: string,
  next: Roles,
): Promise<void> => {
  const roster = await db.query<{ key: string; payload: OperatorPayload }>(
    "SELECT key, payload FROM feed WHERE organisation_id = $1 AND kind = 'operator' AND NOT deleted",
    [organisationId],
  );
  const current = roster.find((item) => item.key === operatorId)?.payload;
  if (!current || current.role !== 'coordinator' || !current.active) return;

  const inRoster = new Set(roster.map((item) => item.key));
  const others = roster.filter((item) => item.key !== operatorId).map((item) => item.payload);
  const deskCoordinators = (
    await db.query<{ record_id: string; site_id: string }>(
      `SELECT record_id, site_id FROM records
        WHERE organisation_id = $1 AND entity = 'operator' AND NOT deleted
          AND payload->>'role' = 'coordinator' AND payload->>'active' = 'true'`,
      [organisationId],
    )
  ).filter((row) => !inRoster.has(row.record_id));
  const sites = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name',
    [organisationId],
  );

  const stillManaged = (siteId: string) =>
    manages(next, siteId) ||
    others.some((operator) => manages(operator, siteId)) ||
    deskCoordinators.some((row) => row.site_id === siteId);
  const orphan = sites.find((site) => manages(current, site.id) && !stillManaged(site.id));
  if (orphan) {
    throw new HubFailure(
      'CONFLICT',
      `${current.displayName} is the last active coordinator of the site "${orphan.name}": its desks would have nobody able to manage them. Make another operator coordinator there first.`,
    );
  }
  const anyoneLeft =
    (next.role === 'coordinator' && next.active) ||
    others.some((operator) => operator.role === 'coordinator' && operator.active) ||
    deskCoordinators.length > 0;
  if (!anyoneLeft) {
    throw new HubFailure(
      'CONFLICT',
      `${current.displayName} is the organisation's last active coordinator. Make another operator coordinator first.`,
    );
  }
};
