import type { Database } from 'better-sqlite3';
import type { Site } from '../../../../shared/domain/journal/operators.ts';
import { prepared } from '../../db/statements.ts';
import { flag, integer, text, type RecordModule } from './record-kit.ts';

export interface SiteRow {
  id: string;
  version: number;
  facilita_name: string;
  facilita_id: string;
  ente: string;
  province: string;
  project_start: string;
  project_end: string;
  cutoff_date: string | null;
  allow_minors: number;
  backdate_days: number;
  idle_minutes: number;
  retention_months: number;
  demo: number;
  measure: Site['measure'];
  synced_version: number | null;
}

export const toSite = (row: SiteRow): Site => ({
  id: row.id,
  version: row.version,
  facilitaName: row.facilita_name,
  facilitaId: row.facilita_id,
  ente: row.ente,
  province: row.province,
  projectStart: row.project_start,
  projectEnd: row.project_end,
  cutoffDate: row.cutoff_date,
  allowMinors: Boolean(row.allow_minors),
  backdateDays: row.backdate_days,
  idleMinutes: row.idle_minutes,
  retentionMonths: row.retention_months,
  demo: Boolean(row.demo),
  measure: row.measure,
});

/**
 * The settings the organisation may set at the hub (feed kind `siteSettings`), by column. The
 * hub's value replaces the desk's without a new version (see hub-feed.ts).
 */
export const SITE_SETTING_COLUMNS = {
  facilitaName: 'facilita_name',
  facilitaId: 'facilita_id',
  ente: 'ente',
  province: 'province',
  projectStart: 'project_start',
  projectEnd: 'project_end',
  cutoffDate: 'cutoff_date',
  allowMinors: 'allow_minors',
  backdateDays: 'backdate_days',
  idleMinutes: 'idle_minutes',
  retentionMonths: 'retention_months',
  measure: 'measure',
} as const satisfies Partial<Record<keyof Site, keyof SiteRow>>;

/** The site's synced payload is the `Site` itself. */
export const SITE: RecordModule<SiteRow> = {
  entity: 'site',
  table: 'site',
  columns(payload) {
    return {
      facilita_name: text(payload, 'facilitaName'),
      facilita_id: text(payload, 'facilitaId'),
      ente: text(payload, 'ente'),
      province: text(payload, 'province'),
      project_start: text(payload, 'projectStart'),
      project_end: text(payload, 'projectEnd'),
      cutoff_date: text(payload, 'cutoffDate'),
      allow_minors: flag(payload, 'allowMinors'),
      backdate_days: integer(payload, 'backdateDays'),
      idle_minutes: integer(payload, 'idleMinutes'),
      retention_months: integer(payload, 'retentionMonths'),
      demo: flag(payload, 'demo'),
      // A version from before the field (0300) had the measure every site then had.
      measure: text(payload, 'measure') ?? '1.7.2',
    };
  },
};

/** The desk's one site row (undefined before set-up). */
export const findSiteRow = (db: Database): SiteRow | undefined =>
  prepared(db, 'SELECT * FROM site').get() as SiteRow | undefined;

/** The desk's one site, or null before set-up. */
export const findSite = (db: Database): Site | null => {
  const row = findSiteRow(db);
  return row ? toSite(row) : null;
};
