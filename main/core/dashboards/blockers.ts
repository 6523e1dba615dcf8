import type Database from 'better-sqlite3';
import type { DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import { DEFAULT_LANGUAGE } from '../../../shared/i18n/resources.ts';
import type { Period } from './counted.ts';

const BLOCKERS_SHOWN = 20;

/**
 * The prerequisites' titles as the guide packs name them, in `language` (Italian, then the id, when a
 * pack lacks it), read from the stored guide version a run used (guide_versions.content), so a
 * title stays right after the library moved on. One read per guide version, not per run.
 */
const titlesOf = (
  db: Database.Database,
  sources: readonly string[],
  language: string,
): Map<string, Record<string, string>> => {
  const read = db.prepare(
    `SELECT json_extract(content, '$.texts.' || ? || '.prerequisites') AS wanted,
            json_extract(content, '$.texts.${DEFAULT_LANGUAGE}.prerequisites') AS fallback
       FROM guide_versions WHERE guide_id = ? AND version = ?`,
  );
  const titles = new Map<string, Record<string, string>>();
  for (const source of sources) {
    const [guideId, version] = source.split('\u001f');
    const row = read.get(language, guideId, version) as { wanted: string | null; fallback: string | null } | undefined;
    titles.set(source, { ...parsed(row?.fallback), ...parsed(row?.wanted) });
  }
  return titles;
};

const parsed = (json: string | null | undefined): Record<string, string> =>
  json ? (JSON.parse(json) as Record<string, string>) : {};

/**
 * The prerequisites most often missing in the guide runs started in the period (the blockers),
 * each named by its title in one of the guide versions that asked for it (the highest id and version).
 */
export const blockers = (db: Database.Database, period: Period, language: string): DashboardTable[] => {
  const rows = db
    .prepare(
      `SELECT missing.value AS key, count(*) AS runs, max(r.guide_id || char(31) || r.guide_version) AS source
         FROM guide_runs r, json_each(r.missing_prerequisites) missing
        WHERE r.started_at >= @from AND r.started_at < date(@to, '+1 day')
        GROUP BY 1 ORDER BY runs DESC, key LIMIT ${BLOCKERS_SHOWN}`,
    )
    .all(period) as { key: string; runs: number; source: string }[];
  const titles = titlesOf(db, [...new Set(rows.map((row) => row.source))], language);
  return [
    {
      id: 'blockers',
      columns: ['runs'],
      rows: rows.map((row) => {
        const label = titles.get(row.source)?.[row.key];
        return { key: row.key, ...(label ? { label } : {}), values: [row.runs] };
      }),
    },
  ];
};
