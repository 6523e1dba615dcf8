import { randomUUID } from 'node:crypto';
import type { DeskRow, EnrollmentCodeRow, IssuedCode, OrganisationSummary } from '../../shared/sync-protocol/admin.ts';
import type { EnrollResponse } from '../../shared/sync-protocol/enroll.ts';
import { HubSiteSettings } from '../../shared/sync-protocol/site-settings.ts';
import type { GuidePackPayload, OperatorPayload } from '../../shared/sync-protocol/pull.ts';
import { codeHash, newDeviceToken, newEnrollmentCode, sha256Hex } from '../auth.ts';
import type { HubDatabase } from '../db/database.ts';
import { HubFailure } from '../failure.ts';
import { parseBody } from '../routes/validate.ts';
import { writeFeedItem } from '../sync/feed.ts';
import { assertDesksStayManaged } from './coordinators.ts';
import { requireOrganisation as requireOrganisationIn } from './lookups.ts';
import { isoOrNull, textOrNull } from '../db/row-values.ts';

const codeState = (row: Record<string, unknown>): EnrollmentCodeRow['state'] => {
  if (row['used_at'] !== null) return 'used';
  if (row['revoked_at'] !== null) return 'revoked';
  return row['expired'] === true ? 'expired' : 'open';
};

/** Everything an organisation's admin can do; shared by the admin API and the command line. */
export const createAdminService = (db: HubDatabase) => {
  const siteOf = async (siteId: string) => {
    const [site] = await db.query<{ id: string; name: string; organisation_id: string }>(
      'SELECT id, name, organisation_id FROM sites WHERE id = $1',
      [siteId],
    );
    if (!site) throw new HubFailure('NOT_FOUND', 'No such site');
    return site;
  };
  const requireOrganisation = (organisationId: string) => requireOrganisationIn(db, organisationId);

  return {
    async createOrganisation(name: string) {
      const id = randomUUID();
      await db.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [id, name]);
      return { id, name };
    },

    async listOrganisations() {
      return db.query<{ id: string; name: string }>('SELECT id, name FROM organisations ORDER BY name');
    },

    async createSite(organisationId: string, name: string, input: unknown = {}) {
      const settings = parseBody(HubSiteSettings, input);
      await requireOrganisation(organisationId);
      const id = randomUUID();
      await db.query('INSERT INTO sites (id, organisation_id, name) VALUES ($1, $2, $3)', [id, organisationId, name]);
      await writeFeedItem(db, {
        organisationId,
        siteId: id,
        kind: 'siteSettings',
        key: id,
        payload: { name, ...settings },
      });
      return { id, organisationId, name };
    },

    /** Replaces a site's settings; unknown keys and bad values are refused (VALIDATION, per field) and nothing is written. */
    async setSiteSettings(siteId: string, input: unknown) {
      const settings = parseBody(HubSiteSettings, input);
      const site = await siteOf(siteId);
      const cursor = await writeFeedItem(db, {
        organisationId: site.organisation_id,
        siteId,
        kind: 'siteSettings',
        key: siteId,
        payload: { name: site.name, ...settings },
      });
      return { siteId, cursor };
    },

    async issueCode(siteId: string, ttlMinutes = 24 * 60): Promise<IssuedCode> {
      await siteOf(siteId);
      const code = newEnrollmentCode();
      const expiresAt = new Date(Date.now() + ttlMinutes * 60_000).toISOString();
      const id = randomUUID();
      await db.query('INSERT INTO enrollment_codes (id, code_hash, site_id, expires_at) VALUES ($1, $2, $3, $4)', [
        id,
        codeHash(code),
        siteId,
        expiresAt,
      ]);
      return { id, code, siteId, expiresAt };
    },

    /**
     * Code → device token, once. The same device enrolling again (a reinstall, or a desk that was
     * revoked and was given a fresh code) keeps its identity and its high-water mark, so what it
     * sent before is never applied twice and what it still holds goes out; it gets a new token and
     * the old one stops working.
     */
    async enroll(code: string, deviceId: string, deskName: string): Promise<EnrollResponse> {
      const token = newDeviceToken();
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ site_id: string; organisation_id: string; site_name: string; org_name: string }>(
          `UPDATE enrollment_codes c SET used_at = now(), device_id = $2
             FROM sites s JOIN organisations o ON o.id = s.organisation_id
            WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at > now()
              AND s.id = c.site_id
           RETURNING c.site_id, s.organisation_id, s.name AS site_name, o.name AS org_name`,
          [codeHash(code), deviceId],
        );
        if (!row) throw new HubFailure('UNAUTHORIZED', 'The enrollment code is wrong, already used or expired');
        const [existing] = await tx.query<{ organisation_id: string }>(
          'SELECT organisation_id FROM devices WHERE id = $1 FOR UPDATE',
          [deviceId],
        );
        if (existing && existing.organisation_id !== row.organisation_id) {
          throw new HubFailure('CONFLICT', 'This desk is enrolled with another organisation');
        }
        if (existing) {
          await tx.query(
            'UPDATE devices SET token_hash = $2, site_id = $3, name = $4, revoked_at = NULL WHERE id = $1',
            [deviceId, sha256Hex(token), row.site_id, deskName],
          );
        } else {
          await tx.query(
            'INSERT INTO devices (id, organisation_id, site_id, name, token_hash) VALUES ($1, $2, $3, $4, $5)',
            [deviceId, row.organisation_id, row.site_id, deskName, sha256Hex(token)],
          );
        }
        return {
          deviceId,
          deviceToken: token,
          organisation: { id: row.organisation_id, name: row.org_name },
          site: { id: row.site_id, name: row.site_name },
        };
      });
    },

    async listDesks(organisationId: string): Promise<DeskRow[]> {
      await requireOrganisation(organisationId);
      const rows = await db.query<Record<string, unknown>>(
        `SELECT d.id, d.name, d.site_id, s.name AS site_name, d.enrolled_at, d.revoked_at, d.last_sync_at, d.backlog,
                d.high_water, d.last_seen_at, d.last_push_at, d.app_version
           FROM devices d JOIN sites s ON s.id = d.site_id
          WHERE d.organisation_id = $1 ORDER BY s.name, d.name, d.id`,
        [organisationId],
      );
      return rows.map((row) => ({
        deviceId: String(row['id']),
        name: String(row['name']),
        siteId: String(row['site_id']),
        siteName: String(row['site_name']),
        enrolledAt: isoOrNull(row['enrolled_at']) ?? '',
        revokedAt: isoOrNull(row['revoked_at']),
        lastSyncAt: isoOrNull(row['last_sync_at']),
        lastContactAt: isoOrNull(row['last_seen_at']),
        lastPushAt: isoOrNull(row['last_push_at']),
        appVersion: textOrNull(row['app_version']),
        backlog: Number(row['backlog']),
        highWater: Number(row['high_water']),
      }));
    },

    async revokeDesk(deviceId: string) {
      const rows = await db.query(
        'UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id',
        [deviceId],
      );
      if (rows.length === 0) throw new HubFailure('NOT_FOUND', 'No such desk');
      return { deviceId, revoked: true };
    },

    /** Undoes a revocation: the desk's token works again, and it goes on where it stopped. */
    async unrevokeDesk(deviceId: string) {
      const rows = await db.query('UPDATE devices SET revoked_at = NULL WHERE id = $1 RETURNING id', [deviceId]);
      if (rows.length === 0) throw new HubFailure('NOT_FOUND', 'No such desk');
      return { deviceId, revoked: false };
    },

    /** The organisation's enrollment codes, newest first; never the code itself (only its hash is kept). */
    async listCodes(organisationId: string): Promise<EnrollmentCodeRow[]> {
      await requireOrganisation(organisationId);
      const rows = await db.query<Record<string, unknown>>(
        `SELECT c.id, c.site_id, s.name AS site_name, c.created_at, c.expires_at, c.used_at, c.device_id, c.revoked_at,
                c.expires_at <= now() AS expired
           FROM enrollment_codes c JOIN sites s ON s.id = c.site_id
          WHERE s.organisation_id = $1 ORDER BY c.created_at DESC, c.id`,
        [organisationId],
      );
      return rows.map((row) => ({
        id: String(row['id']),
        siteId: String(row['site_id']),
        siteName: String(row['site_name']),
        createdAt: isoOrNull(row['created_at']) ?? '',
        expiresAt: isoOrNull(row['expires_at']) ?? '',
        usedAt: isoOrNull(row['used_at']),
        deviceId: textOrNull(row['device_id']),
        revokedAt: isoOrNull(row['revoked_at']),
        state: codeState(row),
      }));
    },

    /** A code not used yet stops working; a used one is left as it is (revoke the desk instead). */
    async revokeCode(codeId: string) {
      const [row] = await db.query<{ used_at: unknown }>(
        'UPDATE enrollment_codes SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND used_at IS NULL RETURNING used_at',
        [codeId],
      );
      if (row) return { id: codeId, revoked: true };
      const [used] = await db.query('SELECT 1 FROM enrollment_codes WHERE id = $1', [codeId]);
      throw used
        ? new HubFailure('CONFLICT', 'This code was already used to enroll a desk: revoke the desk instead')
        : new HubFailure('NOT_FOUND', 'No such enrollment code');
    },

    async putOperator(organisationId: string, operator: OperatorPayload & { id?: string | undefined }) {
      await requireOrganisation(organisationId);
      if (operator.siteId) {
        const site = await siteOf(operator.siteId);
        if (site.organisation_id !== organisationId)
          throw new HubFailure('VALIDATION', 'The site is not in this organisation');
      }
      const id = operator.id ?? randomUUID();
      const { displayName, role, active, siteId } = operator;
      const cursor = await writeFeedItem(
        db,
        { organisationId, siteId, kind: 'operator', key: id, payload: { displayName, role, active, siteId } },
        (tx) => assertDesksStayManaged(tx, organisationId, id, { role, active, siteId }),
      );
      return { id, cursor };
    },

    async publishGuidePack(organisationId: string, pack: GuidePackPayload) {
      await requireOrganisation(organisationId);
      const cursor = await writeFeedItem(db, {
        organisationId,
        siteId: null,
        kind: 'guidePack',
        key: pack.id,
        payload: pack,
      });
      return { id: pack.id, version: pack.version, sha256: pack.sha256, cursor };
    },

    /** The referente's figures: records per entity, open conflicts and backlog, per site and per desk. */
    async summary(organisationId: string): Promise<OrganisationSummary> {
      await requireOrganisation(organisationId);
      const [sites, byEntity, byDesk, conflicts, desks] = await Promise.all([
        db.query<{ id: string; name: string }>('SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name', [
          organisationId,
        ]),
        db.query<{ site_id: string; entity: string; n: number }>(
          `SELECT site_id, entity, count(*)::int AS n FROM records
            WHERE organisation_id = $1 AND NOT deleted GROUP BY site_id, entity`,
          [organisationId],
        ),
        db.query<{ device_id: string; n: number }>(
          'SELECT device_id, count(*)::int AS n FROM records WHERE organisation_id = $1 AND NOT deleted GROUP BY device_id',
          [organisationId],
        ),
        db.query<{ site_id: string; n: number }>(
          `SELECT d.site_id, count(*)::int AS n FROM conflicts c JOIN devices d ON d.id = c.device_id
            WHERE c.organisation_id = $1 AND c.resolved_at IS NULL GROUP BY d.site_id`,
          [organisationId],
        ),
        this.listDesks(organisationId),
      ]);
      return {
        organisationId,
        sites: sites.map((site) => {
          const siteDesks = desks.filter((desk) => desk.siteId === site.id);
          return {
            siteId: site.id,
            siteName: site.name,
            desks: siteDesks.length,
            records: Object.fromEntries(
              byEntity.filter((row) => row.site_id === site.id).map((row) => [row.entity, Number(row.n)]),
            ),
            openConflicts: Number(conflicts.find((row) => row.site_id === site.id)?.n ?? 0),
            backlog: siteDesks.reduce((sum, desk) => sum + desk.backlog, 0),
            perDesk: siteDesks.map((desk) => ({
              deviceId: desk.deviceId,
              name: desk.name,
              records: Number(byDesk.find((row) => row.device_id === desk.deviceId)?.n ?? 0),
              lastSyncAt: desk.lastSyncAt,
              backlog: desk.backlog,
            })),
          };
        }),
      };
    },
  };
};

export type AdminService = ReturnType<typeof createAdminService>;
