import { z } from 'zod';
import { Uuid } from './common.ts';
import { DeskExportAnswer } from './exports.ts';
import { OperatorPayload } from './pull.ts';
import { HubSiteSettings } from './site-settings.ts';

export const CreateOrganisation = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export const CreateSite = z
  .object({ organisationId: Uuid, name: z.string().trim().min(1).max(200), settings: HubSiteSettings.default({}) })
  .strict();
export const SiteSettings = z.object({ settings: HubSiteSettings }).strict();
export const IssueCode = z
  .object({
    siteId: Uuid,
    ttlMinutes: z
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .default(60 * 24),
  })
  .strict();
export const IssuedCode = z.object({ id: Uuid, code: z.string(), siteId: Uuid, expiresAt: z.string() });
export type IssuedCode = z.infer<typeof IssuedCode>;
export const PutOperator = z
  .object({ organisationId: Uuid, id: Uuid.optional() })
  .extend(OperatorPayload.shape)
  .strict();
export const OrganisationQuery = z.object({ organisationId: Uuid }).strict();
/** The referente's Facilita export across every desk: one organisation, one period (yyyy-mm-dd). */
/** The body of `POST /v1/admin/facilita-exports`: an export is made and recorded, so it is not a GET. */
export const FacilitaExportRequest = z
  .object({
    organisationId: Uuid,
    from: z.iso.date(),
    to: z.iso.date(),
    /** `true`: rows an earlier export of the organisation holds go out again (the referente asked for it). */
    includeExported: z.boolean().default(false),
    /** Who exports, as the registry will show it (free text: the hub has no admin accounts). */
    createdBy: z.string().trim().min(1).max(200).optional(),
    /** The language of the archive PDFs and of the "nothing to export" sentence. */
    language: z.enum(['it', 'en']).default('en'),
  })
  .strict()
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'the period ends before it starts' });
export type FacilitaExportRequest = z.output<typeof FacilitaExportRequest>;

const RecordKind = z.enum(['session', 'workshopParticipant']);
export const FacilitaFileEntry = z.object({
  filename: z.string(),
  rows: z.int(),
  sha256: z.string(),
  /** The archive PDF's name (hub exports; a desk keeps its own PDFs). */
  archive: z.string().optional(),
});
export const FacilitaExportResult = z.object({
  /** The registry entry; null when no row went out (only rejections), so nothing was recorded. */
  exportId: Uuid.nullable(),
  files: z.array(
    FacilitaFileEntry.extend({
      /** CSV for measure 1.7.2; Excel for a Servizio Civile Digitale site (1.7.1). */
      format: z.enum(['csv', 'xlsx']),
      /** A CSV's text; an Excel file is fetched as a file (`files/<filename>`). */
      csv: z.string().optional(),
    }),
  ),
  /** Valid rows Facilita would refuse today (after its cut-off, a birthday to come): the next export takes them. */
  held: z.array(
    z.object({
      recordId: z.string(),
      recordKind: RecordKind,
      parentId: z.string().optional(),
      hold: z.discriminatedUnion('reason', [
        z.object({ reason: z.literal('afterCutoff'), date: z.iso.date() }),
        z.object({ reason: z.literal('notYetOfAge'), from: z.iso.date() }),
      ]),
    }),
  ),
  rejected: z.array(
    z.object({
      recordId: z.string(),
      recordKind: RecordKind,
      parentId: z.string().optional(),
      reasons: z.array(z.object({ code: z.string(), column: z.string() })),
    }),
  ),
  /** Rows left out because an earlier export of the organisation already holds them. */
  skippedAlreadyExported: z.int(),
  /** Services left out because the desk that sent them reported demo data (fictional people). */
  leftOutDemo: z.int(),
});
export type FacilitaExportResult = z.infer<typeof FacilitaExportResult>;
export const FacilitaExportEntry = z.object({
  id: Uuid,
  organisationId: Uuid,
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  includeExported: z.boolean(),
  files: z.array(FacilitaFileEntry),
  rowCount: z.int(),
  rejectedCount: z.int(),
  skippedAlreadyExported: z.int(),
  /** When the referente confirmed the files were uploaded to Facilita. */
  uploadedAt: z.string().nullable(),
  /** Who made it: the hub, or a desk (which one: `deviceId`, `deskName`; `createdBy` is its operator's id). */
  origin: z.enum(['hub', 'desk']),
  deviceId: Uuid.nullable(),
  deskName: z.string().nullable(),
  /** A desk export that arrived after another export of the organisation held some of its services. */
  conflict: DeskExportAnswer.shape.conflict,
});
export type FacilitaExportEntry = z.infer<typeof FacilitaExportEntry>;

export const DeskRow = z.object({
  deviceId: Uuid,
  name: z.string(),
  siteId: Uuid,
  siteName: z.string(),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The last push after which the desk had nothing left to send. */
  lastSyncAt: z.string().nullable(),
  /** The last pull or push: a desk that only pulls is in contact, not silent. */
  lastContactAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  /** The desk app's version at its last pull. */
  appVersion: z.string().nullable(),
  /** Unsent changes the desk reported at its last contact. */
  backlog: z.int(),
  highWater: z.int(),
});
export type DeskRow = z.infer<typeof DeskRow>;

/** An enrollment code as the admin lists it: never the code itself, which only its issuer saw. */
export const EnrollmentCodeRow = z.object({
  id: Uuid,
  siteId: Uuid,
  siteName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  deviceId: Uuid.nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(['open', 'used', 'expired', 'revoked']),
});
export type EnrollmentCodeRow = z.infer<typeof EnrollmentCodeRow>;

export const SiteSummary = z.object({
  siteId: Uuid,
  siteName: z.string(),
  desks: z.int(),
  records: z.record(z.string(), z.int()),
  openConflicts: z.int(),
  backlog: z.int(),
  perDesk: z.array(
    z.object({
      deviceId: Uuid,
      name: z.string(),
      records: z.int(),
      lastSyncAt: z.string().nullable(),
      backlog: z.int(),
    }),
  ),
});
export type SiteSummary = z.infer<typeof SiteSummary>;
export const OrganisationSummary = z.object({ organisationId: Uuid, sites: z.array(SiteSummary) });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

/** A conflict as the organisation's admin lists it: which record, where, when; never the payloads. */
export const ConflictRow = z.object({
  changeId: Uuid,
  entity: z.string(),
  recordId: z.string(),
  siteId: Uuid,
  siteName: z.string(),
  deviceId: Uuid,
  deskName: z.string(),
  mineVersion: z.int(),
  theirsVersion: z.int(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closeReason: z.string().nullable(),
});
export type ConflictRow = z.infer<typeof ConflictRow>;

export const ConflictQuery = z
  .object({ organisationId: Uuid, state: z.enum(['open', 'closed', 'all']).default('open') })
  .strict();
export const CloseConflict = z
  .object({
    /** Who closes it, as the list will show it (the console's signed-in person, or the CLI's --by). */
    closedBy: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
