import {
  FacilitaExportBuilder,
  renderPart,
  type RejectedRecord,
} from '../../main/core/export/facilita/build-export.ts';
import type { ExportRules, FacilitaServiceRecord } from '../../main/core/export/facilita/record.ts';
import { exportFileName } from '../../main/core/export/facilita/file-names.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The referente's Facilita export across every desk of an organisation: the same exporter as a desk
 * (pre-validation with Facilita's rules, 9,000-row files, duplicate rule), fed from the hub's
 * `records` — the latest version of each record the desks pushed, tombstones left out. Each site's
 * own rules (project dates, cut-off, minors) apply to its rows.
 */
interface RecordRow {
  entity: string;
  record_id: string;
  payload: Record<string, unknown>;
}

interface SitePayload {
  facilitaId: string;
  facilitaName: string;
  projectStart: string;
  projectEnd: string;
  cutoffDate: string | null;
  allowMinors: boolean;
  demo?: boolean;
}

export type RecordKind = FacilitaServiceRecord['recordKind'];

export interface BuiltFile {
  filename: string;
  csv: string;
  rows: number;
  sha256: string;
  /** The records behind the rows, in row order: what the registry marks as exported. */
  records: { kind: RecordKind; id: string }[];
}

export interface BuiltOrganisationExport {
  files: BuiltFile[];
  rejected: RejectedRecord[];
  /** Records left out because `alreadyExported` said so. */
  skipped: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const toRecord = (
  kind: FacilitaServiceRecord['recordKind'],
  recordId: string,
  service: Record<string, unknown>,
  operator: Record<string, unknown> | undefined,
  citizen: Record<string, unknown>,
  site: SitePayload,
  parentId?: string,
): FacilitaServiceRecord => {
  const experience = service['experience'] as Record<string, unknown> | null | undefined;
  return {
    recordId,
    recordKind: kind,
    ...(parentId ? { parentId } : {}),
    facilitator: { id: text(operator?.['facilitaId']), name: text(operator?.['facilitaName']) },
    site: { id: site.facilitaId, name: site.facilitaName },
    citizen: {
      firstName: text(citizen['firstName']),
      lastName: text(citizen['lastName']),
      codiceFiscale: text(citizen['codiceFiscale']),
      education: text(citizen['education']),
      occupation: text(citizen['occupation']),
      citizenship: text(citizen['citizenship']),
      province: text(citizen['province']),
      ...(text(citizen['email']) ? { email: text(citizen['email']) } : {}),
      ...(text(citizen['phone']) ? { phone: text(citizen['phone']) } : {}),
    },
    service: {
      date: text(service['date']),
      duration: text(service['duration']),
      types: list<string>(service['serviceTypes']),
      competences: list<number>(service['competences']),
      areas: list<string>(service['serviceAreas']),
      details: text(service['details']),
    },
    ...(experience
      ? {
          experience: {
            es1: experience['es1'] ? [text(experience['es1'])] : [],
            es2: experience['es2'] ? [text(experience['es2'])] : [],
            es3: list<string>(experience['es3']),
            es4: text(experience['es4']),
            es5: list<string>(experience['es5']),
            ...(typeof experience['es6'] === 'number' ? { es6: experience['es6'] } : {}),
          },
        }
      : {}),
  };
};

const rulesOf = (site: SitePayload): ExportRules => ({
  projectStart: site.projectStart,
  projectEnd: site.projectEnd,
  cutoff: site.cutoffDate ?? site.projectEnd,
  minorsAllowed: site.allowMinors,
  currentYear: new Date().getFullYear(),
});

/**
 * Reads the organisation's records and builds the files. `alreadyExported` leaves records out before
 * validation (an earlier export holds them); `at`, the export's time, is in the files' names.
 */
export const buildOrganisationExport = async (
  db: Queryable,
  organisationId: string,
  period: { from: string; to: string },
  options: { alreadyExported: (kind: RecordKind, recordId: string) => boolean; at: Date },
): Promise<BuiltOrganisationExport> => {
  const rows = await db.query<RecordRow & { site_id: string }>(
    `SELECT entity, record_id, payload, site_id FROM records
      WHERE organisation_id = $1 AND NOT deleted
        AND entity IN ('site', 'operator', 'citizen', 'session', 'workshop', 'participant')`,
    [organisationId],
  );
  const byEntity = new Map<string, Map<string, Record<string, unknown>>>();
  const siteOfRecord = new Map<string, string>();
  for (const row of rows) {
    if (!byEntity.has(row.entity)) byEntity.set(row.entity, new Map());
    byEntity.get(row.entity)?.set(row.record_id, row.payload);
    siteOfRecord.set(`${row.entity}:${row.record_id}`, row.site_id);
  }
  const entity = (name: string) => byEntity.get(name) ?? new Map<string, Record<string, unknown>>();
  // A desk's site record is keyed by its hub site: the rules in force where the service was given.
  const siteByHubSite = new Map<string, SitePayload>();
  for (const [recordId, payload] of entity('site')) {
    const hubSite = siteOfRecord.get(`site:${recordId}`);
    if (hubSite && !payload['demo']) siteByHubSite.set(hubSite, payload as unknown as SitePayload);
  }

  const builders = new Map<string, FacilitaExportBuilder>();
  let skipped = 0;
  const add = (site: SitePayload, record: FacilitaServiceRecord) => {
    if (options.alreadyExported(record.recordKind, record.recordId)) {
      skipped += 1;
      return;
    }
    const key = site.facilitaId;
    if (!builders.has(key)) builders.set(key, new FacilitaExportBuilder(rulesOf(site)));
    builders.get(key)?.add(record);
  };
  const inPeriod = (date: string) => date >= period.from && date <= period.to;

  for (const [recordId, session] of entity('session')) {
    const site = siteByHubSite.get(siteOfRecord.get(`session:${recordId}`) ?? '');
    const citizen = entity('citizen').get(text(session['citizenId']));
    if (!site || !citizen || !session['reportable'] || !inPeriod(text(session['date']))) continue;
    add(
      site,
      toRecord('session', recordId, session, entity('operator').get(text(session['operatorId'])), citizen, site),
    );
  }
  for (const [recordId, participant] of entity('participant')) {
    const workshop = entity('workshop').get(text(participant['workshopId']));
    const site = siteByHubSite.get(siteOfRecord.get(`participant:${recordId}`) ?? '');
    const citizen = entity('citizen').get(text(participant['citizenId']));
    if (!workshop || !site || !citizen || workshop['state'] !== 'closed' || !participant['checkedIn']) continue;
    if (!text(citizen['codiceFiscale']) || !inPeriod(text(workshop['date']))) continue;
    const trainer = entity('operator').get(text(workshop['trainerId']));
    add(
      site,
      toRecord('workshopParticipant', recordId, workshop, trainer, citizen, site, text(participant['workshopId'])),
    );
  }

  const files: BuiltFile[] = [];
  const rejected: RejectedRecord[] = [];
  for (const [siteId, builder] of builders) {
    const built = builder.finish();
    rejected.push(...built.rejected);
    for (const part of built.parts) {
      const file = renderPart(part);
      files.push({
        filename: exportFileName({ siteId, ...period, at: options.at }, part.part, 'csv'),
        csv: file.csv,
        rows: part.rows.length,
        sha256: file.sha256,
        records: part.recordIds.map((id, index) => ({ kind: part.recordKinds[index] ?? 'session', id })),
      });
    }
  }
  return { files, rejected, skipped };
};
