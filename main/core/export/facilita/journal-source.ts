import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { durationText } from '../../../../shared/domain/journal/options.ts';
import type { AuditEntry } from '../../../../shared/domain/journal/sessions.ts';
import { localDate, splitCodes, splitNumbers } from '../../journal/journal-context.ts';
import { openCitizenField, type CitizenRow, type CitizenSealedField } from '../../journal/records/citizen.ts';
import { openFacilitaId, type OperatorRow } from '../../journal/records/operator.ts';
import { openExperience, openSessionDetails, type SessionRow } from '../../journal/records/session.ts';
import { findSiteRow } from '../../journal/records/site.ts';
import { openWorkshopDetails } from '../../journal/records/workshop.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import { LAST_UNREPORTABLE_BIRTH_YEAR } from '../../facilita/server-age.ts';
import { cutoffInForce } from './cutoff.ts';
import { notReportableServices, withCitizensToComplete } from './not-reportable.ts';
import { markExported } from './exported-marks.ts';
import type { FacilitaSource } from './export-service.ts';
import type { FacilitaServiceRecord } from './record.ts';

/** One reportable service: a session, or a checked-in participant of a closed workshop. */
type ServiceRow = Pick<
  SessionRow,
  'citizen_id' | 'operator_id' | 'date' | 'duration_min' | 'se3' | 'se5' | 'se6' | 'details_enc' | 'experience_enc'
> & {
  id: string;
  kind: FacilitaServiceRecord['recordKind'];
  /** The session's or the workshop's id: the record its encrypted fields belong to. */
  sealed_as: string;
  citizen_id: string;
  /** A session's place in its table (null for a workshop row): marking it exported needs no lookup. */
  row_number: number | null;
};

/**
 * Every reportable service of a period: sessions with a citizen who gave a codice fiscale, and one
 * row per checked-in participant of a closed workshop. Live records only (no tombstones, no
 * erased citizens). Personal fields are decrypted one record at a time, only while exporting.
 * The sessions are read from their own table alone: joining each of 100k rows to its operator and
 * citizen doubled the read, for a handful of operators and a few erased citizens that are read
 * once instead (`records`).
 */
const SESSIONS_SQL = `
  SELECT s.id AS id, 'session' AS kind, s.id AS sealed_as, s.rowid AS row_number, s.citizen_id, s.operator_id,
         s.date AS date, s.duration_min, s.se3, s.se5, s.se6, s.details_enc, s.experience_enc
    FROM sessions s INDEXED BY sessions_by_reportable
   WHERE s.deleted_at IS NULL AND s.reportable = 1 AND s.date BETWEEN @from AND @to
   ORDER BY s.date, s.id`;
const PARTICIPANTS_SQL = `
  SELECT p.id, 'workshopParticipant' AS kind, w.id AS sealed_as, NULL AS row_number, p.citizen_id,
         w.trainer_id AS operator_id,
         w.date AS date, w.duration_min, w.se3, w.se5, w.se6, w.details_enc, NULL AS experience_enc
    FROM workshops w
    JOIN workshop_participants p ON p.workshop_id = w.id
    JOIN operators o ON o.id = w.trainer_id
    JOIN citizens c ON c.id = p.citizen_id
   WHERE w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL
     AND c.erased_at IS NULL AND c.cf_enc IS NOT NULL AND c.profile_complete = 1
     AND (c.birth_year IS NULL OR c.birth_year > ${LAST_UNREPORTABLE_BIRTH_YEAR}) AND w.date BETWEEN @from AND @to
   ORDER BY w.date, p.id`;
/**
 * How many rows the two queries will yield, without their joins: the sessions along their covering
 * index, less those of erased citizens (few: CROSS JOIN makes SQLite start from them), plus the workshop rows. Counting through the joins
 * took ~300 ms for 100k sessions, all of it one synchronous stretch before the export could yield.
 */
const TOTAL_SQL = `
  SELECT (SELECT count(*) FROM sessions INDEXED BY sessions_by_reportable
           WHERE deleted_at IS NULL AND reportable = 1 AND date BETWEEN @from AND @to)
       - (SELECT count(*) FROM citizens c CROSS JOIN sessions s ON s.citizen_id = c.id
           WHERE c.erased_at IS NOT NULL AND s.deleted_at IS NULL AND s.reportable = 1 AND s.date BETWEEN @from AND @to)
       + (SELECT count(*) FROM (${PARTICIPANTS_SQL.slice(0, PARTICIPANTS_SQL.lastIndexOf('ORDER BY'))}))`;

type OperatorFacts = Pick<OperatorRow, 'id' | 'facilita_name' | 'facilita_id_enc'>;

/**
 * Two row sources, each already in (date, id) order, as one: sessions read along their index, so
 * SQLite never sorts 100k wide rows before handing the first (a stall of seconds on a busy disk).
 */
function* mergedByDate(a: Iterator<ServiceRow>, b: Iterator<ServiceRow>): Generator<ServiceRow> {
  try {
    let left = a.next();
    let right = b.next();
    while (!left.done || !right.done) {
      const takeLeft =
        right.done ||
        (!left.done &&
          (left.value.date < right.value.date ||
            (left.value.date === right.value.date && left.value.id <= right.value.id)));
      if (takeLeft && !left.done) {
        yield left.value;
        left = a.next();
      } else if (!right.done) {
        yield right.value;
        right = b.next();
      }
    }
  } finally {
    // A caller that stops early (a cancelled export) must not leave the statements busy.
    a.return?.();
    b.return?.();
  }
}

