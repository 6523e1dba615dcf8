import type { Database } from 'better-sqlite3';
import {
  NOT_REPORTABLE_REASONS,
  type NotReportableReason,
} from '../../../../shared/domain/facilita-export/facilita-export-options.ts';
import { LAST_UNREPORTABLE_BIRTH_YEAR } from '../../facilita/server-age.ts';
import type { NotReportableRow } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { openCitizenField, type CitizenRow } from '../../journal/records/citizen.ts';

interface Period {
  from: string;
  to: string;
}

/*
 * The services of a period that will never reach Facilita, with the reason: the complement, within
 * the dashboards' services, of what the export's journal source reads (journal-source.ts). A
 * session is saved unreportable when it has no citizen, or one without a codice fiscale or of an
 * age the site does not admit (session-store.ts); an erased citizen takes their services with
 * them; a workshop participant counts only with a codice fiscale and a complete profile (someone
 * registered on arrival with the codice fiscale alone is not, until it is completed); and no one born in 1923 or before
 * can be reported (server-age.ts). The one home of these reasons,
 * for the dashboards' separate figure and the export preview's list alike.
 */

/** The sessions saved unreportable, read along their partial index (migration 0370). */
const UNREPORTABLE_FROM = 'sessions s INDEXED BY sessions_not_reportable';
const UNREPORTABLE_WHERE = 's.deleted_at IS NULL AND s.reportable = 0 AND s.date BETWEEN @from AND @to';

/** Why one of them is, from its citizen `c` (none: a LEFT JOIN that found no row). */
const SESSION_REASON = `CASE WHEN c.id IS NULL THEN 'noCitizen'
              WHEN c.erased_at IS NOT NULL THEN 'citizenErased'
              WHEN c.cf_enc IS NULL THEN 'noCodiceFiscale'
              WHEN c.profile_complete = 0 THEN 'profileIncomplete'
              WHEN c.birth_year <= ${LAST_UNREPORTABLE_BIRTH_YEAR} THEN 'bornBefore1924'
              ELSE 'ageNotAdmitted' END`;

/** The rest, few: sessions still flagged reportable whose citizen was erased, and workshop participants. */
const OTHER_SERVICES = `
  SELECT s.id AS recordId, 'session' AS recordKind, NULL AS parentId, s.date AS date, 'citizenErased' AS reason
    FROM citizens c INDEXED BY citizens_erased CROSS JOIN sessions s ON s.citizen_id = c.id
   WHERE c.erased_at IS NOT NULL AND s.deleted_at IS NULL AND s.reportable = 1 AND s.date BETWEEN @from AND @to
  UNION ALL
  SELECT p.id, 'workshopParticipant', w.id, w.date,
         CASE WHEN c.erased_at IS NOT NULL THEN 'citizenErased'
              WHEN c.cf_enc IS NULL THEN 'noCodiceFiscale'
              WHEN c.profile_complete = 0 THEN 'profileIncomplete' ELSE 'bornBefore1924' END
    FROM workshops w
    JOIN workshop_participants p ON p.workshop_id = w.id
    JOIN citizens c ON c.id = p.citizen_id
   WHERE w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL
     AND (c.erased_at IS NOT NULL OR c.cf_enc IS NULL OR c.profile_complete = 0
          OR c.birth_year <= ${LAST_UNREPORTABLE_BIRTH_YEAR})
     AND w.date BETWEEN @from AND @to`;

/** Every not-reportable service of the period, in date order (the export preview lists them). */
export const notReportableServices = (db: Database, period: Period): NotReportableRow[] =>
  (
    db
      .prepare(
        `SELECT s.id AS recordId, 'session' AS recordKind, NULL AS parentId, s.date AS date, ${SESSION_REASON} AS reason
           FROM ${UNREPORTABLE_FROM} LEFT JOIN citizens c ON c.id = s.citizen_id WHERE ${UNREPORTABLE_WHERE}
         UNION ALL ${OTHER_SERVICES}
         ORDER BY date, recordId`,
      )
      .all(period) as (Omit<NotReportableRow, 'parentId'> & { parentId: string | null })[]
  ).map(({ parentId, ...row }) => (parentId ? { ...row, parentId } : row));

/**
 * The rows whose profile is to complete name the citizen, so the preview can say whose profile to
 * complete and link to their page (few rows: one lookup each, decrypted only here).
 */
export const withCitizensToComplete = (db: Database, cipher: FieldCipher, rows: NotReportableRow[]) =>
  rows.map((row) => {
    if (row.reason !== 'profileIncomplete') return row;
    const sql =
      row.recordKind === 'session'
        ? 'SELECT c.* FROM sessions s JOIN citizens c ON c.id = s.citizen_id WHERE s.id = ?'
        : 'SELECT c.* FROM workshop_participants p JOIN citizens c ON c.id = p.citizen_id WHERE p.id = ?';
    const citizen = db.prepare(sql).get(row.recordId) as CitizenRow | undefined;
    if (!citizen) return row;
    const open = (field: 'first_name' | 'last_name', sealed: string | null) =>
      openCitizenField(cipher, citizen.id, field, sealed);
    const name = [open('last_name', citizen.last_name_enc), open('first_name', citizen.first_name_enc)]
      .filter(Boolean)
      .join(' ');
    return {
      ...row,
      citizen: {
        id: citizen.id,
        name: name || (openCitizenField(cipher, citizen.id, 'codice_fiscale', citizen.cf_enc) ?? ''),
      },
    };
  });

/**
 * How many services of the period will never reach Facilita, by reason in a fixed order (the
 * dashboards). The sessions are counted per citizen first, so each citizen is looked up once.
 */
export const notReportableCounts = (db: Database, period: Period) => {
  const counts = new Map(
    db
      .prepare(
        `SELECT reason, sum(n) FROM (
           SELECT ${SESSION_REASON} AS reason, g.n AS n
             FROM (SELECT s.citizen_id, count(*) AS n FROM ${UNREPORTABLE_FROM} WHERE ${UNREPORTABLE_WHERE} GROUP BY s.citizen_id) g
             LEFT JOIN citizens c ON c.id = g.citizen_id
           UNION ALL
           SELECT reason, 1 FROM (${OTHER_SERVICES}))
         GROUP BY reason`,
      )
      .raw(true)
      .all(period) as [NotReportableReason, number][],
  );
  const reasons = NOT_REPORTABLE_REASONS.filter((reason) => counts.has(reason)).map((reason) => ({
    reason,
    services: counts.get(reason) ?? 0,
  }));
  return { services: reasons.reduce((sum, { services }) => sum + services, 0), reasons };
};
