import {
  FacilitaExportBuilder,
  renderPart,
  sha256Hex,
  type HeldRecord,
  type RejectedRecord,
} from '../../main/core/export/facilita/build-export.ts';
import { cutoffInForce } from '../../main/core/export/facilita/cutoff.ts';
import { toServizioCivileXlsx } from '../../main/core/export/facilita/xlsx.ts';
import { localDate } from '../../shared/i18n/format-day.ts';
import type { ExportRules, FacilitaMeasure, FacilitaServiceRecord } from '../../main/core/export/facilita/record.ts';
import { exportFileName } from '../../main/core/export/facilita/file-names.ts';
import { HubSiteSettingFields } from '../../shared/sync-protocol/site-settings.ts';
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
  /** The cut-off was set at the hub for the site (else a desk of the site entered it, or none did). */
  cutoffFromHub: boolean;
  allowMinors: boolean;
  /** 1.7.2 (the CSV) unless the site reports under Servizio Civile Digitale (1.7.1, the Excel file). */
  measure: FacilitaMeasure;
}

export type RecordKind = FacilitaServiceRecord['recordKind'];

/**
 * Each hub site's identity and rules: the site settings the organisation set at the hub win (one
 * source for every desk of the site); a field the hub never set falls back to what the site's desks
 * pushed at set-up. A site with neither a Facilita id and name nor project dates exports nothing.
 */
const siteIdentities = async (
  db: Queryable,
  organisationId: string,
  deskSites: Map<string, Record<string, unknown>>,
  siteOfRecord: Map<string, string>,
): Promise<Map<string, SitePayload>> => {
  const fromDesks = new Map<string, Record<string, unknown>>();
  for (const [recordId, payload] of deskSites) {
    const hubSite = siteOfRecord.get(`site:${recordId}`);
    if (hubSite && !fromDesks.has(hubSite)) fromDesks.set(hubSite, payload);
  }
  const settings = await db.query<{ key: string; payload: Record<string, unknown> }>(
    "SELECT key, payload FROM feed WHERE organisation_id = $1 AND kind = 'siteSettings' AND NOT deleted",
    [organisationId],
  );
  const fromHub = new Map(settings.map((row) => [row.key, row.payload]));
  const identities = new Map<string, SitePayload>();
  for (const siteId of new Set([...fromDesks.keys(), ...fromHub.keys()])) {
    const hubSettings = definedOnly(HubSiteSettingFields.safeParse(fromHub.get(siteId) ?? {}).data);
    const merged = { ...fromDesks.get(siteId), ...hubSettings };
    const site: SitePayload = {
      facilitaId: text(merged['facilitaId']),
      facilitaName: text(merged['facilitaName']),
      projectStart: text(merged['projectStart']),
      projectEnd: text(merged['projectEnd']),
      cutoffDate: typeof merged['cutoffDate'] === 'string' ? merged['cutoffDate'] : null,
      cutoffFromHub: typeof hubSettings['cutoffDate'] === 'string',
      allowMinors: merged['allowMinors'] === true,
      measure: merged['measure'] === '1.7.1' ? '1.7.1' : '1.7.2',
    };
    if (site.facilitaId && site.facilitaName && site.projectStart && site.projectEnd) identities.set(siteId, site);
  }
  return identities;
};

const definedOnly = (value: Record<string, unknown> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, field]) => field !== undefined));

export interface BuiltFile {
  filename: string;
  /** The CSV's text (1.7.2), or the Excel file's bytes (1.7.1): what Facilita takes for the site's measure. */
  content: string | Buffer;
  format: 'csv' | 'xlsx';
  rows: number;
  sha256: string;
  /** The records behind the rows, in row order: what the registry marks as exported; `siteId`: the hub site. */
  records: { kind: RecordKind; id: string; siteId: string }[];
  /** The file's rows and the facts its archive PDF states (the desk's archive code makes it). */
  table: string[][];
  site: { id: string; name: string };
  rules: ExportRules;
  rejectedCount: number;
  heldCount: number;
}