/** `siteHistory`: the site's audit trail, to say who set the cut-off and when. */
export const journalFacilitaSource = (
  db: Database,
  cipher: FieldCipher,
  siteHistory: (siteId: string) => AuditEntry[] = () => [],
  now: () => Date = () => new Date(),
): FacilitaSource => {
  /** Session id → rowid, as the export read them (one source serves one export). */
  const rowids = new Map<string, number>();
  return {
    /** In short transactions with yields between them: 100k updates at once would hold the app for seconds. */
    markExported: (records, at) => markExported(db, records, at, (id) => rowids.get(id)),
    period(from, to) {
      const found = findSiteRow(db);
      if (!found) throw new AppFailure('CONFLICT', 'The site is not set up yet', { reason: 'siteNotSetUp' });
      const site = found;
      // Demo data is fictional training material: it must never reach Facilita.
      if (site.demo === 1) throw new AppFailure('CONFLICT', 'This desk holds demo data', { reason: 'demoData' });
      const total = db.prepare(TOTAL_SQL).pluck().get({ from, to }) as number;
      const citizenOf = db.prepare('SELECT * FROM citizens WHERE id = ?');

      function* records(): Generator<FacilitaServiceRecord> {
        const rows = mergedByDate(
          db.prepare(SESSIONS_SQL).iterate({ from, to }) as IterableIterator<ServiceRow>,
          db.prepare(PARTICIPANTS_SQL).iterate({ from, to }) as IterableIterator<ServiceRow>,
        );
        // A citizen comes back several times, an operator logs thousands of rows: each is read and
        // decrypted once per export (in memory only while it runs, like every decrypted field).
        const citizens = new Map<string, FacilitaServiceRecord['citizen']>();
        const facilitatorIds = new Map<string, string>();
        const operators = new Map(
          (db.prepare('SELECT id, facilita_name, facilita_id_enc FROM operators').all() as OperatorFacts[]).map(
            (operator) => [operator.id, operator],
          ),
        );
        const erased = new Set(
          db.prepare('SELECT id FROM citizens WHERE erased_at IS NOT NULL').pluck().all() as string[],
        );
        const citizenOfRow = (id: string): FacilitaServiceRecord['citizen'] => {
          const known = citizens.get(id);
          if (known) return known;
          const citizen = citizenOf.get(id) as CitizenRow;
          const citizenField = (field: CitizenSealedField, value: string | null) =>
            openCitizenField(cipher, citizen.id, field, value) ?? '';
          const email = citizenField('email', citizen.email_enc);
          const phone = citizenField('phone', citizen.phone_enc);
          const opened = {
            firstName: citizenField('first_name', citizen.first_name_enc),
            lastName: citizenField('last_name', citizen.last_name_enc),
            codiceFiscale: citizenField('codice_fiscale', citizen.cf_enc),
            education: citizen.education,
            occupation: citizen.occupation,
            citizenship: citizen.citizenship,
            province: citizen.province,
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            birthYear: citizen.birth_year,
          };
          citizens.set(id, opened);
          return opened;
        };
        const facilitatorIdOf = (operator: OperatorFacts): string => {
          let id = facilitatorIds.get(operator.id);
          if (id === undefined) {
            id = openFacilitaId(cipher, operator.id, operator.facilita_id_enc);
            facilitatorIds.set(operator.id, id);
          }
          return id;
        };
        for (const row of rows) {
          const operator = operators.get(row.operator_id);
          // What the joins would have left out: an erased citizen, a row without its operator.
          if (!operator || row.citizen_id === null || erased.has(row.citizen_id)) continue;
          const experience = openExperience(cipher, row.sealed_as, row.experience_enc);
          if (row.row_number !== null) rowids.set(row.id, row.row_number);
          yield {
            recordId: row.id,
            recordKind: row.kind,
            ...(row.kind === 'workshopParticipant' ? { parentId: row.sealed_as } : {}),
            facilitator: { id: facilitatorIdOf(operator), name: operator.facilita_name },
            site: { id: site.facilita_id, name: site.facilita_name },
            citizen: citizenOfRow(row.citizen_id),
            service: {
              date: row.date,
              duration: durationText(row.duration_min),
              types: splitCodes(row.se3),
              competences: splitNumbers(row.se5),
              areas: splitCodes(row.se6),
              details:
                row.kind === 'session'
                  ? openSessionDetails(cipher, row.sealed_as, row.details_enc)
                  : openWorkshopDetails(cipher, row.sealed_as, row.details_enc),
            },
            ...(experience
              ? {
                  experience: {
                    es1: experience.es1 ? [experience.es1] : [],
                    es2: experience.es2 ? [experience.es2] : [],
                    es3: experience.es3,
                    es4: experience.es4,
                    es5: experience.es5,
                    ...(experience.es6 === null ? {} : { es6: experience.es6 }),
                  },
                }
              : {}),
          };
        }
      }

      const today = localDate(now());
      const { cutoff, origin } = cutoffInForce(site.cutoff_date, today, siteHistory(site.id));
      return {
        records: records(),
        total,
        rules: {
          projectStart: site.project_start,
          projectEnd: site.project_end,
          cutoff,
          cutoffOrigin: origin,
          minorsAllowed: site.allow_minors === 1,
          currentYear: Number(today.slice(0, 4)),
          uploadDay: today,
          measure: site.measure,
          organisation: site.ente,
        },
        site: { id: site.facilita_id, name: site.facilita_name },
        organisation: site.ente,
        notReportable: () => withCitizensToComplete(db, cipher, notReportableServices(db, { from, to })),
      };
    },
  };
};
