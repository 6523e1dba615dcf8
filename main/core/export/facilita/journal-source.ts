import type { Database } from 'better-sqlite3';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { durationText } from '../../../../shared/domain/journal/options.ts';
import { splitCodes, splitNumbers } from '../../journal/journal-context.ts';
import { openCitizenField, type CitizenRow, type CitizenSealedField } from '../../journal/records/citizen.ts';
import { openFacilitaId, type OperatorRow } from '../../journal/records/operator.ts';
import { openExperience, openSessionDetails, type SessionRow } from '../../journal/records/session.ts';
import { findSiteRow } from '../../journal/records/site.ts';
import { openWorkshopDetails } from '../../journal/records/workshop.ts';
import { AppFailure } from '../../rpc/app-failure.ts';
import type { FacilitaSource } from './export-service.ts';
import type { FacilitaServiceRecord } from './record.ts';

/** One reportable service: a session, or a checked-in participant of a closed workshop. */
type ServiceRow = Pick<
  SessionRow,
  'citizen_id' | 'operator_id' | 'date' | 'duration_min' | 'se3' | 'se5' | 'se6' | 'details_enc' | 'experience_enc'
> &
  Pick<OperatorRow, 'facilita_name' | 'facilita_id_enc'> & {
    id: string;
    kind: FacilitaServiceRecord['recordKind'];
    /** The session's or the workshop's id: the record its encrypted fields belong to. */
    sealed_as: string;
    citizen_id: string;
  };

/**
 * Every reportable service of a period: sessions with a citizen who gave a codice fiscale, and one
 * row per checked-in participant of a closed workshop. Live records only (no tombstones, no
 * erased citizens). Personal fields are decrypted one record at a time, only while exporting.
 */
const SERVICES_SQL = `
  SELECT s.id AS id, 'session' AS kind, s.id AS sealed_as, s.citizen_id, s.operator_id, o.facilita_name, o.facilita_id_enc,
         s.date AS date, s.duration_min, s.se3, s.se5, s.se6, s.details_enc, s.experience_enc
    FROM sessions s
    JOIN operators o ON o.id = s.operator_id
    JOIN citizens c ON c.id = s.citizen_id
   WHERE s.deleted_at IS NULL AND s.reportable = 1 AND c.erased_at IS NULL AND s.date BETWEEN @from AND @to
  UNION ALL
  SELECT p.id, 'workshopParticipant', w.id, p.citizen_id, w.trainer_id, o.facilita_name, o.facilita_id_enc,
         w.date, w.duration_min, w.se3, w.se5, w.se6, w.details_enc, NULL
    FROM workshop_participants p
    JOIN workshops w ON w.id = p.workshop_id
    JOIN operators o ON o.id = w.trainer_id
    JOIN citizens c ON c.id = p.citizen_id
   WHERE w.deleted_at IS NULL AND w.state = 'closed' AND p.checked_in_at IS NOT NULL
     AND c.erased_at IS NULL AND c.cf_enc IS NOT NULL AND w.date BETWEEN @from AND @to
  ORDER BY date, id`;

export const journalFacilitaSource = (
  db: Database,
  cipher: FieldCipher,
  now: () => Date = () => new Date(),
): FacilitaSource => ({
  markExported(records, at) {
    const session = db.prepare('UPDATE sessions SET exported_at = ? WHERE id = ?');
    const workshop = db.prepare(
      'UPDATE workshops SET exported_at = ? WHERE id = (SELECT workshop_id FROM workshop_participants WHERE id = ?)',
    );
    db.transaction(() => {
      for (const record of records) (record.kind === 'session' ? session : workshop).run(at, record.id);
    })();
  },
  period(from, to) {
    const found = findSiteRow(db);
    if (!found) throw new AppFailure('CONFLICT', 'The site is not set up yet', { reason: 'siteNotSetUp' });
    const site = found;
    // Demo data is fictional training material: it must never reach Facilita.
    if (site.demo === 1) throw new AppFailure('CONFLICT', 'This desk holds demo data', { reason: 'demoData' });
    const total = db.prepare(`SELECT count(*) FROM (${SERVICES_SQL})`).pluck().get({ from, to }) as number;
    const citizenOf = db.prepare('SELECT * FROM citizens WHERE id = ?');

    function* records(): Generator<FacilitaServiceRecord> {
      for (const row of db.prepare(SERVICES_SQL).iterate({ from, to }) as Iterable<ServiceRow>) {
        const citizen = citizenOf.get(row.citizen_id) as CitizenRow;
        const experience = openExperience(cipher, row.sealed_as, row.experience_enc);
        const citizenField = (field: CitizenSealedField, value: string | null) =>
          openCitizenField(cipher, citizen.id, field, value) ?? '';
        const email = citizenField('email', citizen.email_enc);
        const phone = citizenField('phone', citizen.phone_enc);
        yield {
          recordId: row.id,
          recordKind: row.kind,
          ...(row.kind === 'workshopParticipant' ? { parentId: row.sealed_as } : {}),
          facilitator: {
            id: openFacilitaId(cipher, row.operator_id, row.facilita_id_enc),
            name: row.facilita_name,
          },
          site: { id: site.facilita_id, name: site.facilita_name },
          citizen: {
            firstName: citizenField('first_name', citizen.first_name_enc),
            lastName: citizenField('last_name', citizen.last_name_enc),
            codiceFiscale: citizenField('codice_fiscale', citizen.cf_enc),
            education: citizen.education,
            occupation: citizen.occupation,
            citizenship: citizen.citizenship,
            province: citizen.province,
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
          },
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

    return {
      records: records(),
      total,
      rules: {
        projectStart: site.project_start,
        projectEnd: site.project_end,
        // No cut-off entered yet: the project's end is the only limit.
        cutoff: site.cutoff_date ?? site.project_end,
        minorsAllowed: site.allow_minors === 1,
        currentYear: now().getFullYear(),
      },
      site: { id: site.facilita_id, name: site.facilita_name },
      organisation: site.ente,
    };
  },
});