export interface BuiltOrganisationExport {
  files: BuiltFile[];
  rejected: RejectedRecord[];
  /** Valid rows Facilita would refuse today (after its cut-off, a birthday to come): the next export takes them. */
  held: HeldRecord[];
  /** Records left out because `alreadyExported` said so. */
  skipped: number;
  /** Services left out because the desk that sent them reported demo data (fictional people). */
  leftOutDemo: number;
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

/**
 * A site's rules on the export's day (`today`, yyyy-mm-dd): Facilita's cut-off as the hub or a desk
 * of the site entered it, else the desks' default (the last day of the previous month), so the hub
 * holds what Facilita would refuse just as a desk does.
 */
/**
 * Whether a service can go to Facilita, by its citizen as the hub holds them now — not by the
 * `reportable` a session's payload carried when it was saved: a codice fiscale given later, or a
 * profile registered on arrival (codice fiscale only, no AN9–AN12) and completed later, makes the
 * earlier sessions reportable, as on the desk (its sessions follow their citizen). The age rules
 * are the exporter's, which rejects or holds such a row with its reason.
 */
const citizenReportable = (citizen: Record<string, unknown>): boolean =>
  text(citizen['codiceFiscale']) !== '' && citizen['profileComplete'] !== false;

const rulesOf = (site: SitePayload, today: string): ExportRules => {
  const { cutoff, origin } = site.cutoffFromHub
    ? { cutoff: site.cutoffDate ?? '', origin: { kind: 'hub' } as const }
    : cutoffInForce(site.cutoffDate, today);
  return {
    projectStart: site.projectStart,
    projectEnd: site.projectEnd,
    cutoff,
    cutoffOrigin: origin,
    minorsAllowed: site.allowMinors,
    currentYear: Number(today.slice(0, 4)),
    uploadDay: today,
    measure: site.measure,
  };
};

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
  const today = localDate(options.at);
  const rows = await db.query<RecordRow & { site_id: string; demo: boolean }>(
    `SELECT r.entity, r.record_id, r.payload, r.site_id, d.demo FROM records r JOIN devices d ON d.id = r.device_id
      WHERE r.organisation_id = $1 AND NOT r.deleted
        AND r.entity IN ('site', 'operator', 'citizen', 'session', 'workshop', 'participant')`,
    [organisationId],
  );
  const byEntity = new Map<string, Map<string, Record<string, unknown>>>();
  const siteOfRecord = new Map<string, string>();
  let leftOutDemo = 0;
  for (const row of rows) {
    // A demo desk's records are fictional people: never in a file, and counted so the export says so.
    if (row.demo) {
      if (row.entity === 'session' || row.entity === 'participant') leftOutDemo += 1;
      continue;
    }
    if (!byEntity.has(row.entity)) byEntity.set(row.entity, new Map());
    byEntity.get(row.entity)?.set(row.record_id, row.payload);
    siteOfRecord.set(`${row.entity}:${row.record_id}`, row.site_id);
  }
  const entity = (name: string) => byEntity.get(name) ?? new Map<string, Record<string, unknown>>();
  const siteByHubSite = await siteIdentities(db, organisationId, entity('site'), siteOfRecord);

  const builders = new Map<string, FacilitaExportBuilder>();
  const facilitaSites = new Map<string, SitePayload>();
  let skipped = 0;
  const add = (site: SitePayload, record: FacilitaServiceRecord) => {
    if (options.alreadyExported(record.recordKind, record.recordId)) {
      skipped += 1;
      return;
    }
    const key = site.facilitaId;
    if (!builders.has(key)) builders.set(key, new FacilitaExportBuilder(rulesOf(site, today)));
    facilitaSites.set(key, site);
    builders.get(key)?.add(record);
  };
  const inPeriod = (date: string) => date >= period.from && date <= period.to;

  for (const [recordId, session] of entity('session')) {
    const site = siteByHubSite.get(siteOfRecord.get(`session:${recordId}`) ?? '');
    const citizen = entity('citizen').get(text(session['citizenId']));
    if (!site || !citizen || !citizenReportable(citizen) || !inPeriod(text(session['date']))) continue;
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
    if (!citizenReportable(citizen) || !inPeriod(text(workshop['date']))) continue;
    const trainer = entity('operator').get(text(workshop['trainerId']));
    add(
      site,
      toRecord('workshopParticipant', recordId, workshop, trainer, citizen, site, text(participant['workshopId'])),
    );
  }

  const files: BuiltFile[] = [];
  const rejected: RejectedRecord[] = [];
  const held: HeldRecord[] = [];
  for (const [siteId, builder] of builders) {
    const built = builder.finish();
    rejected.push(...built.rejected);
    held.push(...built.held);
    const site = facilitaSites.get(siteId) as SitePayload;
    for (const part of built.parts) {
      const format = site.measure === '1.7.1' ? 'xlsx' : 'csv';
      const content =
        format === 'xlsx' ? await toServizioCivileXlsx(part.rows, site.facilitaName) : renderPart(part).csv;
      files.push({
        filename: exportFileName({ siteId, ...period, at: options.at }, part.part, format),
        content,
        format,
        rows: part.rows.length,
        sha256: sha256Hex(content),
        records: part.recordIds.map((id, index) => {
          const kind = part.recordKinds[index] ?? 'session';
          const hubSite = siteOfRecord.get(`${kind === 'session' ? 'session' : 'participant'}:${id}`) ?? '';
          return { kind, id, siteId: hubSite };
        }),
        table: part.rows,
        site: { id: site.facilitaId, name: site.facilitaName },
        rules: rulesOf(site, today),
        rejectedCount: built.rejected.length,
        heldCount: built.held.length,
      });
    }
  }
  return { files, rejected, held, skipped, leftOutDemo };
};
